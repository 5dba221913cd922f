"""What the importer tells its user: one line per problem, `path:line:
reason`, a kind met more than a few times grouped on one line (all of them
with --verbose), what it fixed itself, then a summary of the run."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from tools.pelican_import.records import Source

PAGES_DIR = "pages"  # Pelican's PAGE_PATHS: static pages, not articles


GROUP_OVER = 3  # a kind met more often than this is one line, unless --verbose
GROUP_SHOWS = 3  # the first places a grouped line names


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    reason: str
    # What groups it in the report, e.g. "linked file not found"; the reason when empty.
    kind: str = field(default="", compare=False)
    # Fixed by the importer (reported, but not a problem left for a person).
    fixed: bool = field(default=False, compare=False)

    @property
    def place(self) -> str:
        """`path:line`, or the path alone where no line is known (a whole entry, a whole file)."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.place}: {'fixed: ' if self.fixed else ''}{self.reason}"


def problem(source: Source, line: int, reason: str, kind: str = "") -> Problem:
    return Problem(source.shown, line, reason, kind)


def fixed(source: Source, line: int, reason: str, kind: str = "") -> Problem:
    """A change the importer made on its own, such as a link it mended."""
    return Problem(source.shown, line, reason, kind, fixed=True)


@dataclass
class Tally:
    imported: int = 0
    written: int = 0
    skipped: int = 0
    copied: int = 0
    redirects: int = 0
    via_old_urls: int = 0
    problems: list[Problem] = field(default_factory=list)
    image_bytes: list[tuple[str, int, int]] = field(default_factory=list)  # per post: shown path, before, after

    def summary(self, pages: int, authors: int, dry_run: bool) -> str:
        verb = "would write" if dry_run else "written"
        text = (
            f"imported {self.imported} ({self.written} {verb}, {self.imported - self.written} unchanged), "
            f"skipped {self.skipped}, problems {sum(not p.fixed for p in self.problems)}, "
            f"fixed {sum(p.fixed for p in self.problems)}, "
            f"redirects {self.redirects} ({self.via_old_urls} via old_urls); "
            f"files copied {self.copied}, authors added {authors}"
        )
        if pages:
            text += f"; {pages} Pelican page(s) under {PAGES_DIR}/ left out"
        return ("Dry run: " if dry_run else "Summary: ") + text


def print_problems(problems: list[Problem], verbose: bool = False, out: TextIO | None = None) -> None:
    """Each problem on its own line, in the order of files and lines (on
    stderr by default); a kind met more than GROUP_OVER times is one line
    with its count and first places, unless `verbose`. Fixes come first,
    then what is left for a person."""
    out = out or sys.stderr
    for fixes in (True, False):
        kinds: dict[str, list[Problem]] = {}
        for found in sorted(p for p in problems if p.fixed == fixes):
            kinds.setdefault(found.kind or found.reason, []).append(found)
        for kind, found in kinds.items():
            if verbose or len(found) <= GROUP_OVER:
                for each in found:
                    print(each, file=out)
                continue
            places = ", ".join(p.place for p in found[:GROUP_SHOWS])
            label = "fixed: " + kind if fixes else kind
            print(f"{len(found)} × {label}: {places} and {len(found) - GROUP_SHOWS} more (--verbose lists each)", file=out)
