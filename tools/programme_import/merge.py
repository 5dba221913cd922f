"""Merge an import into the programme the site already has, safely again and again.

Each edition's `docs/<year>/.programme-import.yml` records a fingerprint of
every entry the importer wrote there. On the next run an entry whose fingerprint still matches
is the importer's own and is replaced by the new import; an entry that
differs from its fingerprint was edited by hand, and one without a
fingerprint was written by hand: both are kept as they are, and reported
when the import has something else for them. An entry the import no longer
has is reported, and removed only with `remove_missing`. An entry keeps its
place in the file, and an entry the import repeats is kept as the file writes
it, so that importing what the site exported changes no byte.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from tools.pelican_import.report import Problem

STATE = ".programme-import.yml"
# The lists merged entry by entry, and the field that names an entry.
KEYED = {("schedule.yml", "sessions"): "uid", ("speakers.yml", "speakers"): "id"}


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value))


def fingerprint(entry) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=_plain, ensure_ascii=False).encode()).hexdigest()[:16]


def key_of(entry: dict, field_name: str) -> str:
    return str(entry.get(field_name) or entry.get("slug") or entry.get("id"))


@dataclass
class Merged:
    files: dict[str, dict]
    state: dict[str, dict[str, str]]
    problems: list[Problem] = field(default_factory=list)


def merge(current: dict[str, dict], imported: dict[str, dict], state: dict[str, dict[str, str]], *,
          remove_missing: bool, folder: str) -> Merged:
    """`current` and `imported`: each file's content in the edition's `folder` (`2031`, as messages
    name it); `state`: file -> entry key -> fingerprint."""
    out, new_state, problems = {}, {}, []
    for name, new in imported.items():
        have = current.get(name)
        marks = state.get(name, {})
        result, kept = {}, {}
        for section, value in new.items():
            key_field = KEYED.get((name, section))
            old_value = (have or {}).get(section)
            if key_field is None:
                # A whole section (days, stages, tickets, sponsors): the import's, unless edited by hand.
                mark = marks.get(section)
                if old_value is not None and mark is not None and fingerprint(old_value) != mark:
                    problems.append(Problem(f"{folder}/{name}", 0, f"{section}: edited by hand, kept as it is (the import has its own)",
                                            "edited by hand, kept"))
                    result[section] = old_value
                    kept[section] = mark
                elif old_value is not None and mark is None and have is not None and old_value != value:
                    problems.append(Problem(f"{folder}/{name}", 0, f"{section}: written by hand, kept as it is", "written by hand, kept"))
                    result[section] = old_value
                else:
                    result[section] = value
                    kept[section] = fingerprint(value)
                continue
            old_entries = {key_of(e, key_field): e for e in old_value or []}
            new_entries = {key_of(e, key_field): e for e in value}
            entries = []
            for key, entry in new_entries.items():
                old = old_entries.get(key)
                mark = marks.get(f"{section}/{key}")
                if old is None or (mark is not None and fingerprint(old) == mark):
                    entries.append(old if old == entry else entry)  # the same content: as the file has it, its keys' order too
                    kept[f"{section}/{key}"] = fingerprint(entry)
                else:
                    entries.append(old)
                    if mark is not None:
                        kept[f"{section}/{key}"] = mark
                    if old != entry:
                        how = "edited" if mark is not None else "written"
                        problems.append(Problem(f"{folder}/{name}: {section} {key}", 0, f"{how} by hand: kept as it is, "
                                                "not updated from the import", f"{how} by hand, kept"))
            for key, old in old_entries.items():
                if key in new_entries:
                    continue
                mark = marks.get(f"{section}/{key}")
                if mark is None:
                    entries.append(old)  # the team's own entry
                elif remove_missing:
                    problems.append(Problem(f"{folder}/{name}: {section} {key}", 0, "gone from the source: removed",
                                            "gone from the source", fixed=True))
                else:
                    entries.append(old)
                    kept[f"{section}/{key}"] = mark
                    problems.append(Problem(f"{folder}/{name}: {section} {key}", 0, "gone from the source: kept "
                                            "(--remove-missing removes it)", "gone from the source"))
            # An entry keeps its place in the file (a second import moves no line); new ones follow, in the source's order.
            place = {key: index for index, key in enumerate(old_entries)}
            result[section] = sorted(entries, key=lambda e: place.get(key_of(e, key_field), len(place)))
            for entry in result[section]:  # the record lists them in the file's order too
                mark_key = f"{section}/{key_of(entry, key_field)}"
                if mark_key in kept:
                    kept[mark_key] = kept.pop(mark_key)
        for section, old_value in (have or {}).items():
            result.setdefault(section, old_value)
        out[name] = result
        new_state[name] = kept
    for name, have in current.items():
        out.setdefault(name, have)
        if name in state and name not in new_state:
            new_state[name] = state[name]
    return Merged(out, new_state, problems)
