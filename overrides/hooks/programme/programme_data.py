"""The conference programme's data: what its YAML files may hold, checked at
the door, and the rules every part of the site asks of it (a session's end,
its day, its page, its calendar id, the time as a reader sees it).

The files live in `docs/programme/` beside the pages they feed:
`schedule.yml` (days, stages, sessions), `speakers.yml`, `sponsors.yml` and
`tickets.yml`. `extra.conference` in mkdocs.yml stays the one home of the
conference's name, dates, zone and phase; this module reads them from there.

Not a hook: a module the programme hooks import (MkDocs puts a hook's folder
on sys.path as it loads it), and the programme importer and the tests import
as `overrides.hooks.programme.programme_data`, so that none can disagree.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

# The folder under docs_dir that holds the data files and the programme's pages.
PROGRAMME_DIR = "programme"
FILES = ("schedule.yml", "speakers.yml", "sponsors.yml", "tickets.yml")
# Sessions of these types are slots of the schedule with no page of their own.
WITHOUT_PAGE = ("break", "address")
# Each type of session as a reader reads it.
TYPE_NAMES = {"talk": "Talk", "workshop": "Workshop", "keynote": "Keynote", "panel": "Panel",
              "lightning-talks": "Lightning talks", "break": "Break", "address": "Address"}
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


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
    """The checked programme, with what the pages ask of it."""

    def __init__(self, conference: dict, zone: ZoneInfo, schedule: Schedule, speakers: Speakers,
                 sponsors: Sponsors, tickets: Tickets):
        self.conference = conference
        self.zone = zone
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

    def stage_name(self, session: Session) -> str:
        return "All stages" if session.all_stages else self.stages[session.stage].name

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


# Where each page of the programme is, under docs_dir: one home for the rule.
def schedule_uri() -> str:
    return f"{PROGRAMME_DIR}/schedule.md"


def session_uri(session: Session) -> str:
    return f"{PROGRAMME_DIR}/sessions/{session.slug}.md"


def speakers_uri() -> str:
    return f"{PROGRAMME_DIR}/speakers/index.md"


def speaker_uri(speaker: Speaker) -> str:
    return f"{PROGRAMME_DIR}/speakers/{speaker.id}.md"


def calendar_uri(session: Session | None = None) -> str:
    """`programme/schedule.ics` for every session, `programme/sessions/<slug>.ics` for one."""
    return f"{PROGRAMME_DIR}/schedule.ics" if session is None else f"{PROGRAMME_DIR}/sessions/{session.slug}.ics"


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


def read(folder: Path) -> tuple[dict[str, BaseModel], list[str]]:
    """Each data file as its model, and the problems found reading them."""
    models, problems = {}, []
    for name, model in MODELS.items():
        path = folder / name
        shown = posixpath.join(PROGRAMME_DIR, name)
        if not path.exists():
            models[name] = model.model_validate({"days": [], "stages": []} if model is Schedule else {})
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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
    schedule, speakers, sponsors = (posixpath.join(PROGRAMME_DIR, n) for n in FILES[:3])
    start, end = programme.conference["start"], programme.conference["end"]
    for day in programme.days:
        if not start <= day.date <= end:
            problems.append(f"{schedule}: days[{programme.days.index(day)}] ({day.date}).date: outside the conference, {start} to {end} (extra.conference)")
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


def zone_of(conference: dict) -> ZoneInfo:
    try:
        return ZoneInfo(conference["timezone"])
    except (ZoneInfoNotFoundError, ValueError, KeyError):
        raise ProgrammeError([f"extra.conference.timezone: not a time zone: {conference.get('timezone')!r} (write e.g. Asia/Kolkata)"]) from None


def load(docs_dir: Path, conference: dict) -> Programme:
    """The programme from `docs/programme/*.yml`, checked; raises ProgrammeError naming every problem."""
    models, problems = read(Path(docs_dir) / PROGRAMME_DIR)
    if problems:
        raise ProgrammeError(problems)
    programme = Programme(conference, zone_of(conference), *(models[name] for name in FILES))
    problems = check(programme, Path(docs_dir))
    if problems:
        raise ProgrammeError(problems)
    return programme


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


_loaded: dict[int, tuple[object, Programme]] = {}


def for_build(config) -> Programme:
    """The programme of this build's configuration, loaded and checked once (each rebuild of
    `mkdocs serve` loads its configuration anew, and so the data)."""
    entry = _loaded.get(id(config))
    if entry is None or entry[0] is not config:
        _loaded.clear()
        entry = _loaded[id(config)] = (config, load(Path(config.docs_dir), config.extra["conference"]))
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
    """The home page's buttons in the conference's phase, the main one first: (label, address),
    an address with a scheme leaving the site, any other a path of it."""
    conference = programme.conference
    schedule, tickets, blog = ("See the schedule", "programme/schedule/"), ("Buy a ticket", "programme/tickets/"), ("Read the blog", "blog/")
    keynotes = [("Keynotes", "#pi-keynotes-title")] if programme.keynotes() else []
    phase = conference["phase"]
    if phase == "proposals":
        return [("Submit a proposal", conference["proposals"]), blog]
    if phase == "tickets":
        return [tickets, *keynotes, blog]
    if phase == "schedule":
        return [schedule, tickets, *keynotes]
    if phase == "live":
        return [("Join the stream", conference.get("stream") or conference["website"]), schedule]
    recordings = "programme/recordings/" if any(s.recordings for s in programme.sessions) else conference.get("recordings")
    return [schedule, *([("Watch the recordings", recordings)] if recordings else []), *keynotes]
