"""The old Jekyll conference site's `_data/` folder (PyCon India 2020) -> the programme's records.

What its data held and how each is read (the old site's own templates read it
the same way): `talks.yml` one flat list of sessions, each with its `date`
written `2nd Oct` (the year from `conference-details.yml`), `time` in the
conference's zone (IST), `duration` in minutes, `speaker` one comma-separated
string, `hyperlink` the proposal, `track` a stage named after a city, `all`,
or a workshop room's number, and `type` one of address, keynote, talk,
workshop, long-break, short-break. `speakers.yml` holds the keynote speakers,
their `brief` the affiliations the old site showed under the name (the 2021
site's `affiliation`); `tickets.yml`, `sponsors.yml` and `partners.yml` the
facts of each (their descriptions are the old site's or the sponsor's prose,
not brought); `conference-details.yml` the conference's, workshops' and
sprints' days. Flaws with one reading are fixed and reported as fixed when
`fix` is on, else reported; the rest are reported for a person.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from slugify import slugify

from tools.programme_import.hugo import DAY, TAG
from tools.programme_import.old_site import OldSiteReader, sale_terms
from tools.programme_import.records import Imported, ImportFailed, LineLoader

NAME = "PyCon India"  # the site names its conference only in titles ("PyCon India 2020 Opening Address")
ZONE = "Asia/Kolkata"  # the old schedule: "All the times mentioned in the schedule are in Indian Standard Time"
SPONSORED = re.compile(r"\s*\|\s*Sponsored\s*\(([^)]*)\)\s*$", re.IGNORECASE)
AT_LEAST = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*\+\s*$")
# "Oct 2 - 3, 2020", "Oct 4, 2020"
SPAN = re.compile(r"^\s*([A-Za-z]+)\.?\s+(\d{1,2})(?:\s*[-–]\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2}))?,\s*(\d{4})\s*$")
KINDS = {"address": "address", "keynote": "keynote", "talk": "talk", "workshop": "workshop", "panel": "panel",
         "long-break": "break", "short-break": "break", "break": "break"}
ALL_STAGES = ("break", "address", "keynote", "lightning-talks")
FILES = ("talks.yml", "speakers.yml", "tickets.yml", "sponsors.yml", "partners.yml", "conference-details.yml")


def data_folder(path: Path) -> Path:
    """The `_data/` folder itself, or the site's root holding it."""
    return path / "_data" if (path / "_data" / "talks.yml").is_file() else path


