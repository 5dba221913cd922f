"""The command line: `python -m tools.programme_import SOURCE [options]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from overrides.hooks.programme.programme_data import PROGRAMME_DIR, ProgrammeError
from tools.pelican_import.report import Problem, print_problems
from tools.programme_import import hugo, recordings
from tools.programme_import.frab import NOTE_KINDS
from tools.programme_import.merge import STATE, merge
from tools.programme_import.records import Imported, ImportFailed
from tools.programme_import.texts import site_markdown
from tools.programme_import.writer import check_and_write, read_current, texts

ROOT = Path(__file__).resolve().parents[2]
# Said once per kind, but not problems: nothing in the source can be mended for them.
NOTES = {"a photo not brought", "a logo not brought"}


def read_source(source: str, conference: dict, fix: bool) -> Imported:
    """Tell the formats apart by their content, not by their names."""
    path = Path(source)
    if hugo.is_hugo_data(path):
        return hugo.read(path, conference, fix)
    from tools.programme_import import frab  # noqa: PLC0415

    if frab.is_frab(source):
        return frab.read(source, conference, fix)
    raise ImportFailed(f"{source}: neither the old site's data/ folder (schedule.yml, ...) nor a frab/pretalx schedule.json")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.programme_import", description=__doc__)
    p.add_argument("source", help="the old Hugo site's data/ folder, or a frab/pretalx schedule.json (file or address)")
    p.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    p.add_argument("--fix", action="store_true", help="fix the flaws that have one reading (each is reported)")
    p.add_argument("--recordings", type=Path, metavar="DIR",
                   help="a pyvideo/data conference folder (videos/*.json): link each session to its recording")
    p.add_argument("--remove-missing", action="store_true", help="remove the imported sessions the source no longer has")
    p.add_argument("--update-conference", action="store_true",
                   help="when the source's conference (dates, zone, name) differs from extra.conference, update mkdocs.yml")
    p.add_argument("--dry-run", action="store_true", help="write nothing; say what would change")
    p.add_argument("--verbose", action="store_true", help="list every problem, not one line per kind")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    config_path = args.config.resolve()
    with config_path.open(encoding="utf-8") as config_file:
        config = yaml_load(config_file)
    conference = dict(config["extra"]["conference"])
    docs_dir = (config_path.parent / config.get("docs_dir", "docs")).resolve()
    folder = docs_dir / PROGRAMME_DIR
    try:
        imported = read_source(args.source, conference, args.fix)
        problems = list(imported.problems)
        new_config = None
        if imported.conference:
            from tools.programme_import.conference import compare  # noqa: PLC0415

            conference, found, new_config = compare(imported.conference, conference, config_path, update=args.update_conference,
                                                    dry_run=args.dry_run)
            problems += found
        files = imported.files()
        linked = None
        current = read_current(folder)
        if args.recordings:
            found, linked = recordings.link(files, args.recordings, conference)
            problems += found
        else:
            recordings.keep(files, current)
        state_path = folder / STATE
        state = (yaml.safe_load(state_path.read_text(encoding="utf-8")) or {}) if state_path.is_file() else {}
        merged = merge(current, files, state, remove_missing=args.remove_missing)
        problems += merged.problems
        left = [p for p in problems if not p.fixed and p.kind not in NOTES | NOTE_KINDS]
        fixable = [p for p in left if p.reason.endswith("(--fix does it)")]
        if fixable:
            print_problems(problems, args.verbose)
            print(f"Nothing written: {len(fixable)} flaw(s) have one reading; run again with --fix to fix them.", file=sys.stderr)
            return 1
        changed = check_and_write(folder, docs_dir, conference, texts(merged.files, merged.state), dry_run=args.dry_run,
                                  markdown=site_markdown(config))
        if new_config is not None:
            # Only now: a programme the build would refuse leaves mkdocs.yml as it was, too.
            changed.append(config_path.name)
            if not args.dry_run:
                partial = config_path.with_name(f".{config_path.name}.partial")
                partial.write_text(new_config, encoding="utf-8")
                partial.replace(config_path)
    except ImportFailed as error:
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
    print(f"{'Dry run' if args.dry_run else 'Summary'}: {len(sessions)} sessions, "
          f"{len(merged.files['speakers.yml'].get('speakers', []))} speakers; {recorded}{len(changed)} file(s) {verb}"
          f"{': ' + ', '.join(changed) if changed else ''}; problems {len(left)}, fixed {sum(p.fixed for p in problems)}",
          file=sys.stderr)
    return 1 if left else 0


__all__ = ["Problem", "main"]
