"""What the importer tells its user: one line per problem, `path:line:
reason`, then a summary of the run."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from tools.pelican_import.records import Source

PAGES_DIR = "pages"  # Pelican's PAGE_PATHS: static pages, not articles


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def problem(source: Source, line: int, reason: str) -> Problem:
    return Problem(source.shown, line, reason)


@dataclass
class Tally:
    imported: int = 0
    written: int = 0
    skipped: int = 0
    copied: int = 0
    redirects: int = 0
    via_old_urls: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self, pages: int, authors: int, dry_run: bool) -> str:
        verb = "would write" if dry_run else "written"
        text = (
            f"imported {self.imported} ({self.written} {verb}, {self.imported - self.written} unchanged), "
            f"skipped {self.skipped}, problems {len(self.problems)}, "
            f"redirects {self.redirects} ({self.via_old_urls} via old_urls); "
            f"files copied {self.copied}, authors added {authors}"
        )
        if pages:
            text += f"; {pages} Pelican page(s) under {PAGES_DIR}/ left out"
        return ("Dry run: " if dry_run else "Summary: ") + text


def print_problems(problems: list[Problem], out: TextIO | None = None) -> None:
    """Each problem on its own line, in the order of files and lines (on stderr by default)."""
    for found in sorted(problems):
        print(found, file=out or sys.stderr)
