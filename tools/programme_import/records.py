"""What every reader produces: the programme as the data files' dicts,
plus the problems it met and what it fixed, in the report's shape."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from tools.pelican_import.report import Problem


@dataclass
class Imported:
    """The programme a reader brought: each file's content as the models read it."""

    schedule: dict = field(default_factory=lambda: {"days": [], "stages": [], "sessions": []})
    speakers: dict = field(default_factory=lambda: {"speakers": []})
    sponsors: dict | None = None  # None: the source says nothing of them
    tickets: dict | None = None
    conference: dict = field(default_factory=dict)  # what the source says of the conference: start, end, timezone, name
    problems: list[Problem] = field(default_factory=list)

    def files(self) -> dict[str, dict]:
        out = {"schedule.yml": self.schedule, "speakers.yml": self.speakers}
        if self.sponsors is not None:
            out["sponsors.yml"] = self.sponsors
        if self.tickets is not None:
            out["tickets.yml"] = self.tickets
        return out


class LineLoader(yaml.SafeLoader):
    """Reads YAML and keeps each mapping's line as `__line__`, for `path:line` reports."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def line_of(entry: object) -> int:
    return entry.get("__line__", 0) if isinstance(entry, dict) else 0


class ImportFailed(Exception):
    """The source cannot be read at all: the message says why."""


class At(str):
    """A JSON path standing where a Problem's line stands, so that the report reads
    `schedule.json: $.schedule.conference.days[0]: reason` instead of `path:line: reason`."""

    def __format__(self, spec: str) -> str:
        return " " + str(self)


def json_path(*parts: str | int) -> At:
    """`$.schedule.conference.days[0].rooms['Gray Room'][3].date`, as jsonschema writes its errors' paths."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + repr(part) + "]"
    return At(out)
