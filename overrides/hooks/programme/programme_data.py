"""The editions of the conference and their programmes: what their YAML files
may hold, checked at the door, and the rules every part of the site asks of
them (where an edition's pages are, a session's end, its day, its page, its
calendar id, the time as a reader sees it).

Each edition has its folder, `docs/<year>/`, beside the pages it feeds:
`edition.yml` (its name, dates, mode, zone, phase and links), `schedule.yml`
(days, stages, sessions), `speakers.yml`, `sponsors.yml` and `tickets.yml`;
its pages are published under `/<year>/`. `extra.editions` in mkdocs.yml
lists the editions and names the current one; `extra.conference` holds what
every edition shares.

Not a hook: a module the programme hooks import (MkDocs puts a hook's folder
on sys.path as it loads it), and the programme importer and the tests import
as `overrides.hooks.programme.programme_data`, so that none can disagree.
"""

from __future__ import annotations

import posixpath
import re
import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

# An edition's facts, in its folder under docs_dir.
EDITION_FILE = "edition.yml"
FILES = ("schedule.yml", "speakers.yml", "sponsors.yml", "tickets.yml")
# Sessions of these types are slots of the schedule with no page of their own.
WITHOUT_PAGE = ("break", "address")
# Each type of session as a reader reads it.
TYPE_NAMES = {"talk": "Talk", "workshop": "Workshop", "keynote": "Keynote", "panel": "Panel",
              "lightning-talks": "Lightning talks", "break": "Break", "address": "Address"}
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Where an edition stands, in order; it picks the home page's calls to action and the banner.
PHASES = ("proposals", "tickets", "schedule", "live", "over")
MODES = ("Online", "In person", "Hybrid")
# The name of the stage of a session on every stage ("all"), in pages, calendars and exports.
ALL_STAGES = "All stages"


class ProgrammeError(Exception):
    """The programme's data is wrong: one line per problem, each naming the file, the entry and the field."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _web_address(value: str) -> str:
    """An address a reader's browser can open: with its scheme and a host."""
    parts = urlsplit(value)
    if parts.scheme == "mailto" and parts.path:
        return value
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not a web address with its scheme (write https://…)")
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty")
    return value


URL = Annotated[str, AfterValidator(_web_address)]
Text = Annotated[str, AfterValidator(_text)]
Slug = Annotated[str, Field(pattern=SLUG)]


class Entry(BaseModel):
    # A misspelt field is an error, not a field quietly ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class NamedLink(Entry):
    title: Text
    url: URL


class Links(Entry):
    proposal: URL | None = None
    slides: URL | None = None
    recording: URL | None = None
    # The blog post that announced the session (a keynote, a panel), at its address on the old blog or this one.
    announcement: URL | None = None
    other: tuple[NamedLink, ...] = ()


class Day(Entry):
    date: date
    name: Text | None = None  # "Workshops", "Conference day 1"


class Stage(Entry):
    id: Slug
    name: Text


class Session(Entry):
    slug: Slug
    title: Text
    type: Literal["talk", "workshop", "keynote", "panel", "lightning-talks", "break", "address"]
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    start: AwareDatetime
    duration: Annotated[int, Field(gt=0)] | None = None  # minutes
    end: AwareDatetime | None = None
    stage: Slug  # a stage's id, or "all"
    speakers: tuple[Slug, ...] = ()
    abstract: str | None = None  # Markdown
    description: str | None = None  # Markdown, the longer text
    links: Links = Links()
    track: Text | None = None
    language: Text | None = None
    do_not_record: bool = False
    # The calendar event's id; without it, the slug. Keep it when the slug changes.
    uid: Text | None = None

    @model_validator(mode="after")
    def _one_end(self) -> Session:
        if (self.duration is None) == (self.end is None):
            raise ValueError("give either duration (minutes) or end, not both or neither")
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"end {self.end.isoformat()} is not after start {self.start.isoformat()}")
        return self

    @property
    def finish(self) -> datetime:
        return self.end if self.end is not None else self.start + timedelta(minutes=self.duration)

    @property
    def has_page(self) -> bool:
        return self.type not in WITHOUT_PAGE

    @property
    def all_stages(self) -> bool:
        return self.stage == "all"

    @property
    def recordings(self) -> list[tuple[str, str]]:
        """(title, address) of each recording: the session's own, then those of its parts
        (a lightning talks session's talks, as `links.other` entries titled "Recording: …")."""
        own = [(self.title, self.links.recording)] if self.links.recording else []
        return own + [(link.title.removeprefix("Recording: "), link.url) for link in self.links.other
                      if link.title.startswith("Recording: ")]

    @property
    def calendar_uid(self) -> str:
        return self.uid or self.slug


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"not a time zone: {value!r} (write e.g. Asia/Kolkata)") from None
    return value


