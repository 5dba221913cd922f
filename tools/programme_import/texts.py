"""The Markdown a programme carries (abstracts, descriptions, biographies), made
ready for the strict build.

- Line endings: an export's `\\r\\n` (a CfP tool keeps what the browser's form
  sent) becomes `\\n`, so that the YAML keeps each text as a block a person can
  read and edit, not one quoted line of `\\r\\n` escapes.
- Links: read and mended by the rule the blog importer uses
  (tools/markdown_links.py); the reader reports each with the entry and field.
- What MkDocs' strict validation would refuse on the page that shows the text,
  found before a byte is written (`refused`): every link and image as
  Python-Markdown renders it with the site's extensions, judged as MkDocs 1.6
  judges it (mkdocs/structure/pages.py, `_RelativePathTreeprocessor`): an
  address with a scheme or a host is the reader's to follow; an absolute path
  is refused (`validation.absolute_links: warn`); a relative one must lead to a
  file under docs/ or a page the programme makes; an anchor alone to an
  anchor the page has. An anchor on another page is not checked here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions.toc import slugify as toc_slugify
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from overrides.hooks.programme.programme_data import Programme
from tools.markdown_links import fence_state, masked, mend_text

# What MkDocs adds to every site's markdown_extensions.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
# The headings a session's or a speaker's page puts around the texts (overrides/hooks/programme/programme_pages.py).
SESSION_HEADINGS = ("Abstract", "Description", "Speaker", "Speakers", "On the schedule")
SPEAKER_HEADINGS = ("Session", "Sessions")


def normalised(text: str) -> str:
    """`\\r\\n` and a lone `\\r` as `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


LITERAL_BREAK = "\\r\\n"  # the four characters \r\n: a line break escaped once too often
PLACEHOLDER = "\x00\x01\x02\x03"


def literal_breaks(text: str) -> tuple[str, int]:
    """The text with each `\\r\\n` written as text (outside code) made a line break, and how many there were."""
    lines, count, fence = [], 0, None
    for line in text.split("\n"):
        in_code, fence = fence_state(fence, line)
        if not in_code and LITERAL_BREAK in line:
            # Code spans blanked, as the link rule blanks them; the sequence stands in as characters no escape takes.
            plain, out, at = masked(line.replace(LITERAL_BREAK, PLACEHOLDER)), [], 0
            while (found := plain.find(PLACEHOLDER, at)) != -1:
                out += [line[at:found], "\n"]
                at, count = found + len(LITERAL_BREAK), count + 1
            line = "".join(out) + line[at:]
        lines.append(line)
    return "\n".join(lines), count


def mend(text: str, fix: bool):
    """The text with `\\n` line endings and its links mended by the shared rule (when `fix`), and the link faults found."""
    return mend_text(normalised(text), fix)


def site_markdown(config: dict) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions a page of the site is rendered with: mkdocs.yml's `markdown_extensions` and MkDocs' own."""
    names, configs = list(MKDOCS_EXTENSIONS), {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return names, configs


class _Collect(Treeprocessor):
    """Every link's and image's target, and every id, once the Markdown is a tree (as MkDocs reads them)."""

    def run(self, root):
        for element in root.iter():
            if element.tag in ("a", "img"):
                self.md.targets.append(element.get("href" if element.tag == "a" else "src") or "")
            if element.get("id"):
                self.md.ids.add(element.get("id"))
        return root


class _RawIds(HTMLParser):
    """The ids written in raw HTML, as MkDocs counts them for anchors."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


class Renderer:
    def __init__(self, extensions: tuple[list[str], dict[str, dict]]):
        try:
            self.md = Markdown(extensions=extensions[0], extension_configs=extensions[1])
        except (ImportError, AttributeError, TypeError, ValueError):
            self.md = Markdown(extensions=list(MKDOCS_EXTENSIONS))  # an extension this tool cannot load: MkDocs' own at least
        self.md.treeprocessors.register(_Collect(self.md), "programme-import-collect", 0)

    def read(self, text: str) -> tuple[list[str], set[str]]:
        """The targets of the text's links and images, and the ids it gives its elements."""
        self.md.reset()
        self.md.targets, self.md.ids = [], set()
        self.md.convert(text)
        raw = _RawIds()
        raw.feed(text)
        raw.close()
        return list(self.md.targets), set(self.md.ids) | raw.ids


def site_files(docs_dir: Path) -> set[str]:
    """Every file under docs/, as MkDocs names it (its src_uri)."""
    return {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()}


def programme_pages(programme: Programme) -> set[str]:
    """The pages the edition's hooks make (or the team writes), as MkDocs names them."""
    pages = {programme.home_uri(), programme.schedule_uri(), programme.speakers_uri()}
    pages |= {programme.page_uri(name) for name in ("recordings", "tickets", "sponsors", "code-of-conduct", "faq")}
    pages |= {programme.session_uri(s) for s in programme.with_pages()}
    return pages | {programme.speaker_uri(s) for s in programme.speakers.values()}


def judged(url: str, page: str, known: set[str], anchors: set[str]) -> str | None:
    """Why MkDocs' strict build refuses a link on `page`, or None when it accepts it."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or AMP_SUBSTITUTE in url:
        return None
    if url.startswith(("/", "\\")):
        return f"link {url!r} is an absolute path, which the strict build refuses: write its whole address (https://…)"
    if not parts.path:
        if parts.fragment and parts.fragment not in anchors:
            return f"link {url!r}: the page has no anchor {parts.fragment!r}, and the strict build refuses it"
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)).lstrip("/")
    candidates = {target, posixpath.join(target, "index.md"), posixpath.join(target, "README.md"),
                  target.removesuffix(".html") + ".md", target.removesuffix("/") + ".md"}
    if candidates & known:
        return None
    return (f"link {url!r} leads to {target}, no page or file of the site, and the strict build refuses it: "
            "write its whole address (https://…)")


def refusals(text: str, page: str, known: set[str], headings: Iterable[str], renderer: Renderer) -> list[str]:
    targets, ids = renderer.read(text)
    anchors = ids | {toc_slugify(h, "-") for h in headings}
    return [reason for url in targets if (reason := judged(url, page, known, anchors))]


def refused(programme: Programme, docs_dir: Path, extensions: tuple[list[str], dict[str, dict]]) -> list[str]:
    """What the strict build would refuse in the programme's texts: one line each, naming the file, the entry and the field."""
    renderer = Renderer(extensions)
    known = site_files(docs_dir) | programme_pages(programme)
    schedule, speakers = programme.file("schedule.yml"), programme.file("speakers.yml")
    out = []
    for session in programme.with_pages():
        headings = (session.title, *SESSION_HEADINGS)
        for field in ("abstract", "description"):
            text = getattr(session, field)
            for reason in refusals(text or "", programme.session_uri(session), known, headings, renderer):
                out.append(f"{schedule}: {programme.entry(session)}.{field}: {reason}")
    for index, speaker_id in enumerate(programme.ids["speakers"]):
        speaker = programme.speakers[speaker_id]
        for reason in refusals(speaker.bio or "", programme.speaker_uri(speaker), known, (speaker.name, *SPEAKER_HEADINGS), renderer):
            out.append(f"{speakers}: speakers[{index}] ({speaker.id}).bio: {reason}")
    return out
