"""What in a post's Markdown keeps some readers out, found line by line:
images without alt text, links with no text, and headings that skip a
level. A post whose first heading is deeper than `##` (the title is the one
`#`) can have all its headings shifted up (--fix-headings): that is the
only one of these with one right answer; the rest need a person."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.pelican_import.body import fence_state
from tools.pelican_import.link_fixes import attributes

ATX = re.compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?=\s|$)")
NO_ALT_MD = re.compile(r"!\[\s*\]\((?P<src>[^)\s]*)")
EMPTY_LINK_MD = re.compile(r"(?<!!)\[\s*\]\((?P<href>[^)\s]*)")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
EMPTY_A_TAG = re.compile(r"<a\b(?P<attrs>[^>]*)>\s*</a>", re.IGNORECASE)


@dataclass
class Finding:
    line: int
    kind: str
    detail: str
    fixed: bool = False


@dataclass
class BodyChecks:
    """Fed each line outside code (`line`), then `finish` on the whole body."""

    findings: list[Finding] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (source line, level)

    def line(self, text: str, number: int) -> str:
        if heading := ATX.match(text):
            self.headings.append((number, len(heading["marks"])))
        for image in NO_ALT_MD.finditer(text):
            self.findings.append(Finding(number, "image without alt text", image["src"]))
        for tag in IMG_TAG.finditer(text):
            if not attributes(tag[0]).get("alt", "").strip():
                self.findings.append(Finding(number, "image without alt text", attributes(tag[0]).get("src", "")))
        for link in EMPTY_LINK_MD.finditer(text):
            self.findings.append(Finding(number, "link without text", link["href"]))
        for tag in EMPTY_A_TAG.finditer(text):
            self.findings.append(Finding(number, "link without text", attributes(tag["attrs"]).get("href", "")))
        return text

    def finish(self, lines: list[str], fix_headings: bool) -> list[str]:
        """The body's lines, headings shifted up when asked and needed; the
        heading findings are added."""
        if not self.headings:
            return lines
        first_line, first = self.headings[0]
        shift = max(0, first - 2)
        if shift:
            detail = f"the first heading is {'#' * first}, deeper than ##"
            self.findings.append(Finding(first_line, "headings start below ##", detail, fixed=fix_headings))
        if shift and fix_headings:
            lines = shift_headings(lines, shift)
        else:
            shift = 0
        previous = 2
        for number, level in self.headings:
            level -= shift
            if level > previous + 1:
                detail = f"{'#' * level} follows {'#' * previous}"
                self.findings.append(Finding(number, "heading skips a level", detail))
            previous = level
        return lines


def shift_headings(lines: list[str], by: int) -> list[str]:
    """Each ATX heading `by` levels up (never above ##), outside fenced code."""
    shifted, fence = [], None
    for text in lines:
        in_code, fence = fence_state(fence, text)
        heading = None if in_code else ATX.match(text)
        if heading:
            level = max(2, len(heading["marks"]) - by)
            text = heading["indent"] + "#" * level + text[heading.end():]
        shifted.append(text)
    return shifted