class EditionLinks(Entry):
    website: URL | None = None
    proposals: URL | None = None
    tickets: URL | None = None
    # The stream while it is live, the recordings once it is over.
    stream: URL | None = None
    recordings: URL | None = None


class EditionFacts(Entry):
    """`docs/<year>/edition.yml`: one shape for every edition. What an importer cannot know
    (mode, venue, links) may stay empty until the team writes it; pages then say nothing of it."""

    name: Text
    start: date
    end: date
    timezone: Annotated[str, AfterValidator(_zone)]
    phase: Literal[PHASES]
    mode: Literal[MODES] | None = None
    venue: Text | None = None
    links: EditionLinks = EditionLinks()
    # Calendar events are `<session>@<calendar_domain>`: a name that never changes with the site's address.
    calendar_domain: Annotated[str, Field(pattern=r"^[a-z0-9.-]+$")] | None = None
    # The folder this edition's pages had before editions had folders: its addresses answer with redirects.
    old_folder: Slug | None = None

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"{end} is before start {start}")
        return end


class Schedule(Entry):
    days: tuple[Day, ...]
    stages: tuple[Stage, ...]
    sessions: tuple[Session, ...] = ()


class Speaker(Entry):
    id: Slug
    name: Text
    affiliation: Text | None = None
    bio: str | None = None  # Markdown
    photo: str | None = None  # a file under docs/, added by the team
    links: tuple[NamedLink, ...] = ()


class Speakers(Entry):
    speakers: tuple[Speaker, ...] = ()


class Tier(Entry):
    id: Slug
    name: Text


class Sponsor(Entry):
    name: Text
    tier: Slug
    link: URL | None = None
    logo: str | None = None  # a file under docs/, added by the team


class Partner(Entry):
    name: Text
    link: URL | None = None
    logo: str | None = None


class Sponsors(Entry):
    tiers: tuple[Tier, ...] = ()
    sponsors: tuple[Sponsor, ...] = ()
    partners: tuple[Partner, ...] = ()


