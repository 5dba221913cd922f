"""The edition a programme belongs to: its facts (`docs/<year>/edition.yml`) as the
importer compares, edits and starts them, and the site's list of editions
(`extra.editions` in mkdocs.yml).

- Which edition: the one `--edition` names, else the year of the source's first day.
- An edition the site has: what the source says of it (name, first and last day,
  time zone) is compared with its edition.yml; each difference is reported, and
  with `update` edited in place, line by line, so the file's comments and layout
  stay (as tools/pelican_import/site_config.py adds categories).
- A new edition: its edition.yml is written from what the source knows; what it
  cannot know (mode, venue, links) is left empty under a comment saying what to
  write, and nothing is taken from another edition. Its code of conduct and FAQ
  start as stubs with a note for the team. Its year joins `extra.editions.all`
  (newest first), edited line by line; it becomes `current` only when asked.

Texts are returned, never written here: the command line writes them once the
programme has passed the build's checks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from overrides.hooks.programme.programme_data import EDITION_FILE
from tools.pelican_import.report import Problem
from tools.pelican_import.site_config import CannotEdit, _find, _Loader, yaml_string
from tools.programme_import.records import ImportFailed

FIELDS = ("name", "start", "end", "timezone")
# Said in the report, but not left for a person: the edition builds without them; the team writes them in time.
FOR_THE_TEAM = "for the team to write"


def _written(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = text.replace(" ", "").replace("/", "").replace("_", "").replace("-", "").replace("+", "").isalnum()
    try:
        same = yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if plain and same else yaml_string(text)


def _mapping(root: yaml.Node, path: tuple[str, ...], shown: str) -> yaml.MappingNode:
    node = root
    for key in path:
        node = _find(node, key)
    if not isinstance(node, yaml.MappingNode):
        raise CannotEdit(f"{shown} has no {'.'.join(path) or 'mapping'} here (is it in a file it INHERITs?)")
    return node


def edit(text: str, changes: dict[str, object], *, path: tuple[str, ...] = (), shown: str = EDITION_FILE) -> str:
    """`text` with each `<path>.<field>` set to its value, on its own line; a value written through an
    alias is edited where its anchor is, so the two stay one."""
    facts = _mapping(yaml.compose(text, Loader=_Loader), path, shown)
    lines = text.splitlines(keepends=True)
    for field, value in changes.items():
        node = _find(facts, field)
        where = ".".join((*path, field))
        if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line or node.style not in (None, "", "'", '"'):
            raise CannotEdit(f"{shown}: {where} is not one plain line: set it to {_written(value)} by hand")
        line = lines[node.start_mark.line]
        old = line[node.start_mark.column:node.end_mark.column]
        anchor = old.split(" ", 1)[0] + " " if old.startswith("&") else ""
        lines[node.start_mark.line] = line[:node.start_mark.column] + anchor + _written(value) + line[node.end_mark.column:]
    return "".join(lines)


def lines_of(text: str) -> dict[str, int]:
    """Each top-level fact's line in edition.yml, for the report."""
    try:
        return {k.value: k.start_mark.line + 1 for k, _ in yaml.compose(text, Loader=_Loader).value}
    except (yaml.YAMLError, AttributeError, TypeError):
        return {}


def facts_of(folder: Path) -> tuple[dict, str] | None:
    """An edition's edition.yml as data and as text, or None for an edition the site does not have yet."""
    path = folder / EDITION_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        facts = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ImportFailed(f"{folder.name}/{EDITION_FILE}: not readable as YAML: {error}") from None
    return facts, text


def compare(found: dict, facts: dict, text: str, shown: str, *, update: bool) -> tuple[dict, list[Problem], str | None]:
    """(the facts the programme is checked against, the problems, edition.yml's new text or None)."""
    problems, changes = [], {}
    lines = lines_of(text)
    for field in FIELDS:
        if field not in found or found[field] == facts.get(field):
            continue
        changes[field] = found[field]
        reason = f"{field} is {facts.get(field)!s}, the export says {found[field]!s}"
        if update:
            problems.append(Problem(shown, lines.get(field, 0), f"{reason}: updated", "the edition's facts updated", fixed=True))
        else:
            problems.append(Problem(shown, lines.get(field, 0), f"{reason} (--update-conference updates {shown})",
                                    "the export's conference is another"))
    if not changes or not update:
        return facts, problems, None
    try:
        text = edit(text, changes, shown=shown)
    except CannotEdit as error:
        raise ImportFailed(str(error)) from None
    return {**facts, **changes}, problems, text


def new_facts(found: dict, zone: str, zone_from_export: bool, source: str) -> str:
    """A new edition's edition.yml: what the source knows, and the rest empty under a comment saying what to write."""
    name, start, end = found.get("name"), found.get("start"), found.get("end")
    zone_note = ("" if zone_from_export else
                 "# For the team to check: the export names no zone; this is the zone the import read its times in.\n")
    return f"""# {name}: the edition's own facts, checked at the door in the shape every
# edition shares (overrides/hooks/programme/programme_data.py, EditionFacts).
# Started by tools.programme_import from {source}: the name, the days and the
# zone are the export's. Where a comment says "for the team to write", the
# import knew nothing: write it before the site announces the edition.
name: {_written(name)}
start: {_written(start)}
end: {_written(end)}
# The zone the programme's times are shown in (an IANA name).
{zone_note}timezone: {_written(zone)}
# Where the edition stands; it picks the home page's calls to action:
# proposals (open), tickets (on sale), schedule (out), live, over.
# The import brought a schedule, hence schedule.
phase: schedule
# For the team to write: Online, In person or Hybrid.
mode:
# For the team to write (in person or hybrid): the venue's name and city.
venue:
# For the team to write: each address with its https://; an empty one is not shown.
links:
  website:
  proposals:
  tickets:
  # The stream while it is live, the recordings once it is over.
  stream:
  recordings:
# Calendar events are named <session>@{found.get('start').year if isinstance(start, date) else '<year>'}.editions.in.pycon.org unless
# calendar_domain names another host: set it, if at all, before the first
# calendar is published, and never change it after (subscribers would get
# every session twice).
"""


