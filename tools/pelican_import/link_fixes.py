"""Links Pelican published broken, found in a post's Markdown: a web address
without its scheme, a bare e-mail address as the target, and a target wrapped
in a second pair of parentheses; and frames from other hosts, which make the
reader's browser call them. Each is fixed only when there is one reading of
it; the rest are reported."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import tldextract

# The Public Suffix List as the package ships it: no download, ever.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Suffixes that are top-level domains and also everyday file extensions:
# `notes.md` or `setup.py` is more likely a file than a host.
_FILE_LIKE = {"md", "py", "sh", "zip", "mov", "pl", "rs", "ai", "so", "ps", "cc", "rb", "dev", "app", "txt"}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

# [text](target "title"), ![alt](target), and [text]((target)) with a stray pair.
INLINE = re.compile(r"(?P<open>!?\[(?P<text>[^\]]*)\]\()(?P<stray>\()?(?P<target>[^()\s]*)(?(stray)\))(?P<rest>(?:\s+\"[^\"]*\")?\))")
# [id]: target
REFERENCE = re.compile(r"^(?P<open> {0,3}\[[^\]]+\]:[ \t]*)(?P<target>\S+)(?P<rest>.*)$")


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


def check(target: str, stray: bool = False) -> LinkFault | None:
    """What is wrong with a link target as Pelican's source has it, and its
    fixed form if there is one. Targets with a scheme, anchors and Pelican's
    {static}-style links are fine; a plain path pointed into the old blog's
    output, which the site does not have."""
    if stray:
        return LinkFault("target in a second pair of parentheses", target, target)
    if not target or _SCHEME.match(target) or target.startswith(("#", "{", "|")):
        return None
    if _EMAIL.fullmatch(target):
        return LinkFault("e-mail address without mailto", target, f"mailto:{target}")
    if host_like(target):
        return LinkFault("web address without a scheme", target, f"https://{target}")
    return LinkFault("link to a path of the old blog's output, which the site does not have", target, None)


def fix_line(line: str, fix: bool) -> tuple[str, list[LinkFault]]:
    """The line with its broken link targets fixed (when `fix`), and what was found."""
    faults: list[LinkFault] = []

    def inline(match: re.Match) -> str:
        fault = check(match["target"], stray=bool(match["stray"]))
        if fault is None:
            return match[0]
        faults.append(fault)
        return match["open"] + fault.fixed + match["rest"] if fix and fault.fixed else match[0]

    line = INLINE.sub(inline, line)
    reference = REFERENCE.match(line)
    if reference:
        fault = check(reference["target"].strip("<>"))
        if fault:
            faults.append(fault)
            if fix:
                line = reference["open"] + fault.fixed + reference["rest"]
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
        faults.append(LinkFault("frame from another host", attributes(match[0]).get("src", ""), link))
        return link if fix else match[0]

    whole = IFRAME.search(line)
    line = IFRAME.sub(replace, line)
    if not whole and re.search(r"<iframe\b", line, re.IGNORECASE):  # a frame written over several lines
        faults.append(LinkFault("frame over several lines", line.strip()[:60], None))
    return line, faults