class Ticket(Entry):
    name: Text
    price: Annotated[Decimal, Field(ge=0)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    status: Literal["on-sale", "sold-out", "not-yet-on-sale"]
    link: URL | None = None
    admits: tuple[Literal["conference", "workshops", "sprints"], ...]
    sale_ends: AwareDatetime | None = None
    limit: Annotated[int, Field(gt=0)] | None = None  # how many were sold at most


class Tickets(Entry):
    tickets: tuple[Ticket, ...] = ()


MODELS = {"schedule.yml": Schedule, "speakers.yml": Speakers, "sponsors.yml": Sponsors, "tickets.yml": Tickets}


class Programme:
    """One edition's checked facts and programme, with what the pages ask of them."""

    def __init__(self, year: int, facts: EditionFacts, schedule: Schedule, speakers: Speakers,
                 sponsors: Sponsors, tickets: Tickets):
        self.year = year
        self.folder = str(year)  # under docs_dir, and the pages' address under the site's
        self.facts = facts
        self.zone = ZoneInfo(facts.timezone)
        # The facts as the templates read them: conference.name, .mode, .start, .website, ...
        self.conference = {**facts.model_dump(exclude={"links"}), **facts.links.model_dump(), "year": year}
        self.days = schedule.days
        self.stages = {stage.id: stage for stage in schedule.stages}
        self.sessions = sorted(schedule.sessions, key=lambda s: (s.start, self.stage_order(s), s.slug))
        self._entries = {id(s): index for index, s in enumerate(schedule.sessions)}  # where each is in the file
        self.speakers = {speaker.id: speaker for speaker in speakers.speakers}
        # As the files have them, for check() to find an id written twice.
        self.ids = {"stages": [s.id for s in schedule.stages], "speakers": [s.id for s in speakers.speakers]}
        self.tiers = sponsors.tiers
        self.sponsors = sponsors.sponsors
        self.partners = sponsors.partners
        self.tickets = tickets.tickets
        # The blog posts that link each session, by slug, then by the post's file (hooks/programme/programme_blog.py).
        self.mentions: dict[str, dict[str, object]] = defaultdict(dict)

    # Where each page of the edition is, under docs_dir: one home for the rule.
    def home_uri(self) -> str:
        return f"{self.folder}/index.md"

    def schedule_uri(self) -> str:
        return f"{self.folder}/schedule.md"

    def session_uri(self, session: Session) -> str:
        return f"{self.folder}/sessions/{session.slug}.md"

    def speakers_uri(self) -> str:
        return f"{self.folder}/speakers/index.md"

    def speaker_uri(self, speaker: Speaker) -> str:
        return f"{self.folder}/speakers/{speaker.id}.md"

    def page_uri(self, name: str) -> str:
        """`recordings`, `tickets`, `sponsors`, `code-of-conduct`, `faq`: the edition's other pages."""
        return f"{self.folder}/{name}.md"

    def calendar_uri(self, session: Session | None = None) -> str:
        """`<year>/schedule.ics` for every session, `<year>/sessions/<slug>.ics` for one."""
        return f"{self.folder}/schedule.ics" if session is None else f"{self.folder}/sessions/{session.slug}.ics"

    def calendar_id(self, session: Session) -> str:
        """The event's UID: the same in every build, wherever the site is published."""
        return f"{session.calendar_uid}@{self.facts.calendar_domain or f'{self.folder}.editions.in.pycon.org'}"

    def day_calendar_uri(self, day: Day) -> str:
        """`<year>/calendars/day-<date>.ics`: the sessions of one day."""
        return f"{self.folder}/calendars/day-{day.date.isoformat()}.ics"

    def stage_calendar_uri(self, stage: Stage) -> str:
        """`<year>/calendars/stage-<id>.ics`: the sessions of one stage, and those on all stages."""
        return f"{self.folder}/calendars/stage-{stage.id}.ics"

    def calendar_memory_file(self) -> str:
        """`<year>/calendar.yml`: what the edition's calendars last published (calendar_events.py)."""
        return self.file("calendar.yml")

    def export_uri(self, kind: str) -> str:
        """`<year>/schedule.json` or `<year>/schedule.xml`: the programme as frab and pretalx export it."""
        return f"{self.folder}/schedule.{kind}"

    def event_guid(self, session: Session) -> str:
        """The session's guid in the exports, tied to its calendar UID: the `uid` itself when it is a
        UUID (pretalx's guid, brought by the importer), else a UUID5 of the UID."""
        try:
            return str(uuid.UUID(session.calendar_uid))
        except ValueError:
            return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:calendar-uid:{self.calendar_id(session)}"))

    def session_of_guid(self, guid: str) -> Session | None:
        """The session an export's guid names, when the guid is one of this edition's own."""
        return next((s for s in self.sessions if self.event_guid(s) == guid.lower()), None)

    def file(self, name: str) -> str:
        """`2021/schedule.yml`: a data file as messages name it, with its edition."""
        return posixpath.join(self.folder, name)

    def entry(self, session: Session) -> str:
        """`sessions[3] (slug)`: the session as the file has it, for messages."""
        return f"sessions[{self._entries[id(session)]}] ({session.slug})"

    def stage_order(self, session: Session) -> int:
        if session.all_stages:
            return -1
        order = list(self.stages)
        return order.index(session.stage) if session.stage in order else len(order)  # an unknown one is reported by check()

    def local(self, moment: datetime) -> datetime:
        """A time in the conference's zone."""
        return moment.astimezone(self.zone)

    def day_of(self, session: Session) -> date:
        return self.local(session.start).date()

    def by_day(self) -> list[tuple[Day, list[Session]]]:
        sessions = defaultdict(list)
        for session in self.sessions:
            sessions[self.day_of(session)].append(session)
        return [(day, sessions[day.date]) for day in sorted(self.days, key=lambda d: d.date)]

    def with_pages(self) -> list[Session]:
        return [session for session in self.sessions if session.has_page]

    def sessions_of(self, speaker_id: str) -> list[Session]:
        return [session for session in self.sessions if speaker_id in session.speakers]

    def stage_neighbours(self, session: Session) -> tuple[Session | None, Session | None]:
        """The sessions with a page just before and after this one on its stage (all-stage ones count on every stage)."""
        same = [s for s in self.with_pages() if s.all_stages or session.all_stages or s.stage == session.stage]
        same = [s for s in same if self.day_of(s) == self.day_of(session)] if session.all_stages else same
        index = same.index(session)
        return (same[index - 1] if index else None, same[index + 1] if index + 1 < len(same) else None)

    def at_the_same_time(self, session: Session) -> list[Session]:
        """The sessions with a page on the other stages that overlap this one, in the schedule's order."""
        return [s for s in self.with_pages() if s is not session and not s.all_stages and not session.all_stages
                and s.stage != session.stage and s.start < session.finish and session.start < s.finish]

    def stages_of(self, sessions: list[Session]) -> list[Stage]:
        """The stages these sessions use (a day's), in the edition's order; all-stage sessions use none of their own."""
        used = {session.stage for session in sessions}
        return [stage for stage in self.stages.values() if stage.id in used]

    def stage_name(self, session: Session) -> str:
        return ALL_STAGES if session.all_stages else self.stages[session.stage].name

    def keynotes(self) -> list[Session]:
        return [session for session in self.sessions if session.type == "keynote"]

    def by_proposal(self) -> dict[str, Session]:
        """Sessions by their proposal's address, written as `proposal_key` writes it."""
        return {proposal_key(s.links.proposal): s for s in self.sessions if s.links.proposal}

    def by_announcement(self) -> dict[str, Session]:
        return {proposal_key(s.links.announcement): s for s in self.sessions if s.links.announcement}


def proposal_key(url: str) -> str:
    """An address as two spellings of it compare: no scheme, host in lower
    case, no doubled or trailing slash, no query or fragment."""
    parts = urlsplit(url.strip())
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    return f"{parts.netloc.lower()}{path}"


def anchor(session: Session) -> str:
    """The session's place in the schedule page."""
    return f"session-{session.slug}"


def day_anchor(day: Day) -> str:
    return f"day-{day.date.isoformat()}"


def _where(file: str, data: object, location: tuple) -> str:
    """`sessions[3] (path-to-pythonic).start`: the entry by its index and its slug, id or name, then the field."""
    out, node = "", data
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
            try:
                node = node[part]
            except (IndexError, KeyError, TypeError):
                continue
            if isinstance(node, dict):
                name = node.get("slug") or node.get("id") or node.get("name")
                if name:
                    out += f" ({name})"
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return f"{file}: {out}" if out else file


def load_yaml(text: str):
    """A data file's YAML, read by libyaml where PyYAML has it (schedule.yml and
    calendar.yml at every build: a tenth of the pure-Python parser's time); the same
    constructor and resolver, so the same values. Text libyaml rejects is read
    again by the pure-Python parser, whose message quotes the line."""
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return yaml.safe_load(text)


def read(folder: Path, shown_as: str) -> tuple[dict[str, BaseModel], list[str]]:
    """Each data file of an edition's folder as its model, and the problems found reading them
    (named `<shown_as>/<file>`: `2021/schedule.yml`)."""
    models, problems = {}, []
    for name, model in {EDITION_FILE: EditionFacts, **MODELS}.items():
        path = folder / name
        shown = posixpath.join(shown_as, name)
        if not path.exists():
            if model is EditionFacts:
                problems.append(f"{shown}: missing: every edition has its facts there (name, start, end, timezone, phase)")
                continue
            models[name] = model.model_validate({"days": [], "stages": []} if model is Schedule else {})
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            problems.append(f"{shown}: not readable as YAML: {error}")
            continue
        try:
            models[name] = model.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                fields = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith(("function-after", "int", "none"))))
                problems.append(f"{_where(shown, data, fields)}: {item['msg']}")
    return models, problems


