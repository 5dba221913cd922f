"""A post's body made ready for the site: the first heading dropped when it
repeats the title, Pelican's summary marker made Material's `<!-- more -->`,
links rewritten (outside code), reStructuredText converted by pandoc."""

from __future__ import annotations

import re
from collections.abc import Callable

from tools.markdown_links import fence_state
from tools.pelican_import.records import ImportFailed

ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
END_SUMMARY = re.compile(r"<!--\s*PELICAN_END_SUMMARY\s*-->")
MORE = re.compile(r"<!--\s*more\s*-->")
IMAGE_ONLY = re.compile(r"^\s*(!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?|<img\b[^>]*>)\s*$", re.IGNORECASE)
RST_END_SUMMARY = re.compile(r"^\.\.\s+PELICAN_END_SUMMARY\s*$", re.MULTILINE)
# Python-Markdown reads original Markdown: 4-space list nesting, pipe tables.
PANDOC_FORMAT = "markdown_strict+four_space_rule+pipe_tables"
PANDOC_ARGS = ["--wrap=preserve", "--shift-heading-level-by=1", "--quiet"]

Rewrite = Callable[[str, int], str]  # a line's text and number in the source -> its new text



def heading_text(lines: list[tuple[int, str]], index: int) -> str | None:
    """The text of the heading starting at lines[index], if one does."""
    text = lines[index][1]
    if match := ATX_HEADING.match(text):
        return match["text"] or ""
    following = lines[index + 1][1] if index + 1 < len(lines) else ""
    if text.strip() and SETEXT_UNDERLINE.match(following):
        return text.strip()
    return None


def same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def drop_repeated_title(lines: list[tuple[int, str]], title: str) -> list[tuple[int, str]]:
    """Remove the body's first heading when it repeats the title: the page
    starts with the title as its only <h1>."""
    fence = None
    for index in range(len(lines)):
        in_code, fence = fence_state(fence, lines[index][1])
        if in_code:
            continue
        heading = heading_text(lines, index)
        if heading is None:
            continue
        if not same_text(heading, title):
            return lines
        end = index + (1 if ATX_HEADING.match(lines[index][1]) else 2)
        while end < len(lines) and not lines[end][1].strip():
            end += 1
        return lines[:index] + lines[end:]
    return lines


def tidy(line: str) -> str:
    """Strip trailing white space, except 2+ spaces: a Markdown hard break."""
    if not line.strip():
        return ""
    if line.endswith(" ") and not line.endswith("  "):
        return line[:-1]
    return line


def markdown_body(body: list[str], first_line: int, title: str, rewrite: Rewrite) -> list[str]:
    """A Markdown body (its first line numbered `first_line` in the source),
    with `rewrite(text, line number)` applied to each line outside code."""
    numbered = list(enumerate(body, first_line))
    lines, fence = [], None
    for number, text in drop_repeated_title(numbered, title):
        in_code, fence = fence_state(fence, text)
        if not in_code:
            text = END_SUMMARY.sub("<!-- more -->", rewrite(text, number))
        lines.append(tidy(text))
    return lines


def rst_body(body: list[str], first_line: int, rewrite: Rewrite) -> list[str]:
    """The rST body converted to Markdown by pandoc; links are rewritten
    first, where their line numbers are the source's."""
    try:
        import pypandoc
    except ImportError:
        raise ImportFailed(1, "reStructuredText needs pandoc: install pypandoc_binary") from None
    text = "\n".join(rewrite(line, number) for number, line in enumerate(body, first_line))
    text = RST_END_SUMMARY.sub(".. raw:: html\n\n   <!-- more -->", text)
    try:
        markdown = pypandoc.convert_text(text, PANDOC_FORMAT, format="rst", extra_args=PANDOC_ARGS)
    except (RuntimeError, OSError) as error:
        raise ImportFailed(first_line, f"pandoc could not convert it: {error}") from None
    # pandoc percent-encodes the braces of links the linker had to leave.
    markdown = re.sub(r"%7B(static|filename|attach)%7D", r"{\1}", markdown.replace("\r\n", "\n"))
    return [tidy(line) for line in markdown.split("\n")]


def trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def add_more_marker(lines: list[str]) -> list[str]:
    """Mark the end of the first paragraph of text as the excerpt's end
    (`<!-- more -->`), for a post without a Summary and without a marker:
    Pelican showed the beginning of such a post on its index, where
    Material would show the whole post. A post of one paragraph is left
    whole."""
    if any(MORE.search(line) for line in lines):
        return lines
    fence, in_text = None, False
    for index, text in enumerate(lines):
        in_code, fence = fence_state(fence, text)
        if in_code:
            continue
        if text.strip() and not ATX_HEADING.match(text) and not IMAGE_ONLY.match(text):
            in_text = True
        elif in_text and not text.strip():
            rest = lines[index:]
            return lines[:index] + ["", "<!-- more -->"] + rest if any(r.strip() for r in rest) else lines
    return lines
