"""A frab / pretalx `schedule.json` -> the programme's records.

The export is checked against the c3voc schema first (schemas/, README there):
`schedule.json` as frab and pretalx write it (days -> rooms -> events) against
`c3voc-schedule.json`, the newer `schedule2` (one list of events, rooms by
reference) against `c3voc-schedule2.json`; the content tells which it is.
What the schema finds is reported with its JSON path: a field outside the
schema is ignored, a slug the schema refuses is made again anyway, and an
event with any other fault is left out; a fault outside the events (the
conference, its days) stops the import before anything is written.

How each part is read:

- conference: title, start, end, time_zone_name and the days -> what the
  edition's facts (edition.yml) are compared with or started from (edition.py),
  and the schedule's days;
- rooms -> stages, their ids the rooms' names as slugs (a room's guid is not
  trusted to tell rooms apart: pretalx has given two rooms one guid); a room
  without events is no stage, and is said so; the room "All stages" of this
  site's own export (schedule_exports.py) is `stage: all`, and the days' names
  its conference's `meta.day_names` give are theirs;
- events -> sessions: `guid` the session's `uid` (its calendar id, kept when the
  time, the stage or the slug change; a guid this site's own export made from a
  session's calendar UID is that UID again, `own_guids`), `slug` made valid for the site, `type`
  read by keyword, `date` kept with its offset, `duration` HH:MM in minutes,
  `persons` the speakers (with their biographies, and affiliations where given), `abstract` and `description`
  as Markdown (a `subtitle` opens the abstract: a session has none here), `url`
  the proposal (unless it is the event's own page, `origin_url`), `links` and
  `attachments` named links (the one typed slides is `links.slides`, media
  `links.recording`, blog `links.announcement`; a path is read against the
  export's `base_url`), `do_not_record`, `track` and `language`; a canceled or
  withdrawn event is left out.
- texts (abstracts, descriptions, biographies) get `\n` line endings, and every
  link in them and every link of an event or a person the blog importer's
  reading and fixes (tools/markdown_links.py): a host without its scheme gets
  https://, an e-mail address mailto: (with --fix); a path, which leads to no
  page of the site, is reported, and the strict build's own judgement of the
  texts stops the import before anything is written (texts.py).
"""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slugify import slugify

from overrides.hooks.programme.programme_data import ALL_STAGES, SLUG
from tools.markdown_links import FRAME, NO_MAILTO, NO_SCHEME, PARENTHESES, PATH, LinkFault, check
from tools.pelican_import.report import Problem
from tools.programme_import.records import At, Imported, ImportFailed, json_path
from tools.programme_import.texts import literal_breaks, mend

SCHEMAS = Path(__file__).parent / "schemas"
CLASSIC, SCHEDULE2 = "c3voc-schedule.json", "c3voc-schedule2.json"
# Free-form types (pretalx lets each conference name its own) -> the site's, by the first keyword found.
TYPES = (
    (("lightning",), "lightning-talks"),
    (("keynote",), "keynote"),
    (("workshop", "hands-on", "hands on", "tutorial", "training"), "workshop"),
    (("panel", "discussion", "podium"), "panel"),
    (("break", "lunch", "coffee", "pause"), "break"),
    (("opening", "closing", "welcome", "ceremony", "address"), "address"),
    (("talk", "lecture", "vortrag", "presentation", "session", "meta"), "talk"),
)
DURATION = re.compile(r"^(?:(\d+):)?(\d{1,3}):([0-5]\d)$")  # [D:]HH:MM, as frab writes it
# Said once per kind, but nothing a person needs to mend: the import is right without them.
NOTE_KINDS = {"a field outside the schema", "a room without events", "two rooms with one guid", "a zone that is not the offsets'",
              "a required field not needed here", "an acronym the schema refuses"}
_cache: dict[str, tuple[object, str]] = {}
# Each fault of the shared link rule, as the report says it of a link.
SAID = {NO_SCHEME: "has no scheme", NO_MAILTO: "is an e-mail address without mailto",
        PARENTHESES: "has its target in a second pair of parentheses", FRAME: "is a frame from another host",
        PATH: "is a path, not a web address: on the site it leads to no page, and the strict build refuses it; "
              "write its whole address in the CfP tool"}


