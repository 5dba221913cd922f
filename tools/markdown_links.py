"""Links in Markdown that a strict build or a reader's browser cannot follow,
as both importers find them: the blog's posts (tools/pelican_import) and the
programme's abstracts, descriptions and biographies (tools/programme_import).
One rule, here, so that the two cannot read or mend a link differently.

What it finds: a web address without its scheme, a bare e-mail address as the
target, a target wrapped in a second pair of parentheses, a plain path (which
each importer words for its source: the old blog's output, a page the site
does not have); and frames from other hosts, which make the reader's browser
call them. Each is mended only when there is one reading of it; the rest are
reported.

A link is read as Python-Markdown reads it (its own link processor finds
where the text's brackets close and where the target is, so a link around an
image, or with brackets, code or emphasis in its text, is one link), in
inline form, as a reference definition, and as an HTML `<a href>` (read by
the standard library's HTML parser), on every line outside fenced code."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import tldextract
from markdown import Markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.inlinepatterns import LinkInlineProcessor

# The Public Suffix List as the package ships it: no download, ever.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Suffixes that are top-level domains and also everyday file extensions:
# `notes.md` or `setup.py` is more likely a file than a host.
_FILE_LIKE = {"md", "py", "sh", "zip", "mov", "pl", "rs", "ai", "so", "ps", "cc", "rb", "dev", "app", "txt"}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The kinds of fault; PATH is worded by each importer, which knows what the path was meant to reach.
NO_SCHEME = "web address without a scheme"
NO_MAILTO = "e-mail address without mailto"
PARENTHESES = "target in a second pair of parentheses"
PATH = "a path, not a web address"
FRAME = "frame from another host"


class _LinkReader(LinkInlineProcessor):
    """Python-Markdown's own reading of `[text](target "title")`, on a line
    as written: nothing on it is stashed yet, so nothing to unescape."""

    def unescape(self, text: str) -> str:
        return text


_MARKDOWN = Markdown()
_LINK = _LinkReader(_MARKDOWN.inlinePatterns["link"].compiled_re.pattern, _MARKDOWN)
_CODE = _MARKDOWN.inlinePatterns["backtick"]
_ESCAPE = _MARKDOWN.inlinePatterns["escape"]
# [id]: target "title", as Python-Markdown's block parser reads it.
REFERENCE = ReferenceProcessor.RE


@dataclass(frozen=True)
class LinkFault:
    kind: str  # one of the three kinds below, or "unfixable"
    target: str
    fixed: str | None  # None: a person has to look


def host_like(target: str) -> bool:
    host = re.split(r"[/?#]", target, maxsplit=1)[0]
    if not host or host.startswith(".") or "@" in host:
        return False
    if host.lower().startswith("www."):
        return True
    parts = _EXTRACT(host)
    return bool(parts.domain and parts.suffix) and parts.suffix.lower() not in _FILE_LIKE


def check(target: str) -> LinkFault | None:
    """What is wrong with a link target as the source has it, and its fixed
    form if there is one. Targets with a scheme, anchors and Pelican's
    {static}-style links are fine; a plain path is PATH, for a person."""
    if not target or _SCHEME.match(target) or target.startswith(("#", "{", "|")):
        return None
    if _EMAIL.fullmatch(target):
        return LinkFault(NO_MAILTO, target, f"mailto:{target}")
    if host_like(target):
        return LinkFault(NO_SCHEME, target, f"https://{target}")
    return LinkFault(PATH, target, None)


def masked(line: str) -> str:
    """The line with its code spans and backslash-escaped characters blanked
    out, same length: no link starts or ends inside them."""
    out, at = list(line), 0
    while at < len(line):
        first = min((m for m in (_CODE.compiled_re.search(line, at), _ESCAPE.compiled_re.search(line, at)) if m),
                    key=lambda m: m.start(), default=None)
        if first is None:
            break
        if first.re is _CODE.compiled_re:
            _, start, end = _CODE.handleMatch(first, line)
            start, end = (first.start(), first.end()) if start is None else (start, end)
        else:
            start, end = first.start(), first.end()
        out[start:end] = " " * (end - start)
        at = max(end, first.start() + 1)
    return "".join(out)


def inline_targets(line: str) -> list[tuple[int, int]]:
    """Where each inline link's and image's target stands on the line
    (start, end), outer links before the links and images in their text."""
    text, found = masked(line), []

    def scan(start: int, end: int) -> None:
        at = text.find("[", start, end)
        while at != -1:
            _, after_text, closed = _LINK.getText(text, at + 1)
            href, _, after_link, linked = _LINK.getLink(text, after_text) if closed else ("", None, 0, False)
            if not (closed and linked):
                at = text.find("[", at + 1, end)
                continue
            if href:
                begin = text.index(href, after_text)
                found.append((begin, begin + len(href)))
            scan(at + 1, after_text - 1)
            at = text.find("[", after_link, end)

    scan(0, len(text))
    return found


class _Anchors(HTMLParser):
    """Each `<a href>` start tag on a line: its offset, its text as written, its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and any(name == "href" for name, _ in attrs):
            self.tags.append((self.getpos()[1], self.get_starttag_text(), attrs))


