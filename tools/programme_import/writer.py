"""Write the programme's YAML files, only once the build's own rules accept them.

The merged files are written to a scratch folder first and loaded there with
overrides/hooks/programme/programme_data.py, as the build loads them, and
their Markdown (abstracts, descriptions, biographies) is judged as MkDocs'
strict validation will judge it (texts.py); only when both pass are they
moved into place, and only the files whose bytes
change. So a bad import leaves the site as it was, and a second run on the
same source changes no byte.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import yaml

from overrides.hooks.programme.programme_data import FILES, ProgrammeError, load
from tools.programme_import.texts import refused

HEADER = {
    "schedule.yml": "# The programme's days, stages and sessions (README, \"The programme\"). Times carry their offset.\n",
    "speakers.yml": "# The speakers, by id; sessions name them by id.\n",
    "sponsors.yml": "# Sponsor tiers, sponsors and community partners. A logo is a file under docs/ the team adds.\n",
    "tickets.yml": "# Ticket types, their prices and whether they are on sale.\n",
}
STATE_HEADER = "# Written by tools.programme_import: what it wrote last, so that it knows what was edited by hand since.\n"


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # a person reads every value where it stands, never an &id001
        return True


def _datetime(dumper, value: datetime):
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _decimal(dumper, value: Decimal):
    number = int(value) if value == value.to_integral_value() else float(value)
    return dumper.represent_data(number)


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(datetime, _datetime)
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _str)
_Dumper.add_representer(date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)


def read_current(folder: Path) -> dict[str, dict]:
    out = {}
    for name in FILES:
        path = folder / name
        if path.is_file():
            out[name] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return out


def texts(files: dict[str, dict], state: dict) -> dict[str, str]:
    out = {name: HEADER.get(name, "") + dump(content) for name, content in files.items()}
    from tools.programme_import.merge import STATE
    out[STATE] = STATE_HEADER + dump(state)
    return out


def check_and_write(folder: Path, docs_dir: Path, year: int, files: dict[str, str], *, dry_run: bool,
                    markdown: tuple[list[str], dict[str, dict]]) -> list[str]:
    """Write `files` (name -> text) into the edition's `folder` when the programme they make passes the build's checks
    and its texts the strict build's (`markdown`: the site's extensions, texts.site_markdown);
    returns the names that changed (or would). Raises ProgrammeError, having written nothing."""
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        shutil.copytree(docs_dir, docs, ignore=shutil.ignore_patterns("*.md", "*.html"), dirs_exist_ok=True)
        target = docs / folder.relative_to(docs_dir)
        target.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (target / name).write_text(text, encoding="utf-8")
        programme = load(docs, year)  # raises ProgrammeError
        if problems := refused(programme, docs_dir, markdown):
            raise ProgrammeError(problems)
    changed = [name for name, text in files.items()
               if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    if not dry_run:
        folder.mkdir(parents=True, exist_ok=True)
        for name in changed:
            partial = folder / f".{name}.partial"
            partial.write_text(files[name], encoding="utf-8")
            partial.replace(folder / name)
        # Subscribed calendars take what changed: the edition's calendar memory follows its data (tools/calendar_state.py).
        from tools.calendar_state import remember  # noqa: PLC0415

        remember(docs_dir, folder)
    return changed


__all__ = ["ProgrammeError", "check_and_write", "dump", "read_current", "texts"]
