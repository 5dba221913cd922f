"""The command line: `python -m tools.programme_import SOURCE [options]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from overrides.hooks.programme.programme_data import EDITION_FILE, ProgrammeError, editions_config, load
from tools.pelican_import.report import Problem, print_problems
from tools.pelican_import.site_config import CannotEdit
from tools.programme_import import edition, hugo, jekyll, recordings
from tools.programme_import.frab import NOTE_KINDS, own_guids
from tools.programme_import.merge import STATE, merge
from tools.programme_import.records import Imported, ImportFailed
from tools.programme_import.texts import site_markdown
from tools.programme_import.writer import check_and_write, read_current, texts

ROOT = Path(__file__).resolve().parents[2]
# Said once per kind, but not problems: nothing in the source can be mended for them.
NOTES = {"a photo not brought", "a logo not brought", edition.FOR_THE_TEAM}


def read_source(source: str, conference: dict, fix: bool) -> Imported:
    """Tell the formats apart by their content, not by their names."""
    path = Path(source)
    if hugo.is_hugo_data(path):
        if "start" not in conference:
            raise ImportFailed(f"{source}: the old site's data/ names no year: bring it into an edition the site has (--edition YEAR)")
        return hugo.read(path, conference, fix)
    if jekyll.is_jekyll_data(path):
        return jekyll.read(path, conference, fix)  # its year is in conference-details.yml
    from tools.programme_import import frab  # noqa: PLC0415

    if frab.is_frab(source):
        return frab.read(source, conference, fix)
    raise ImportFailed(f"{source}: neither the old site's data/ folder (schedule.yml, ...) nor a frab/pretalx schedule.json")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.programme_import", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", help="the old Hugo site's data/ folder, the old Jekyll site's _data/ folder, or a frab/pretalx schedule.json "
                        "(file or address)")
    p.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    p.add_argument("--edition", type=int, metavar="YEAR",
                   help="the edition to bring the programme into (default: the year of the source's first day; "
                        "the Hugo site's data/, which has no year, goes to the current edition)")
    p.add_argument("--current", action="store_true", help="make that edition the current one (extra.editions.current)")
    p.add_argument("--fix", action="store_true", help="fix the flaws that have one reading (each is reported)")
    p.add_argument("--recordings", type=Path, metavar="DIR",
                   help="a pyvideo/data conference folder (videos/*.json): link each session to its recording")
    p.add_argument("--remove-missing", action="store_true", help="remove the edition's imported sessions the source no longer has")
    p.add_argument("--update-conference", action="store_true",
                   help="when the source's conference (name, dates, zone) differs from the edition's, update its edition.yml")
    p.add_argument("--dry-run", action="store_true", help="write nothing; say what would change")
    p.add_argument("--verbose", action="store_true", help="list every problem, not one line per kind")
    return p


def write(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    config_path = args.config.resolve()
    with config_path.open(encoding="utf-8") as config_file:
        config = yaml_load(config_file)
    docs_dir = (config_path.parent / config.get("docs_dir", "docs")).resolve()
    problems: list[Problem] = []
    try:
        try:
            current_year, years = editions_config((config.get("extra") or {}).get("editions"))
        except ProgrammeError as error:
            raise ImportFailed(f"{config_path.name}: " + "; ".join(error.problems)) from None
        # Read first with the facts of the edition named, or the current one; the source's own first day may name another.
        year = args.edition or current_year
        have = edition.facts_of(docs_dir / str(year))
        imported = read_source(args.source, have[0] if have else {}, args.fix)
        found_start = imported.conference.get("start")
        if args.edition is None and found_start is not None and found_start.year != year:
            year = found_start.year
            have = edition.facts_of(docs_dir / str(year))
            imported = read_source(args.source, have[0] if have else {}, args.fix)
        folder = docs_dir / str(year)
        shown = f"{year}/{EDITION_FILE}"
        if have is not None:
            try:  # the site's own schedule.json read back: a guid it made from a calendar UID is that session's uid again
                own_guids(imported, load(docs_dir, year))
            except ProgrammeError:
                pass  # the edition's data as it is does not load: nothing of it to recognise
        problems = list(imported.problems)
        extra_files: dict[str, str] = {}
        if have is not None:
            facts, found, new_facts = edition.compare(imported.conference, have[0], have[1], shown, update=args.update_conference)
            problems += found
            if new_facts is not None:
                extra_files[EDITION_FILE] = new_facts
        else:
            if not {"name", "start", "end"} <= set(imported.conference):
                raise ImportFailed(f"{args.source}: says nothing of its conference (name, days): the site has no edition {year} "
                                   f"to bring it into (docs/{year}/{EDITION_FILE}); name one with --edition")
            zone = imported.conference.get("timezone")
            extra_files[EDITION_FILE] = edition.new_facts(imported.conference, zone or "UTC", bool(zone), Path(args.source).name)
            facts = yaml.safe_load(extra_files[EDITION_FILE])
            extra_files.update({name: text for name, text in edition.stubs(facts["name"]).items() if not (folder / name).exists()})
            problems += edition.for_the_team(shown)
        new_config = None
        if year not in years or (args.current and year != current_year):
            try:
                new_config = edition.add_edition(config_path.read_text(encoding="utf-8"), year, current=args.current)
            except CannotEdit as error:
                raise ImportFailed(str(error)) from None
        files = imported.files()
        linked = None
        current = read_current(folder)
        if args.recordings:
            found, linked = recordings.link(files, args.recordings, facts)
            problems += found
        else:
            recordings.keep(files, current)
        state_path = folder / STATE
        state = (yaml.safe_load(state_path.read_text(encoding="utf-8")) or {}) if state_path.is_file() else {}
        merged = merge(current, files, state, remove_missing=args.remove_missing, folder=str(year))
        problems += merged.problems
        left = [p for p in problems if not p.fixed and p.kind not in NOTES | NOTE_KINDS]
        fixable = [p for p in left if p.reason.endswith("(--fix does it)")]
        if fixable:
            print_problems(problems, args.verbose)
            print(f"Nothing written: {len(fixable)} flaw(s) have one reading; run again with --fix to fix them.", file=sys.stderr)
            return 1
        # Only the files the source brought: the others (a new edition's stubs, the team's sponsors) keep their bytes.
        brought = {name: merged.files[name] for name in files}
        changed = check_and_write(folder, docs_dir, year, {**extra_files, **texts(brought, merged.state)},
                                  dry_run=args.dry_run, markdown=site_markdown(config))
        changed = [f"{year}/{name}" for name in changed]
        if new_config is not None:
            # Only now: a programme the build would refuse leaves mkdocs.yml as it was, too.
            changed.append(config_path.name)
            if not args.dry_run:
                write(config_path, new_config)
    except ImportFailed as error:
        print_problems(problems, args.verbose)
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ProgrammeError as error:
        print_problems(problems, args.verbose)
        print("Nothing written: the programme would not pass the build's checks:\n  " + "\n  ".join(error.problems), file=sys.stderr)
        return 1
    print_problems(problems, args.verbose)
    sessions = merged.files["schedule.yml"].get("sessions", [])
    verb = "would change" if args.dry_run else "changed"
    recorded = (f"recordings linked {sum(linked.values())} ({', '.join(f'{n} by {rule}' for rule, n in linked.items())}); "
                if linked is not None else "")
    started = "a new edition, " if have is None else ""
    print(f"{'Dry run' if args.dry_run else 'Summary'}: edition {year} ({started}docs/{year}/): {len(sessions)} sessions, "
          f"{len(merged.files['speakers.yml'].get('speakers', []))} speakers; {recorded}{len(changed)} file(s) {verb}"
          f"{': ' + ', '.join(changed) if changed else ''}; problems {len(left)}, fixed {sum(p.fixed for p in problems)}",
          file=sys.stderr)
    return 1 if left else 0


__all__ = ["Problem", "main"]
