"""The export's conference against the site's conference facts (`extra.conference`).

What an export says of its conference (name, first and last day, time zone) is
compared with mkdocs.yml; each difference is reported, and with `update` the
facts are edited in place, line by line, so the file's comments, anchors and
layout stay (as tools/pelican_import/site_config.py adds categories). A value
written through an alias (`name: *conference-name`) is edited where its anchor
is, so the two stay one. The new text is returned, not written: the command
line writes it only once the programme has passed the build's checks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from tools.pelican_import.report import Problem
from tools.pelican_import.site_config import CannotEdit, _find, _Loader, yaml_string
from tools.programme_import.records import ImportFailed

FIELDS = ("name", "start", "end", "timezone")


def _written(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    plain = text.replace(" ", "").replace("/", "").replace("_", "").replace("-", "").replace("+", "").isalnum()
    try:
        same = yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if plain and same else yaml_string(text)


def edit(text: str, changes: dict[str, object]) -> str:
    """mkdocs.yml's text with `extra.conference.<field>` set to each value, one line each."""
    root = yaml.compose(text, Loader=_Loader)
    facts = _find(_find(root, "extra"), "conference") if _find(root, "extra") is not None else None
    if not isinstance(facts, yaml.MappingNode):
        raise CannotEdit("mkdocs.yml has no extra.conference block here (is it in a file it INHERITs?): set "
                         + ", ".join(f"{k}: {_written(v)}" for k, v in changes.items()) + " there by hand")
    lines = text.splitlines(keepends=True)
    for field, value in changes.items():
        node = _find(facts, field)
        if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line or node.style not in (None, "", "'", '"'):
            raise CannotEdit(f"extra.conference.{field} is not one plain line: set it to {_written(value)} by hand")
        line = lines[node.start_mark.line]
        old = line[node.start_mark.column:node.end_mark.column]
        anchor = old.split(" ", 1)[0] + " " if old.startswith("&") else ""
        lines[node.start_mark.line] = line[:node.start_mark.column] + anchor + _written(value) + line[node.end_mark.column:]
    return "".join(lines)


def lines_of(text: str) -> dict[str, int]:
    """Each conference fact's line in mkdocs.yml, for the report."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        facts = _find(_find(root, "extra"), "conference")
        return {k.value: k.start_mark.line + 1 for k, _ in facts.value}
    except (yaml.YAMLError, AttributeError, TypeError):
        return {}


def compare(found: dict, conference: dict, config_path: Path, *, update: bool, dry_run: bool) -> tuple[dict, list[Problem], str | None]:
    """(the conference the programme is checked against, the problems, mkdocs.yml's new text or None)."""
    shown = config_path.name
    problems, changes = [], {}
    text = config_path.read_text(encoding="utf-8")
    lines = lines_of(text)
    for field in FIELDS:
        if field not in found or found[field] == conference.get(field):
            continue
        changes[field] = found[field]
        reason = f"extra.conference.{field} is {conference.get(field)!s}, the export says {found[field]!s}"
        if update:
            problems.append(Problem(shown, lines.get(field, 0), f"{reason}: updated", "the conference's facts updated", fixed=True))
        else:
            problems.append(Problem(shown, lines.get(field, 0), f"{reason} (--update-conference updates mkdocs.yml; importing the next "
                                    "edition's export is how the team starts it)", "the export's conference is another"))
    if not changes or not update:
        return conference, problems, None
    try:
        text = edit(text, changes)
    except CannotEdit as error:
        raise ImportFailed(f"{shown}: {error}") from None
    return {**conference, **changes}, problems, text