def load(source: str) -> tuple[object, str]:
    """The export's JSON and the name the report gives it: a file, or an address fetched once."""
    if source in _cache:
        return _cache[source]
    if urlsplit(source).scheme in ("http", "https"):
        request = urllib.request.Request(source, headers={"Accept": "application/json", "User-Agent": "tools.programme_import"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ImportFailed(f"{source}: could not be fetched: {error}") from None
        shown = urlsplit(source).path.rsplit("/", 1)[-1] or source
    else:
        path = Path(source)
        if not path.is_file():
            raise ImportFailed(f"{source}: no such file")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ImportFailed(f"{source}: not UTF-8 text") from None
        shown = path.name
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        data = error
    _cache[source] = (data, shown)
    return data, shown


def is_frab(source: str) -> bool:
    """A JSON object with a `schedule` holding a `conference`, whatever the file is called."""
    if not urlsplit(source).scheme in ("http", "https") and not Path(source).is_file():
        return False
    data, _ = load(source)
    return isinstance(data, dict) and isinstance(data.get("schedule"), dict) and "conference" in data["schedule"]


def flavour(data: dict) -> str:
    """schedule2 lists its events beside the conference; schedule.json nests them in days and rooms."""
    schedule = data["schedule"]
    days = (schedule.get("conference") or {}).get("days") or []
    if isinstance(schedule.get("events"), list) and not any(isinstance(d, dict) and "rooms" in d for d in days):
        return SCHEDULE2
    return CLASSIC


def schema_errors(data: dict, name: str):
    import jsonschema  # noqa: PLC0415 (only for an export)

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    return sorted(validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(data), key=lambda e: list(map(str, e.path)))


def _date_time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _day(value: object, zone: ZoneInfo | None) -> date | None:
    """A conference's start or end: a day, or a moment (then its day in the conference's zone)."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        moment = _date_time(value)
        if moment is None:
            return None
        return (moment.astimezone(zone) if zone and moment.tzinfo else moment).date()


class Reader:
    def __init__(self, data: dict, shown: str, conference: dict, fix: bool):
        self.data, self.shown, self.fix = data, shown, fix
        self.out = Imported()
        self.site_zone = ZoneInfo(conference.get("timezone") or "UTC")
        self.zone: ZoneInfo | None = None
        self.speakers: dict[str, dict] = {}
        self.person_keys: dict[str, str] = {}  # a person's guid, code or id -> the speaker's id
        self.slugs: set[str] = set()
        self.base_url = str(data["schedule"].get("base_url") or "")
        self.offsets: dict[str, list[tuple]] = {}  # offsets the export's zone does not have -> the events that carry them

    # The report: `schedule.json: $.path: reason`.
    def problem(self, path, reason: str, kind: str = "", fixed: bool = False) -> None:
        self.out.problems.append(Problem(self.shown, path, reason, kind, fixed=fixed))

    def fixed(self, path, reason: str, kind: str) -> bool:
        self.problem(path, reason if self.fix else f"{reason} (--fix does it)", kind, fixed=self.fix)
        return self.fix

    # The schema -----------------------------------------------------------------------------

    def check(self, name: str) -> set[tuple]:
        """Report what the schema finds; returns the events (their paths' first parts) to leave out."""
        left_out, fatal = set(), []
        for error in schema_errors(self.data, name):
            path = tuple(error.absolute_path)
            where = json_path(*path)
            event = self.event_of(path)
            if error.validator == "additionalProperties":
                self.problem(where, f"{error.message}: ignored", "a field outside the schema")
            elif error.validator == "pattern" and path and path[-1] == "slug":
                continue  # made again below, and reported there
            elif error.validator == "pattern" and path and path[-1] == "acronym":
                self.problem(where, f"{error.message}: the acronym is not used here", "an acronym the schema refuses")
            elif error.validator == "required" and event is not None and error.message.split("'")[1] in ("id", "subtitle", "track", "language", "links", "abstract", "url", "persons"):
                self.problem(where, f"{error.message} by the schema; not needed here", "a required field not needed here")
            elif event is not None:
                self.problem(where, f"{error.message}: the event is left out", "an event the schema refuses")
                left_out.add(event)
            else:
                fatal.append(f"{self.shown}: {where!s}: {error.message}")
        if fatal:
            raise ImportFailed(f"{self.shown} is not a schedule the c3voc schema ({name}) accepts:\n  " + "\n  ".join(fatal))
        return left_out

    @staticmethod
    def event_of(path: tuple) -> tuple | None:
        if len(path) >= 7 and path[:2] == ("schedule", "conference") and path[2] == "days" and path[4] == "rooms":
            return path[:7]
        if len(path) >= 3 and path[:2] == ("schedule", "events"):
            return path[:3]
        return None

    # The conference -------------------------------------------------------------------------

    def conference(self) -> None:
        conf = self.data["schedule"]["conference"]
        where = json_path("schedule", "conference", "time_zone_name")
        name = conf.get("time_zone_name")
        if name:
            try:
                self.zone = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                self.problem(where, f"{name!r} is not a time zone: its times are shown in {self.site_zone.key}")
        else:
            self.problem(where, f"the export names no time zone: its times keep their offsets and are shown in {self.site_zone.key}",
                         "an export without a time zone")
        zone = self.zone or self.site_zone
        facts = {"name": conf.get("title"), "start": _day(conf.get("start"), zone), "end": _day(conf.get("end"), zone)}
        if self.zone is not None:
            facts["timezone"] = name
        for key in ("start", "end"):
            if facts[key] is None:
                raise ImportFailed(f"{self.shown}: {json_path('schedule', 'conference', key)!s}: {conf.get(key)!r} is not a day")
        self.out.conference = {k: v for k, v in facts.items() if v}
        days = []
        for index, day in enumerate(conf.get("days") or []):
            value = _day(day.get("date"), zone)
            if value is None:
                raise ImportFailed(f"{self.shown}: {json_path('schedule', 'conference', 'days', index, 'date')!s}: "
                                   f"{day.get('date')!r} is not a day")
            days.append(value)
        if conf.get("daysCount") not in (None, len(days)):
            self.problem(json_path("schedule", "conference", "daysCount"), f"{conf['daysCount']} days counted, {len(days)} listed: "
                         "the listed days are brought")
        self.days = days

    # Rooms ----------------------------------------------------------------------------------

    def rooms(self, events: list[tuple[tuple, dict]]) -> dict[str, str]:
        """Each room's name -> its stage id, in the export's order of rooms; only rooms with events."""
        conf = self.data["schedule"]["conference"]
        listed = [(json_path("schedule", "conference", "rooms", i), room) for i, room in enumerate(conf.get("rooms") or [])]
        guids: dict[str, str] = {}
        for where, room in listed:
            guid = room.get("guid")
            if guid and guid in guids and guids[guid] != room.get("name"):
                self.problem(where, f"room {room.get('name')!r} has the guid of room {guids[guid]!r}: rooms are told apart by their names",
                             "two rooms with one guid")
            guids.setdefault(guid, room.get("name"))
        used = [self.room_name(event) for _, event in events]
        names = [room.get("name") for _, room in listed if room.get("name")] + [n for n in used if n]
        stages: dict[str, str] = {}
        for name in dict.fromkeys(names):
            if name == ALL_STAGES and name in used:  # this site's own export: its sessions on every stage
                stages[name] = "all"
                continue
            if name not in used:
                where = next((w for w, room in listed if room.get("name") == name), json_path("schedule", "conference", "rooms"))
                self.problem(where, f"room {name!r} has no events: no stage for it", "a room without events")
                continue
            stage = slugify(name) or "stage"
            if stage in ("all", *stages.values()):
                stage = f"{stage}-{len(stages) + 1}"
            stages[name] = stage
        return stages

    @staticmethod
    def room_name(event: dict) -> str | None:
        room = event.get("room")
        return room.get("name") or room.get("guid") if isinstance(room, dict) else room

    # Events ---------------------------------------------------------------------------------

    def events(self) -> list[tuple[tuple, dict]]:
        schedule = self.data["schedule"]
        out = []
        if "events" in schedule and flavour(self.data) == SCHEDULE2:
            for index, event in enumerate(schedule.get("events") or []):
                out.append((("schedule", "events", index), event))
            return out
        for d, day in enumerate(schedule["conference"].get("days") or []):
            for room, events in (day.get("rooms") or {}).items():
                for index, event in enumerate(events or []):
                    out.append((("schedule", "conference", "days", d, "rooms", room, index), event))
        return out

    def session_type(self, where, event: dict) -> str:
        kind = str(event.get("type") or "").strip()
        lowered = kind.lower()
        for words, read_as in TYPES:
            if any(word in lowered for word in words):
                return read_as
        self.problem(json_path(*where, "type"), f"{event.get('title')!r}: type {kind!r} is none the site knows: read as a talk",
                     "a type the site does not know")
        return "talk"

    def minutes(self, where, event: dict, start: datetime) -> int | None:
        end = _date_time(event["end"]) if event.get("end") else None
        if end is not None and end.tzinfo is not None:
            return int((end - start).total_seconds() // 60)
        match = DURATION.match(str(event.get("duration") or ""))
        if not match:
            self.problem(json_path(*where, "duration"), f"{event.get('title')!r}: duration {event.get('duration')!r} is not HH:MM: "
                         "the event is left out", "an event that cannot be brought")
            return None
        return int(match[1] or 0) * 1440 + int(match[2]) * 60 + int(match[3])

    def slug(self, where, event: dict, start: datetime, kind: str) -> str:
        given = str(event.get("slug") or "")
        slug = slugify(given) if given else ""
        if kind in ("break", "address", "lightning-talks") and not given:
            slug = slugify(f"{event.get('title')} {start:%d %b %H%M}")
        if not slug:
            slug = slugify(str(event.get("title") or "")) or f"session-{str(event.get('guid') or '')[:8]}"
        if given and slug != given and not re.match(SLUG, given):
            self.problem(json_path(*where, "slug"), f"slug {given!r} is not one the site's addresses take: {slug!r}",
                         "a slug made valid", fixed=True)
        base, n = slug, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        if slug != base:
            self.problem(json_path(*where, "slug"), f"slug {base!r} is taken by another event: {slug!r}", "a slug used twice", fixed=True)
        self.slugs.add(slug)
        return slug

    def person(self, where, person: dict) -> str | None:
        name = " ".join(str(person.get("public_name") or person.get("name") or "").split())
        if not name:
            self.problem(where, "a person without a name: left out", "a person without a name")
            return None
        key = str(person.get("guid") or person.get("code") or person.get("id") or name)
        if key in self.person_keys:
            return self.person_keys[key]
        speaker_id = slugify(name) or f"speaker-{slugify(key)[:12]}"
        if speaker_id in self.speakers and self.speakers[speaker_id]["name"] != name:
            speaker_id = f"{speaker_id}-{len(self.speakers) + 1}"
        self.person_keys[key] = speaker_id
        speaker = self.speakers.setdefault(speaker_id, {"id": speaker_id, "name": name})
        affiliation = " ".join(str(person.get("affiliation") or "").split())  # this site's own export has it; pretalx has none
        if affiliation and "affiliation" not in speaker:
            speaker["affiliation"] = affiliation
        bio = self.prose(At(f"{where!s} ({speaker_id}).biography"), str(person.get("biography") or "").strip())
        if bio and "bio" not in speaker:
            speaker["bio"] = bio
        links = [{"title": link["title"], "url": link["url"]} for link in self.references(where, person.get("links") or [], "links")]
        if person.get("url") and self.web(person["url"]):
            links.insert(0, {"title": "Profile", "url": self.web(person["url"])})
        if links and "links" not in speaker:
            speaker["links"] = links
        return speaker_id

    def web(self, url: str, where=None) -> str | None:
        """An address a browser can open: a path of the export's own site joined to its base_url; a host
        written without its scheme, or an e-mail address without mailto:, mended by the blog importer's
        rule (with --fix; the Public Suffix List tells a host)."""
        url = str(url or "").strip()
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc:
            return url
        fault = check(url)
        if where is not None and fault is not None and fault.fixed:
            return fault.fixed if self.link_fault(where, fault) else ""
        if url.startswith("/") and self.base_url:
            joined = urljoin(self.base_url, url)
            return joined if urlsplit(joined).scheme in ("http", "https") else None
        return None

    def link_fault(self, where, fault: LinkFault) -> bool:
        """Report a fault of the shared link rule; whether it was mended."""
        if fault.fixed is None:
            self.problem(where, f"link {fault.target!r} {SAID.get(fault.kind, fault.kind)}", "a link that leads nowhere")
            return False
        shown = fault.fixed if "<" not in fault.fixed else "a link"
        return self.fixed(where, f"link {fault.target!r} {SAID.get(fault.kind, fault.kind)}: {shown}", f"a link: {fault.kind}")

    def prose(self, where, text: str) -> str:
        """A Markdown text as the site keeps it: `\\n` line endings, its links read and mended as the blog's are."""
        if not text:
            return text
        if "\r" in text:
            self.problem(where, "Windows line endings (\\r\\n): made \\n", "Windows line endings made \\n", fixed=True)
        broken, count = literal_breaks(text)
        if count and self.fixed(where, f"{count} line break(s) written as the text \\r\\n (escaped twice): made line breaks",
                                "line breaks written as text"):
            text = broken
        mended, faults = mend(text, self.fix)
        for fault in faults:
            self.link_fault(where, fault)
        return mended

    def references(self, where, items: list, field: str) -> list[dict]:
        out = []
        for index, item in enumerate(items):
            url = self.web(item.get("url") if isinstance(item, dict) else item, json_path(*where, field, index))
            if url == "":
                continue  # reported, to be fixed with --fix
            if url is None:
                self.problem(json_path(*where, field, index), f"{item.get('url') if isinstance(item, dict) else item!r} is no web address "
                             "(and the export gives no base_url to read it from): left out", "a link that is no web address")
                continue
            title = " ".join(str(item.get("title") or "").split()) if isinstance(item, dict) else ""
            out.append({"title": title or url, "url": url, "_type": item.get("type") if isinstance(item, dict) else None})
        return out

    def session(self, where, event: dict, stages: dict[str, str]) -> dict | None:
        title = " ".join(str(event.get("title") or "").split())
        start = _date_time(event.get("date") or event.get("start"))
        if start is None:
            self.problem(json_path(*where, "date"), f"{title!r}: date {event.get('date')!r} is not a moment: the event is left out",
                         "an event that cannot be brought")
            return None
        if start.tzinfo is None:
            zone = self.zone or self.site_zone
            self.problem(json_path(*where, "date"), f"{title!r}: date {event.get('date')} has no offset: read in {zone.key}",
                         "a date without an offset", fixed=True)
            start = start.replace(tzinfo=zone)
        elif self.zone is not None and start.utcoffset() != start.astimezone(self.zone).utcoffset():
            self.offsets.setdefault(start.isoformat()[19:] or "+00:00", []).append(where)
        minutes = self.minutes(where, event, start)
        if minutes is None:
            return None
        if minutes <= 0:
            self.problem(json_path(*where, "duration"), f"{title!r}: it lasts {minutes} minutes: the event is left out",
                         "an event that cannot be brought")
            return None
        kind = self.session_type(where, event)
        if event.get("state") in ("CANCELED", "WITHDRAWN", "DELETED", "REJECTED"):
            self.problem(json_path(*where, "state"), f"{title!r} is {event['state'].lower()}: left out", "an event not taking place", fixed=True)
            return None
        session = {"slug": self.slug(where, event, start, kind), "title": title, "type": kind, "start": start, "duration": minutes}
        room = self.room_name(event)
        session["stage"] = stages[room]
        persons = event.get("persons") if "persons" in event else event.get("participants")
        speakers = [self.person(json_path(*where, "persons", i), p) for i, p in enumerate(persons or []) if isinstance(p, dict)]
        if speakers := [s for s in dict.fromkeys(speakers) if s]:
            session["speakers"] = speakers
        # A session has no subtitle here: it opens the abstract, as the line under the title it was.
        subtitle = " ".join(self.localized(event.get("subtitle")).split())
        abstract = self.localized(event.get("abstract"))
        entry = f"{json_path(*where)!s} ({session['slug']})"
        if subtitle or abstract:
            session["abstract"] = self.prose(At(f"{entry}.abstract"), "\n\n".join(t for t in (subtitle, abstract) if t))
        if description := self.prose(At(f"{entry}.description"), self.localized(event.get("description"))):
            session["description"] = description
        links = {}
        if event.get("url") and event["url"] != event.get("origin_url"):  # the event's own page is not its proposal
            url = self.web(event["url"])
            if url:
                links["proposal"] = url
            else:
                self.problem(json_path(*where, "url"), f"{event['url']!r} is no web address: left out", "a link that is no web address")
        other = self.references(where, event.get("links") or [], "links") + self.references(where, event.get("attachments") or [], "attachments")
        for field, kind in (("slides", "slides"), ("recording", "media"), ("announcement", "blog")):
            typed = [link for link in other if str(link["_type"] or "").lower() == kind]
            if len(typed) == 1:
                links[field] = typed[0]["url"]
                other.remove(typed[0])
        if other:
            links["other"] = [{"title": link["title"], "url": link["url"]} for link in other]
        if links:
            session["links"] = links
        track = event.get("track")
        track = track.get("name") or track.get("slug") if isinstance(track, dict) else track
        if str(track or "").strip():
            session["track"] = " ".join(str(track).split())
        if str(event.get("language") or "").strip():
            session["language"] = str(event["language"]).strip()
        if event.get("do_not_record"):
            session["do_not_record"] = True
        if event.get("guid"):
            session["uid"] = str(event["guid"])
        else:
            self.problem(json_path(*where, "guid"), f"{title!r} has no guid: its calendar id is its slug, which changes with it",
                         "an event without a guid")
        return session

    @staticmethod
    def localized(value: object) -> str:
        """A text, or schedule2's {language: text}: English first, else the first given."""
        if isinstance(value, dict):
            value = value.get("en") or next(iter(value.values()), "")
        return str(value or "").strip()

    def read(self) -> Imported:
        name = flavour(self.data)
        left_out = self.check(name)
        self.conference()
        events = [(where, event) for where, event in self.events() if where not in left_out and isinstance(event, dict)]
        stages = self.rooms(events)
        sessions = []
        for where, event in events:
            session = self.session(where, event, stages)
            if session is not None:
                sessions.append(session)
        for offset, places in self.offsets.items():
            self.problem(json_path("schedule", "conference", "time_zone_name"), f"{len(places)} event(s) carry {offset} (first "
                         f"{json_path(*places[0], 'date')!s}), which {self.zone.key} does not have then: each time is kept with its "
                         f"offset and shown in {self.zone.key}", "a zone that is not the offsets'")
        sessions.sort(key=lambda s: (s["start"], list(stages.values()).index(s["stage"]), s["slug"]))
        zone = ZoneInfo(self.out.conference.get("timezone") or self.site_zone.key)
        days = sorted(set(self.days))
        for session in sessions:
            if session["start"].astimezone(zone).date() not in days:
                days.append(session["start"].astimezone(zone).date())
                self.problem(json_path("schedule", "conference", "days"), f"{session['title']!r} starts on "
                             f"{session['start'].astimezone(zone):%Y-%m-%d}, a day the export does not list: the day is added",
                             "a day not listed", fixed=True)
        # The days' names, which the format has no room for: this site's own export keeps them in the conference's meta.
        meta = self.data["schedule"]["conference"].get("meta")
        names = {str(k): str(v) for k, v in ((meta or {}).get("day_names") or {}).items()} if isinstance(meta, dict) else {}
        self.out.schedule = {
            "days": [{"date": day, **({"name": names[day.isoformat()]} if day.isoformat() in names else {})} for day in sorted(set(days))],
            "stages": [{"id": stage, "name": name} for name, stage in stages.items() if stage != "all"],
            "sessions": sessions,
        }
        self.out.speakers = {"speakers": sorted(self.speakers.values(), key=lambda s: s["id"])}
        return self.out


def read(source: str, conference: dict, fix: bool) -> Imported:
    data, shown = load(source)
    if isinstance(data, json.JSONDecodeError):
        raise ImportFailed(f"{shown}: not readable as JSON: {data}")
    return Reader(data, shown, conference, fix).read()


def own_guids(imported: Imported, programme) -> None:
    """An export of this site's own (schedule_exports.py) names each session by a guid made from its
    calendar UID: such a session keeps the uid it has here (none, when its slug is its UID)."""
    for session in imported.schedule["sessions"]:
        mine = programme.session_of_guid(str(session.get("uid") or ""))
        if mine is not None:
            if mine.uid or session["slug"] != mine.slug:
                session["uid"] = mine.calendar_uid
            else:
                session.pop("uid")