def stubs(name: str) -> dict[str, str]:
    """What a new edition starts with beside its programme: its sponsors and tickets empty, and its
    hand-written pages as stubs, each saying what the team has to write."""
    return {
        "sponsors.yml": f"""# Sponsor tiers, sponsors and community partners of {name}.
# For the team to write: a CfP export knows none. Each tier once, then each
# sponsor with its tier's id; a logo is a file under docs/ the team adds.
#   tiers:
#     - id: gold
#       name: Gold
#   sponsors:
#     - name: The sponsor's name
#       tier: gold
#       link: https://...
tiers: []
sponsors: []
partners: []
""",
        "tickets.yml": f"""# Ticket types of {name}, their prices and whether they are on sale.
# For the team to write: a CfP export knows none. One entry a type:
#   tickets:
#     - name: Conference
#       price: 1500
#       currency: INR
#       status: not-yet-on-sale      # on-sale, sold-out or not-yet-on-sale
#       link: https://...
#       admits: [conference]         # conference, workshops, sprints
tickets: []
""",
        "code-of-conduct.md": f"""---
description: How everyone at {name} is expected to behave, and how to report a problem.
---

# Code of conduct

!!! note "For the team to write"

    This edition has no code of conduct yet. Write here the one the team
    adopts for {name}: what is expected of everyone there, what is not
    accepted, and how to reach the people who handle a report (an address
    and, for the days of the conference, a phone number), with how quickly
    they answer. Until then, this page says only that much.
""",
        "faq.md": f"""---
description: Answers to the questions attendees of {name} ask most.
---

# Frequently asked questions

!!! note "For the team to write"

    No answers yet. Collect the questions attendees of {name} ask (tickets,
    workshops, travel, accessibility, recordings) and answer them here; the
    dates, prices and schedule live in this edition's data files
    (`edition.yml`, `tickets.yml`, `schedule.yml`), so link those pages
    rather than repeating their facts.
""",
    }


def for_the_team(shown: str) -> list[Problem]:
    """What the report says of a new edition: the facts left for the team, each where it is written."""
    return [Problem(shown, 0, f"a new edition: {what} (the YAML comments there say what to write)", FOR_THE_TEAM)
            for what in ("mode and venue", "links: website, proposals, tickets, stream, recordings")] + [
        Problem(shown.rsplit("/", 1)[0] + "/" + page, 0, "a new edition: a stub for the team to write", FOR_THE_TEAM)
        for page in ("code-of-conduct.md", "faq.md")] + [
        Problem(shown.rsplit("/", 1)[0] + "/" + data, 0, "a new edition: empty, for the team to fill", FOR_THE_TEAM)
        for data in ("sponsors.yml", "tickets.yml")]


def add_edition(text: str, year: int, *, current: bool) -> str:
    """mkdocs.yml's text with `year` in `extra.editions.all` (newest first) and, when `current`,
    as `extra.editions.current`, edited line by line so that its comments and layout stay."""
    editions = _mapping(yaml.compose(text, Loader=_Loader), ("extra", "editions"), "mkdocs.yml")
    years = _find(editions, "all")
    lines = text.splitlines(keepends=True)
    if not isinstance(years, yaml.SequenceNode):
        raise CannotEdit(f"mkdocs.yml: extra.editions.all is not a list: add {year} to it by hand")
    listed = [int(item.value) for item in years.value if isinstance(item, yaml.ScalarNode) and item.value.isdigit()]
    if year not in listed:
        if years.flow_style and years.start_mark.line == years.end_mark.line:
            line = lines[years.start_mark.line]
            written = "[" + ", ".join(str(y) for y in sorted({*listed, year}, reverse=True)) + "]"
            lines[years.start_mark.line] = line[:years.start_mark.column] + written + line[years.end_mark.column:]
        elif not years.flow_style and years.value:
            # Before the first year older than it, or after the last, indented as the items are.
            later = next((item for item in years.value if item.value.isdigit() and int(item.value) < year), None)
            anchor_item = later or years.value[-1]
            indent = lines[anchor_item.start_mark.line][: anchor_item.start_mark.column - 2]
            at = anchor_item.start_mark.line if later else anchor_item.end_mark.line + (1 if anchor_item.end_mark.column else 0)
            lines[at:at] = [f"{indent}- {year}\n"]
        else:
            raise CannotEdit(f"mkdocs.yml: extra.editions.all is not one line nor one year a line: add {year} to it by hand")
    text = "".join(lines)
    return edit(text, {"current": year}, path=("extra", "editions"), shown="mkdocs.yml") if current else text
