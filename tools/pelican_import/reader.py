"""Reading Pelican sources: each article file becomes a Source (headers and
body, with line numbers), and each Source a Post (one record shape for
Markdown and reStructuredText alike)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, tzinfo
from pathlib import Path

from dateutil import parser as dateparser
from markdown import Markdown
from markdown.extensions.meta import META_RE

from tools.pelican_import.records import Header, ImportFailed, Post, Source
from tools.pelican_import.report import PAGES_DIR, Problem, problem
from tools.pelican_import.report import fixed as fixed_problem

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
RST_SUFFIXES = (".rst",)
POST_SUFFIXES = MARKDOWN_SUFFIXES + RST_SUFFIXES

FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# Headers with a meaning of their own; any other header is kept as it is.
KNOWN_HEADERS = {
    "title", "date", "modified", "author", "authors", "category",
    "tags", "slug", "summary", "status", "lang",
}
# Front-matter keys that MkDocs, Material or this importer read: an unknown
# header of that name would change the page, so it is kept under another name.
RESERVED_KEYS = {
    "authors", "categories", "date", "description", "draft", "hide", "icon",
    "links", "old_urls", "pin", "readtime", "search", "subtitle", "template",
}

RST_ADORNMENT = re.compile(r"^([^\w\s])\1{2,}\s*$")
RST_FIELD = re.compile(r"^:(?P<key>[^:\s][^:]*):(?:\s+(?P<value>.*))?$")
SLUG_OK = re.compile(r"^[\w.-]+$", re.ASCII)
HEADER_READER = Markdown(extensions=["meta"])  # only its `meta` preprocessor runs


# Files -----------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file's text without a BOM, with \\n line endings."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(data[: error.start].count(b"\n") + 1, "not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def find_sources(src: Path) -> tuple[list[Path], int]:
    """The article files under SRC in a stable order, and how many Pelican
    pages (under pages/) were left out."""
    found, pages = [], 0
    for path in src.rglob("*"):
        rel = path.relative_to(src)
        if not path.is_file() or path.suffix.lower() not in POST_SUFFIXES:
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        if rel.parts[0] == PAGES_DIR:
            pages += 1
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(src).as_posix()), pages


def read_source(path: Path, src: Path) -> Source:
    rel = path.relative_to(src).as_posix()
    return parse_source(read_text(path), path, rel, str(src / rel))


def parse_source(text: str, path: Path, rel: str, shown: str) -> Source:
    """A source from its text; `path` only decides Markdown or rST."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    is_rst = path.suffix.lower() in RST_SUFFIXES
    headers, start = (parse_rst_headers if is_rst else parse_md_headers)(lines)
    return Source(path, rel, shown, is_rst, headers, lines[start:], start + 1)


# Headers ---------------------------------------------------------------------


def parse_md_headers(lines: list[str]) -> tuple[dict[str, Header], int]:
    """Pelican's Markdown headers, read by Python-Markdown's `meta`
    extension as Pelican's Markdown reader does: `Key: value` lines up to the
    first blank line, longer values continued on lines indented by 4 spaces
    (joined with a space). Returns the headers, each with the line it starts
    on, and the index of the first body line."""
    start = len(lines) - len(HEADER_READER.preprocessors["meta"].run(list(lines)))
    values: dict[str, list[str]] = HEADER_READER.Meta
    headers: dict[str, Header] = {}
    for index, line in enumerate(lines[:start]):
        if (match := META_RE.match(line)) and (key := match["key"].lower()) not in headers:
            headers[key] = Header(" ".join(filter(None, values[key])), index + 1, match["key"])
    return headers, start


def parse_rst_headers(lines: list[str]) -> tuple[dict[str, Header], int]:
    """An rST article's title (the document title) and the field list after
    it (`:date: ...`), which Pelican reads as its headers."""
    headers: dict[str, Header] = {}
    index = skip_blank(lines, 0)
    window = [*lines[index : index + 3], "", "", ""]
    if RST_ADORNMENT.match(window[0]) and window[1].strip() and RST_ADORNMENT.match(window[2]):
        headers["title"] = Header(window[1].strip(), index + 2, "title")
        index += 3
    elif window[0].strip() and RST_ADORNMENT.match(window[1]) and len(window[1].strip()) >= len(window[0].strip()):
        headers["title"] = Header(window[0].strip(), index + 1, "title")
        index += 2
    index = skip_blank(lines, index)
    while index < len(lines) and (match := RST_FIELD.match(lines[index])):
        key = match["key"].strip().lower()
        header = headers.setdefault(key, Header((match["value"] or "").strip(), index + 1, match["key"]))
        index += 1
        while index < len(lines) and lines[index][:1] in (" ", "\t") and lines[index].strip():
            header.value = f"{header.value} {lines[index].strip()}".strip()
            index += 1
    return headers, index


def skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


# Values ----------------------------------------------------------------------


def slugify(text: str) -> str:
    """Pelican's slugify: ASCII, lowercase, words joined by single hyphens."""
    text = re.sub(r"<[^>]*>", "", text)  # Pelican strips tags from titles first
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-")


