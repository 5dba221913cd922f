"""Bring each edition's calendar memory (`docs/<year>/calendar.yml`) up to date
with its data, so that subscribed calendars take the changes:

    python -m tools.calendar_state            # every edition of extra.editions
    python -m tools.calendar_state 2021       # one
    python -m tools.calendar_state --check    # write nothing; exit 1 when one is not current

A new session's event gets sequence 0; a changed one its sequence + 1; both
get this run's time as LAST-MODIFIED. A session gone from the data is
published cancelled while its edition is not over, and forgotten after.
`make calendars` runs it; commit the files it writes with the data. The rules
are in overrides/hooks/programme/calendar_events.py, which the build reads too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "overrides" / "hooks" / "programme"))  # as MkDocs loads the hooks: they import their neighbours

import calendar_events  # noqa: E402
import programme_data  # noqa: E402


def remember(docs_dir: Path, folder: Path, now: datetime | None = None) -> bool:
    """After the importer wrote an edition's folder (`docs/<year>/`): its calendar memory brought up to date.
    True when calendar.yml was written."""
    if not folder.name.isdigit():
        return False
    programme = programme_data.load(docs_dir, int(folder.name))
    new, _ = calendar_events.updated(programme, calendar_events.Memory.read(docs_dir, programme), now or datetime.now(timezone.utc))
    path = docs_dir / programme.calendar_memory_file()
    if path.is_file() and path.read_text(encoding="utf-8") == new.text():
        return False
    path.write_text(new.text(), encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.calendar_state", description=__doc__.split("\n\n")[0])
    parser.add_argument("years", nargs="*", type=int, help="the editions to update (default: every one in extra.editions)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when an edition's memory is not current")
    parser.add_argument("--now", type=datetime.fromisoformat, help=argparse.SUPPRESS)  # for the tests: this run's time
    args = parser.parse_args(argv)
    with args.config.open(encoding="utf-8") as file:
        config = yaml_load(file)
    docs_dir = (args.config.resolve().parent / config.get("docs_dir", "docs")).resolve()
    try:
        editions = programme_data.load_editions(docs_dir, config["extra"].get("editions"))
    except programme_data.ProgrammeError as error:
        print("error: the editions' data is wrong; mend it first:\n  " + "\n  ".join(error.problems), file=sys.stderr)
        return 2
    unknown = [year for year in args.years if year not in editions.by_year]
    if unknown:
        print(f"error: no edition {', '.join(map(str, unknown))} in extra.editions", file=sys.stderr)
        return 2
    now = (args.now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    stale = False
    for programme in [editions.by_year[y] for y in args.years] or editions.all:
        memory = calendar_events.Memory.read(docs_dir, programme)
        new, report = calendar_events.updated(programme, memory, now)
        path = docs_dir / programme.calendar_memory_file()
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        changed = current != new.text()
        counts = ", ".join(f"{len(uids)} {kind}" for kind, uids in report.items())
        if args.check:
            for line in calendar_events.problems(programme, memory):
                print(line, file=sys.stderr)
            stale |= bool(calendar_events.problems(programme, memory))
            continue
        for kind in ("changed", "cancelled", "forgotten"):
            for uid in report[kind]:
                print(f"{programme.calendar_memory_file()}: {uid}: {kind}", file=sys.stderr)
        if changed:
            path.write_text(new.text(), encoding="utf-8")
        print(f"{programme.folder}: {len(new)} events ({counts}); "
              f"{programme.calendar_memory_file() + ' written' if changed else 'nothing to write'}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