def is_jekyll_data(path: Path) -> bool:
    """A folder whose talks.yml is a flat list of sessions with a `date` and a `time`."""
    talks = data_folder(path) / "talks.yml" if path.is_dir() else None
    if talks is None or not talks.is_file():
        return False
    try:
        data = yaml.safe_load(talks.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return True  # its name says what it is; read() says why it cannot be read
    return isinstance(data, list) and any(isinstance(e, dict) and "date" in e and "time" in e for e in data)


class Reader(OldSiteReader):
    FOLDER = "_data"

    def __init__(self, folder: Path, conference: dict, fix: bool):
        super().__init__(fix)
        self.folder = data_folder(folder)
        self.fallback_year = conference["start"].year if conference.get("start") else None  # None: a new edition
        self.speakers: dict[str, dict] = {}
        self.named_at: dict[str, tuple[str, dict]] = {}  # speaker id -> the file and entry that first named them
        self.stages: dict[str, str] = {}  # id -> name, in the order the talks name them
        self.rooms: dict[str, str] = {}  # the workshop rooms', after the stages

    def load(self, name: str):
        path = self.folder / name
        if not path.is_file():
            return None
        try:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
        except yaml.YAMLError as error:
            raise ImportFailed(f"_data/{name}: not readable as YAML: {error}") from None

    def entries(self, name: str) -> list[dict] | None:
        data = self.load(name)
        if data is None:
            return None
        if not isinstance(data, list):
            raise ImportFailed(f"_data/{name}: not a list of entries, as the old site's data files are")
        return [e for e in data if isinstance(e, dict)]

    def read(self) -> Imported:
        talks = self.entries("talks.yml")
        if talks is None:
            raise ImportFailed(f"{self.folder}: no talks.yml: not the _data folder of the old Jekyll conference site")
        spans = self.conference_details()
        self.keynote_speakers()
        self.schedule(talks, spans)
        self.out.speakers = {"speakers": sorted(self.speakers.values(), key=lambda s: s["id"])}
        self.same_words_names()
        self.tickets()
        self.sponsors()
        return self.out

    # The conference --------------------------------------------------------------------------

    def conference_details(self) -> list[tuple[str, date, date]]:
        """(title, first day, last day) of each part: Conference, Workshops, Dev Sprints."""
        spans = []
        for entry in self.entries("conference-details.yml") or []:
            match = SPAN.match(str(entry.get("dates") or ""))
            try:
                if not match:
                    raise ValueError
                first = datetime.strptime(f"{match[2]} {match[1][:3]} {match[5]}", "%d %b %Y").date()
                last = datetime.strptime(f"{match[4] or match[2]} {(match[3] or match[1])[:3]} {match[5]}", "%d %b %Y").date()
            except ValueError:
                self.problem("conference-details.yml", entry, f"{entry.get('title')!r}: dates {entry.get('dates')!r} are not "
                             "written like 'Oct 2 - 3, 2020': not read")
                continue
            spans.append((" ".join(str(entry.get("title") or "").split()), first, last))
        if spans:
            start, end = min(s[1] for s in spans), max(s[2] for s in spans)
            self.year = start.year
            self.out.conference = {"name": f"{NAME} {self.year}", "start": start, "end": end, "timezone": ZONE}
        elif self.fallback_year is None:
            raise ImportFailed(f"{self.folder}: conference-details.yml gives no dates, so the year is unknown: bring it into "
                               "an edition the site has (--edition YEAR)")
        else:
            self.year = self.fallback_year
        self.zone = ZoneInfo(ZONE)
        return spans

    # Speakers ----------------------------------------------------------------------------------

    def speaker(self, name: str, file: str, entry: dict) -> str:
        name = " ".join(name.split())
        speaker_id = slugify(name)
        self.speakers.setdefault(speaker_id, {"id": speaker_id, "name": name})
        self.named_at.setdefault(speaker_id, (file, entry))
        return speaker_id

    def keynote_speakers(self) -> None:
        for entry in self.entries("speakers.yml") or []:
            if not str(entry.get("name") or "").strip():
                self.problem("speakers.yml", entry, "a speaker without a name: left out")
                continue
            speaker = self.speakers[self.speaker(str(entry["name"]), "speakers.yml", entry)]
            brief = str(entry.get("brief") or "").strip()
            parts = [" ".join(part.split()) for part in TAG.split(brief) if part.strip()]
            # The old site showed the affiliations under the name, one a line; a sentence would be a biography.
            if parts and all(len(p.split()) <= 8 and not re.search(r"[.!?]\s", p + " ") for p in parts):
                if len(parts) == 1 and not TAG.search(brief):
                    speaker["affiliation"] = parts[0]
                elif self.fixed("speakers.yml", entry, f"brief {brief!r} holds HTML: read as the affiliation {', '.join(parts)!r}",
                                "an affiliation written in HTML"):
                    speaker["affiliation"] = ", ".join(parts)
            elif parts:
                self.problem("speakers.yml", entry, f"{speaker['name']}: the brief reads as a biography, the old site's prose "
                             "(CC BY-NC-SA): not brought; write the bio from the speaker's own words", "a biography not brought")
            if entry.get("image"):
                self.problem("speakers.yml", entry, f"photo {entry['image']} not brought (the old site's images are "
                             "CC BY-NC-SA): add the team's own file under docs/ and name it as the speaker's photo",
                             "a photo not brought")

    def speaker_names(self, talk: dict, title: str) -> tuple[list[str], str | None]:
        """The talk's speakers' names, and the sponsor a sponsored talk names after them."""
        raw = str(talk.get("speaker") or "")
        text = raw
        if TAG.search(text):
            plain = TAG.sub(" ", text)
            if self.fixed("talks.yml", talk, f"{title!r}: speaker {raw!r} holds HTML: read as {' '.join(plain.split())!r}",
                          "a speaker written in HTML"):
                text = plain
        sponsor = None
        sponsored = SPONSORED.search(text)
        if sponsored:
            if self.fixed("talks.yml", talk, f"{title!r}: speaker {raw!r} names its sponsor: speaker "
                          f"{' '.join(text[: sponsored.start()].split())!r}, track 'Sponsored ({sponsored[1].strip()})'",
                          "a sponsor written in the speaker's name"):
                text, sponsor = text[: sponsored.start()], sponsored[1].strip()
        names = [" ".join(name.split()) for name in text.split(",") if name.strip()]
        for name in names:
            lower = [word for word in name.split() if word[:1].islower()]
            if lower and len(name.split()) > 1:
                self.problem("talks.yml", talk, f"{title!r}: speaker {name!r} has a word in lower case ({', '.join(lower)}): "
                             "kept as written; check its spelling", "a name with a word in lower case")
        return names, sponsor

    def same_words_names(self) -> None:
        """Two speakers whose names are the same words in another order ("S Anand", "Anand S") may be one person:
        that is for a person to say, not the importer."""
        by_words: dict[tuple[str, ...], list[str]] = {}
        for speaker_id in self.named_at:  # in the order the files name them
            by_words.setdefault(tuple(sorted(speaker_id.split("-"))), []).append(speaker_id)
        for ids in by_words.values():
            if len(ids) > 1:
                file, entry = self.named_at[ids[-1]]
                names = " and ".join(repr(self.speakers[i]["name"]) for i in ids)
                self.problem(file, entry, f"speakers {names} are the same words in another order: kept as two; if they are one "
                             "person, give their sessions one speaker id by hand", "two names of one person?")

    # The schedule ------------------------------------------------------------------------------

    def day(self, talk: dict) -> date | None:
        match = DAY.match(str(talk.get("date", "")))
        if not match:
            self.problem("talks.yml", talk, f"day {talk.get('date')!r} is not written like '2nd Oct': left out")
            return None
        try:
            return datetime.strptime(f"{match[1]} {match[2][:3]} {self.year}", "%d %b %Y").date()
        except ValueError:
            self.problem("talks.yml", talk, f"day {talk.get('date')!r} is not a day of {self.year}: left out")
            return None

    def stage(self, talk: dict, title: str, kind: str) -> str | None:
        track = talk.get("track")
        text = " ".join(str(track if track is not None else "").split())
        if text.lower() == "all":
            return "all"
        if text.isdigit():
            self.rooms[f"room-{int(text)}"] = f"Room {int(text)}"  # the old site: "Room: 1"
            return f"room-{int(text)}"
        if text:
            self.stages.setdefault(slugify(text), text)
            return slugify(text)
        if kind in ALL_STAGES:
            return "all"
        self.problem("talks.yml", talk, f"{title!r} names no track, and its place in the old page says none: left out; "
                     "add it with its stage by hand", "a session without a stage")
        return None

    def session_type(self, talk: dict, title: str) -> str:
        raw = talk.get("type")
        kind = KINDS.get(str(raw or "").strip().lower())
        lowered = title.lower()
        if kind == "talk" and re.search(r"\blightning\b", lowered):
            if self.fixed("talks.yml", talk, f"{title!r}: type talk, but its title says it is lightning talks: read as lightning talks",
                          "lightning talks typed as a talk"):
                return "lightning-talks"
        if kind == "talk" and re.search(r"\bpanel\b", lowered):
            if self.fixed("talks.yml", talk, f"{title!r}: type talk, but its title says it is a panel: read as a panel",
                          "a panel typed as a talk"):
                return "panel"
        if kind:
            return kind
        for words, read_as in ((("break", "networking", "lunch"), "break"), (("opening", "closing", "address"), "address")):
            if any(word in lowered for word in words):
                if self.fixed("talks.yml", talk, f"{title!r}: {'no type' if raw is None else f'type {raw!r}'}, but its title "
                              f"says it is a{'n' if read_as == 'address' else ''} {read_as}: read as one", "a session without a type"):
                    return read_as
                return "talk"  # until --fix reads it as its title says; reported once, above
        self.problem("talks.yml", talk, f"{title!r}: {'no type' if raw is None else f'type {raw!r}, none the site knows'}; read as a talk")
        return "talk"

    def schedule(self, talks: list[dict], spans: list[tuple[str, date, date]]) -> None:
        sessions = []
        for talk in talks:
            session = self.session(talk)
            if session is not None:
                sessions.append(session)
        # Every day of the conference's parts, the sprints' too, though the data has no session on it.
        spanned = {date.fromordinal(n) for _, first, last in spans for n in range(first.toordinal(), last.toordinal() + 1)}
        days = sorted({s["start"].date() for s in sessions} | spanned)
        self.out.schedule = {
            "days": [{"date": day, "name": self.day_name(day, spans)} for day in days],
            "stages": [{"id": i, "name": n} for i, n in self.stages.items()]
                      + [{"id": i, "name": n} for i, n in sorted(self.rooms.items(), key=lambda r: int(r[0].split("-")[1]))],
            "sessions": sessions,
        }

    @staticmethod
    def day_name(day: date, spans: list[tuple[str, date, date]]) -> str | None:
        """As conference-details.yml names the day's part: "Conference day 1", "Workshops and Dev Sprints"."""
        names = []
        for title, first, last in spans:
            if first <= day <= last:
                names.append(f"{title} day {(day - first).days + 1}" if title.lower() == "conference" and last > first else title)
        return " and ".join(names) or None

    def session(self, talk: dict) -> dict | None:
        title = " ".join(str(talk.get("title") or "").split())
        if not title:
            speaker = " ".join(str(talk.get("speaker") or "").split())
            self.problem("talks.yml", talk, f"an entry without a title ({talk.get('type') or 'no type'}, {talk.get('date')} "
                         f"{talk.get('time')}, track {talk.get('track')}{', ' + speaker if speaker else ', no speaker'}): left out; "
                         "add it by hand if it took place", "an entry without a title")
            return None
        day = self.day(talk)
        if day is None:
            return None
        try:
            clock = time.fromisoformat(str(talk.get("time")))
            minutes = int(talk["duration"])
            if minutes <= 0:
                raise ValueError
        except (KeyError, TypeError, ValueError):
            self.problem("talks.yml", talk, f"{title!r}: no readable time and duration ({talk.get('time')!r}, "
                         f"{talk.get('duration')!r}): left out")
            return None
        start = datetime.combine(day, clock, tzinfo=self.zone)
        kind = self.session_type(talk, title)
        stage = self.stage(talk, title, kind)
        if stage is None:
            return None
        names, sponsor = self.speaker_names(talk, title)
        title = self.keynote_title("talks.yml", talk, title, kind, names)
        links = self.session_links("talks.yml", talk, "hyperlink", title)
        # Titles that recur (breaks, addresses, lightning talks) get their day and time in the slug.
        slug = slugify(title if kind not in ("break", "address", "lightning-talks") else f"{title} {start:%d %b %H%M}")
        session = {"slug": slug, "title": title, "type": kind, "start": start, "duration": minutes, "stage": stage}
        if names:
            session["speakers"] = [self.speaker(name, "talks.yml", talk) for name in names]
        if links:
            session["links"] = links
        if sponsor:
            session["track"] = f"Sponsored ({sponsor})"
        return session

    # Tickets, sponsors, partners ---------------------------------------------------------------

    @staticmethod
    def number(text: str) -> int | float:
        """As YAML reads it back, so that a second run's fingerprint is the first's (a Decimal would be a string)."""
        value = Decimal(text)
        return int(value) if value == value.to_integral_value() else float(value)

    def price(self, entry: dict) -> int | float | str | None:
        cost = entry.get("cost")
        text = str(cost if cost is not None else "").strip()
        if text.lower() == "free":
            return 0
        try:
            return self.number(text)
        except InvalidOperation:
            pass
        least = AT_LEAST.match(text)
        if least:
            if self.fixed("tickets.yml", entry, f"{entry['name']!r}: cost {text!r} ({least[1]} or more, as the buyer chooses): "
                          f"{least[1]}, its least (the site's tickets have one price)", "a price with a '+'"):
                return self.number(least[1])
            return text
        self.problem("tickets.yml", entry, f"{entry['name']!r}: cost {cost!r} is not a price: the ticket is left out")
        return None

    def tickets(self) -> None:
        entries = self.entries("tickets.yml")
        if entries is None:
            return
        tickets = []
        for entry in entries:
            price = self.price(entry)
            if price is None:
                continue
            kind = str(entry.get("type") or "")
            admits = {"conference": ["conference"], "workshop": ["workshops"], "devsprint": ["sprints"]}.get(kind)
            if admits is None:
                self.problem("tickets.yml", entry, f"{entry['name']!r}: type {kind!r}: what it admits is unknown; say it by hand")
                admits = []
            ticket = {"name": entry["name"], "price": price, "currency": "INR",
                      "status": "sold-out" if entry.get("status") == "sold" else "on-sale", "admits": admits}
            if entry.get("url"):
                ticket["link"] = entry["url"]
            ticket.update(sale_terms(str(entry.get("brief") or "")))
            tickets.append(ticket)
        self.out.tickets = {"tickets": tickets}

    def sponsors(self) -> None:
        sponsors = self.entries("sponsors.yml")
        partners = self.entries("partners.yml")
        if sponsors is None and partners is None:
            return
        tiers, entries = {}, []
        for entry in sponsors or []:
            tier = slugify(str(entry.get("level") or "sponsor"))
            tiers.setdefault(tier, tier.replace("-", " ").capitalize() + " sponsors")
            entries.append({"name": entry["name"], "tier": tier, **({"link": entry["hyperlink"]} if entry.get("hyperlink") else {})})
        out = {"tiers": [{"id": i, "name": n} for i, n in tiers.items()], "sponsors": entries,
               "partners": [{"name": e["name"], **({"link": e["hyperlink"]} if e.get("hyperlink") else {})} for e in partners or []]}
        for file, group in (("sponsors.yml", sponsors or []), ("partners.yml", partners or [])):
            for entry in group:
                if entry.get("logo"):
                    self.problem(file, entry, f"logo {entry['logo']} not brought (the old site's images are CC BY-NC-SA, a logo "
                                 "is its owner's): add the file the sponsor gives under docs/ and name it as its logo",
                                 "a logo not brought")
        self.out.sponsors = out


def read(folder: Path, conference: dict, fix: bool) -> Imported:
    return Reader(folder, conference, fix).read()