def author_id(name: str) -> str:
    """A stable id for an author: the slug of the name, so that spellings
    that differ only in case or spacing are one author."""
    spaced = " ".join(name.casefold().split())
    return slugify(name) or "author-" + hashlib.sha1(spaced.encode()).hexdigest()[:8]


def split_list(value: str) -> list[str]:
    """Pelican's list headers: split on semicolons if there are any, else commas."""
    separator = ";" if ";" in value else ","
    return [item.strip() for item in value.split(separator) if item.strip()]


def parse_date(value: str, zone: tzinfo) -> datetime:
    """Any date Pelican reads; a naive one is in the site's time zone."""
    text = " ".join(value.replace("_", " ").split())
    if not text:
        raise ValueError("empty date")
    try:
        # A fixed default (not today, as Pelican) so that partial dates give the same result on every run.
        parsed = dateparser.parse(text, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError) as error:
        raise ValueError(str(error)) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


# Posts -----------------------------------------------------------------------


def make_post(source: Source, zone: tzinfo, default_author: str) -> tuple[Post, list[Problem]]:
    """A post from a source's headers; raises ImportFailed when it has no
    title or an unreadable date."""
    headers, problems = source.headers, []
    title = headers.get("title")
    if not title or not title.value:
        raise ImportFailed(title.line if title else 1, "no Title header: the file is skipped")
    created = header_date(headers.get("date"), zone) or filename_date(source.path.name, zone)
    if created is None and value_of(headers, "status").lower() == "draft":
        raise ImportFailed(1, "a draft without a Date header, which Pelican did not publish: give it a Date to bring it across")
    if created is None:
        raise ImportFailed(1, "no Date header, nor a date at the start of the file's name: the file is skipped")
    updated = header_date(headers.get("modified"), zone)
    names = split_list(value_of(headers, "authors") or value_of(headers, "author"))
    slug = pelican_slug = value_of(headers, "slug") or slugify(title.value)
    if not SLUG_OK.match(slug):
        fixed = slugify(slug) or slugify(source.path.stem) or "post"
        line = headers["slug"].line if "slug" in headers else title.line
        reason = f"slug {slug!r} cannot be a file name; it becomes '{fixed}' (its old address is kept)"
        problems.append(fixed_problem(source, line, reason, "slug made file-safe"))
        pelican_slug, slug = slug, fixed
    status = value_of(headers, "status").lower() or None
    if status not in (None, "published", "draft", "hidden"):
        problems.append(problem(source, headers["status"].line, f"unknown Status {status!r}: imported as a draft", "unknown Status"))
    extra, renamed = extra_headers(source)
    problems += renamed
    post = Post(
        source=source,
        title=title.value,
        created=created,
        updated=updated,
        authors=names or [default_author],
        category=value_of(headers, "category") or None,
        tags=split_list(value_of(headers, "tags")),
        wanted_slug=slug,
        pelican_slug=pelican_slug,
        slug=slug,
        summary=value_of(headers, "summary") or None,
        status=status,
        lang=value_of(headers, "lang") or None,
        extra=extra,
    )
    return post, problems


def filename_date(name: str, zone: tzinfo) -> datetime | None:
    """Pelican's default FILENAME_METADATA: a file named 2012-11-30_x.rst
    without a Date header was published on that day."""
    match = FILENAME_DATE.match(name)
    return parse_date(match[1], zone) if match else None


def value_of(headers: dict[str, Header], key: str) -> str:
    return headers[key].value if key in headers else ""


def header_date(header: Header | None, zone: tzinfo) -> datetime | None:
    """The header's date, None without the header; raises ImportFailed
    when it cannot be read, as Pelican skips such a file."""
    if header is None:
        return None
    try:
        return parse_date(header.value, zone)
    except ValueError:
        reason = f"cannot read the date {header.value!r} in {header.name}: the file is skipped"
        raise ImportFailed(header.line, reason) from None


def extra_headers(source: Source) -> tuple[dict[str, str], list[Problem]]:
    """Unknown headers, under their lowercased names, for the front matter."""
    extra, problems = {}, []
    for key, header in source.headers.items():
        if key in KNOWN_HEADERS:
            continue
        if key in RESERVED_KEYS:
            reason = f"header {header.name!r} would change the page in MkDocs; kept as 'pelican_{key}'"
            problems.append(fixed_problem(source, header.line, reason, "header MkDocs would read, renamed"))
            key = f"pelican_{key}"
        extra[key] = header.value
    return extra, problems


def read_posts(paths: list[Path], src: Path, zone: tzinfo, default_author: str) -> tuple[list[Post], list[Problem], int]:
    """The posts of the article files, the problems met, and how many files were skipped."""
    posts, problems, skipped = [], [], 0
    for path in paths:
        shown = str(src / path.relative_to(src))
        try:
            post, found = make_post(read_source(path, src), zone, default_author)
        except ImportFailed as failure:
            skipped += 1
            problems.append(Problem(shown, failure.line, failure.reason))
            continue
        posts.append(post)
        problems += found
    return posts, problems, skipped