def check(programme: Programme, docs_dir: Path) -> list[str]:
    """What the models alone cannot see: references, overlaps, days, duplicates, files."""
    problems = []
    schedule, speakers, sponsors = (programme.file(n) for n in FILES[:3])
    start, end = programme.facts.start, programme.facts.end
    for day in programme.days:
        if not start <= day.date <= end:
            problems.append(f"{schedule}: days[{programme.days.index(day)}] ({day.date}).date: outside the conference, "
                            f"{start} to {end} ({programme.file(EDITION_FILE)})")
    days = {day.date for day in programme.days}
    seen: dict[str, str] = {}
    for session in programme.sessions:
        where = f"{schedule}: {programme.entry(session)}"
        if session.slug in seen:
            problems.append(f"{where}.slug: {session.slug!r} is used by two sessions")
        seen[session.slug] = session.title
        if not session.all_stages and session.stage not in programme.stages:
            problems.append(f"{where}.stage: no stage {session.stage!r} in stages (known: {', '.join(programme.stages)}, or all)")
        for speaker in session.speakers:
            if speaker not in programme.speakers:
                problems.append(f"{where}.speakers: no speaker {speaker!r} in {speakers}")
        if programme.day_of(session) not in days:
            problems.append(f"{where}.start: {programme.local(session.start):%Y-%m-%d %H:%M %Z} is on none of the conference's days")
    ordered = sorted(programme.sessions, key=lambda s: s.start)
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.start >= first.finish:
                break
            if first.all_stages or second.all_stages or first.stage == second.stage:
                stage = "all stages" if first.all_stages or second.all_stages else f"stage {first.stage!r}"
                problems.append(
                    f"{schedule}: {programme.entry(second)}.start: overlaps {first.slug!r} on {stage} "
                    f"({programme.local(second.start):%Y-%m-%d %H:%M} is before {first.slug!r} ends at {programme.local(first.finish):%H:%M})"
                )
    for speaker in programme.speakers.values():
        if speaker.photo and not (docs_dir / speaker.photo).is_file():
            problems.append(f"{speakers}: speakers ({speaker.id}).photo: no file docs/{speaker.photo}")
    for kind, file in (("stages", schedule), ("speakers", speakers)):
        twice = sorted({i for i in programme.ids[kind] if programme.ids[kind].count(i) > 1})
        if twice:
            problems.append(f"{file}: {kind}: the id {', '.join(map(repr, twice))} is used twice")
    tiers = {tier.id for tier in programme.tiers}
    for sponsor in programme.sponsors:
        if sponsor.tier not in tiers:
            problems.append(f"{sponsors}: sponsors ({sponsor.name}).tier: no tier {sponsor.tier!r} in tiers")
    for entry in (*programme.sponsors, *programme.partners):
        if entry.logo and not (docs_dir / entry.logo).is_file():
            problems.append(f"{sponsors}: ({entry.name}).logo: no file docs/{entry.logo}")
    return problems


