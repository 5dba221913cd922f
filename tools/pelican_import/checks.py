"""What in a post's Markdown keeps some readers out, found line by line:
images without alt text, links with no text, headings that skip a level,
text colours one palette cannot show, and an image whose alt text repeats
the caption under it. Fixed where there is one right answer: headings
shifted up when the first is deeper than `##` (--fix-headings), unreadable
inline colours taken out (--fix-colours), an image and its caption made a
figure (always); the rest need a person."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.markdown_links import attributes, fence_state
from tools.pelican_import.colours import inline_colours

ATX = re.compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?=\s|$)")
NO_ALT_MD = re.compile(r"!\[\s*\]\((?P<src>[^)\s]*)")
EMPTY_LINK_MD = re.compile(r"(?<!!)\[\s*\]\((?P<href>[^)\s]*)")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
EMPTY_A_TAG = re.compile(r"<a\b(?P<attrs>[^>]*)>\s*</a>", re.IGNORECASE)
LONE_IMAGE = re.compile(r"^\s*!\[(?P<alt>[^\]]+)\]\([^)]*\)(?:\{[^}]*\})?\s*$")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class Finding:
    line: int
    kind: str
    detail: str
    fixed: bool = False


@dataclass
class BodyChecks:
    """Fed each line outside code (`line`), then `finish` on the whole body."""

    fix_colours: bool = False
    findings: list[Finding] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (source line, level)
    image: tuple[int, str] | None = None  # the last line that was only an image, and its alt
    captions: set[str] = field(default_factory=set)  # alt texts whose caption repeats them

    def line(self, text: str, number: int) -> str:
        text, colours = inline_colours(text, self.fix_colours)
        for value, palettes in colours:
            detail = f"color: {value}, unreadable in the {' and '.join(palettes)} palette"
            self.findings.append(Finding(number, "text colour a palette cannot show", detail, self.fix_colours))
        if self.image and self.image[0] == number - 1 and same_words(plain(text), self.image[1]):
            self.captions.add(self.image[1])
            detail = f"'{self.image[1]}' is also the caption under it; they become a figure"
            self.findings.append(Finding(number - 1, "alt text repeats the caption", detail, fixed=True))
        lone = LONE_IMAGE.match(text)
        self.image = (number, lone["alt"]) if lone else None
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
        """The body's lines, captioned images made figures, headings shifted
        up when asked and needed; the heading findings are added."""
        lines = figures(lines, self.captions)
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


def plain(text: str) -> str:
    """A Markdown line's words: links' text kept, emphasis marks dropped."""
    return re.sub(r"[*_`]", "", MD_LINK.sub(r"\1", text))


def same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold() != ""


def figures(lines: list[str], captions: set[str]) -> list[str]:
    """Each image line followed by a caption line that repeats its alt text,
    as a <figure> with that line as its <figcaption>: the picture is then
    described once, and the caption is tied to it."""
    out, index = [], 0
    while index < len(lines):
        lone = LONE_IMAGE.match(lines[index])
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if lone and lone["alt"] in captions and same_words(plain(following), lone["alt"]):
            out += ['<figure markdown="span">', f"  {lines[index].strip()}",
                    f'  <figcaption markdown="span">{following.strip()}</figcaption>', "</figure>"]
            index += 2
            continue
        out.append(lines[index])
        index += 1
    return out