def anchor_tags(line: str) -> list[tuple[int, str, list[tuple[str, str | None]]]]:
    parser = _Anchors()
    parser.feed(masked(line))
    parser.close()
    return parser.tags


def mended(target: str) -> LinkFault | None:
    """check() on a target as Python-Markdown hands it over: a second pair of
    parentheses is still on it, and what is inside may need mending too."""
    if len(target) > 1 and target.startswith("(") and target.endswith(")"):
        inner = target[1:-1].strip()
        fault = check(inner)
        return LinkFault(PARENTHESES, inner, fault.fixed if fault and fault.fixed else inner)
    return check(target.strip("<>"))


def fix_line(line: str, fix: bool) -> tuple[str, list[LinkFault]]:
    """The line with its broken link targets fixed (when `fix`), and what was found."""
    faults: list[LinkFault] = []
    edits: list[tuple[int, int, str]] = []
    for start, end in inline_targets(line):
        if fault := mended(line[start:end]):
            faults.append(fault)
            edits.append((start, end, fault.fixed))
    if reference := REFERENCE.match(line):
        if fault := mended(reference[2]):
            faults.append(fault)
            edits.append((*reference.span(2), fault.fixed))
    for offset, tag, attrs in anchor_tags(line):
        if fault := mended(dict(attrs)["href"] or ""):
            faults.append(fault)
            written = "".join(f" {name}" if value is None else f' {name}="{html.escape(fault.fixed if name == "href" else value)}"'
                              for name, value in attrs)
            edits.append((offset, offset + len(tag), f"<a{written}>" if fault.fixed else tag))
    if fix:
        for start, end, text in sorted(edits, reverse=True):
            if text is not None:
                line = line[:start] + text + line[end:]
    return line, faults


IFRAME = re.compile(r"<iframe\b(?P<attrs>[^>]*)>.*?</iframe>|<iframe\b(?P<lone>[^>]*)/?>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in ATTRIBUTE.finditer(text)}


def frame_link(tag: str) -> str | None:
    """A frame from another host as a plain link that carries its title (or
    names the host): None for a frame of the site's own."""
    found = attributes(tag)
    src = found.get("src", "")
    if src.startswith("//"):
        src = "https:" + src
    if not src.lower().startswith(("http://", "https://")):
        return None
    text = found.get("title") or f"Embedded content on {urlsplit(src).hostname}"
    return f'<p><a href="{html.escape(src)}">{html.escape(text)}</a></p>'


def frames(line: str, fix: bool) -> tuple[str, list[LinkFault]]:
    """The line with frames from other hosts replaced by links (when `fix`), and the frames found."""
    faults: list[LinkFault] = []

    def replace(match: re.Match) -> str:
        link = frame_link(match[0])
        if link is None:
            return match[0]
        faults.append(LinkFault(FRAME, attributes(match[0]).get("src", ""), link))
        return link if fix else match[0]

    whole = IFRAME.search(line)
    line = IFRAME.sub(replace, line)
    if not whole and re.search(r"<iframe\b", line, re.IGNORECASE):  # a frame written over several lines
        faults.append(LinkFault("frame over several lines", line.strip()[:60], None))
    return line, faults


def fence_state(fence: str | None, line: str) -> tuple[bool, str | None]:
    """Whether a line belongs to a fenced code block, and the open fence after it."""
    match = FENCE.match(line)
    if fence is None:
        return (True, match[1]) if match else (False, None)
    closes = match and match[1][0] == fence[0] and len(match[1]) >= len(fence) and not line[match.end() :].strip()
    return True, None if closes else fence


def mend_line(line: str, fix: bool) -> tuple[str, list[LinkFault]]:
    """A line outside code with its links mended and its frames made links (when `fix`), and every fault found."""
    line, faults = fix_line(line, fix)
    line, in_frames = frames(line, fix)
    return line, faults + in_frames


def mend_text(text: str, fix: bool) -> tuple[str, list[LinkFault]]:
    """mend_line on every line of a Markdown text outside fenced code."""
    lines, faults, fence = [], [], None
    for line in text.split("\n"):
        in_code, fence = fence_state(fence, line)
        if not in_code:
            line, found = mend_line(line, fix)
            faults += found
        lines.append(line)
    return "\n".join(lines), faults