def load(docs_dir: Path, year: int) -> Programme:
    """An edition from `docs/<year>/*.yml`, checked; raises ProgrammeError naming every problem."""
    folder = str(year)
    models, problems = read(Path(docs_dir) / folder, folder)
    if problems:
        raise ProgrammeError(problems)
    programme = Programme(year, models[EDITION_FILE], *(models[name] for name in FILES))
    problems = check(programme, Path(docs_dir))
    if problems:
        raise ProgrammeError(problems)
    return programme


class Editions:
    """Every edition of the site, newest first, and the current one."""

    def __init__(self, programmes: list[Programme], current: int):
        self.all = sorted(programmes, key=lambda p: p.year, reverse=True)
        self.by_year = {p.year: p for p in self.all}
        self.current = self.by_year[current]

    @property
    def others(self) -> list[Programme]:
        """Every edition but the current one, newest first."""
        return [p for p in self.all if p is not self.current]

    @property
    def past(self) -> list[Programme]:
        return [p for p in self.others if p.year < self.current.year]

    @property
    def upcoming(self) -> list[Programme]:
        """Editions newer than the current one: started from an export, not yet made current."""
        return [p for p in self.others if p.year > self.current.year]

    def of_uri(self, src_uri: str) -> Programme | None:
        """The edition a page or file belongs to, by its folder."""
        top = src_uri.split("/", 1)[0]
        return self.by_year.get(int(top)) if top.isdigit() else None


def editions_config(editions: object) -> tuple[int, list[int]]:
    """`extra.editions` read: (the current year, every year); ProgrammeError when it is malformed."""
    shown = "extra.editions"
    if not isinstance(editions, dict) or set(editions) != {"current", "all"}:
        raise ProgrammeError([f"{shown}: expected `current:` (a year) and `all:` (every year, newest first), got {editions!r}"])
    years, current = editions["all"], editions["current"]
    if not isinstance(years, list) or not years or not all(isinstance(y, int) and not isinstance(y, bool) for y in years):
        raise ProgrammeError([f"{shown}.all: expected a list of years, got {years!r}"])
    if len(set(years)) != len(years):
        raise ProgrammeError([f"{shown}.all: a year is listed twice: {years!r}"])
    if current not in years:
        raise ProgrammeError([f"{shown}.current: {current!r} is not one of extra.editions.all ({', '.join(map(str, years))})"])
    return current, years


def load_editions(docs_dir: Path, editions: object) -> Editions:
    """Every edition of `extra.editions`, each checked; the problems of all of them at once."""
    current, years = editions_config(editions)
    programmes, problems = [], []
    for year in years:
        try:
            programmes.append(load(docs_dir, year))
        except ProgrammeError as error:
            problems += error.problems
    if problems:
        raise ProgrammeError(problems)
    return Editions(programmes, current)


# How a time reads: "Saturday 18 September 2021", "12:30–13:30 IST".
def day_phrase(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def short_day(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b}"


def clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def span(programme: Programme, session: Session, *, with_day: bool) -> str:
    """`12:30–13:30 IST`, with the day in front when asked, and the end's day when it differs."""
    begin, finish = programme.local(session.start), programme.local(session.finish)
    text = f"{short_day(begin)}, " if with_day else ""
    text += clock(begin) + "–"
    if finish.date() != begin.date():
        text += f"{short_day(finish)}, "
    return text + f"{clock(finish)} {begin.tzname()}"


_loaded: dict[int, tuple[object, Editions]] = {}


def for_build(config) -> Editions:
    """The editions of this build's configuration, loaded and checked once (each rebuild of
    `mkdocs serve` loads its configuration anew, and so the data)."""
    entry = _loaded.get(id(config))
    if entry is None or entry[0] is not config:
        _loaded.clear()
        entry = _loaded[id(config)] = (config, load_editions(Path(config.docs_dir), config.extra.get("editions")))
    return entry[1]


def zone_name(moment: datetime) -> str:
    """The zone's long name at that moment ("Central European Summer Time"; "India Time", as CLDR names it)."""
    from babel.dates import get_timezone_name

    name = get_timezone_name(moment, width="long", locale="en")
    if name.startswith("GMT"):  # CLDR has no name for the moment in some zones, but one for the zone
        name = get_timezone_name(moment.tzinfo, width="long", locale="en", zone_variant="daylight" if moment.dst() else "standard")
    return name


def utc_offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def price(ticket: Ticket) -> str:
    """"₹450", "€20", "Free"; the currency's sign where babel knows one."""
    from babel.numbers import format_currency

    if ticket.price == 0:
        return "Free"
    return format_currency(ticket.price, ticket.currency, format="¤#,##0.##", locale="en_IN", currency_digits=False)


def calls_to_action(programme: Programme) -> list[tuple[str, str]]:
    """An edition's home page's buttons in its phase, the main one first: (label, address),
    an address with a scheme leaving the site, any other a page of it (a src_uri) or a fragment."""
    conference = programme.conference
    schedule, tickets, blog = ("See the schedule", programme.schedule_uri()), ("Buy a ticket", programme.page_uri("tickets")), ("Read the blog", "blog/index.md")
    keynotes = [("Keynotes", "#pi-keynotes-title")] if programme.keynotes() else []
    phase = conference["phase"]
    if phase == "proposals":
        return [("Submit a proposal", conference["proposals"]), blog] if conference["proposals"] else [blog]
    if phase == "tickets":
        return [tickets, *keynotes, blog]
    if phase == "schedule":
        return [schedule, tickets, *keynotes]
    if phase == "live":
        stream = conference["stream"] or conference["website"]
        return [*([("Join the stream", stream)] if stream else []), schedule]
    recordings = programme.page_uri("recordings") if any(s.recordings for s in programme.sessions) else conference["recordings"]
    return [schedule, *([("Watch the recordings", recordings)] if recordings else []), *keynotes]
