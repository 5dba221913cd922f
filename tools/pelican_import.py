"""Import the articles of a Pelican blog into the site's Material blog.

    python -m tools.pelican_import SRC [--dest docs/blog] [--dry-run] ...

Each article under SRC (Markdown, or reStructuredText converted with pandoc)
becomes DEST/posts/<slug>.md with the front matter Material's blog reads. The
files it links with {static}, {filename} or {attach} are copied to
DEST/images/<slug>/, its authors are added to DEST/.authors.yml, and its old
address is kept by the site's redirect hook, through `old_urls:` when the
site's own pattern would not give it. DEST/.pelican-import.yml records which
source each post came from, so that a second run overwrites its own posts
instead of taking them for duplicates. Files are only written when their
bytes change, so a second run on the same source changes nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from itertools import count
from pathlib import Path
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from dateutil import parser as dateparser
from tqdm import tqdm

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
RST_SUFFIXES = (".rst",)
POST_SUFFIXES = MARKDOWN_SUFFIXES + RST_SUFFIXES
PAGES_DIR = "pages"  # Pelican's PAGE_PATHS: static pages, not articles
MANIFEST = ".pelican-import.yml"
PROGRESS_MIN_FILES = 50
# Python-Markdown reads original Markdown: 4-space list nesting, pipe tables.
PANDOC_FORMAT = "markdown_strict+four_space_rule+pipe_tables"
PANDOC_ARGS = ["--wrap=preserve", "--shift-heading-level-by=1", "--quiet"]

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

MD_HEADER = re.compile(r"^ {0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
MD_MORE = re.compile(r"^ {4,}(?P<value>\S.*)$")
RST_ADORNMENT = re.compile(r"^([^\w\s])\1{2,}\s*$")
RST_FIELD = re.compile(r"^:(?P<key>[^:\s][^:]*):(?:\s+(?P<value>.*))?$")
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
END_SUMMARY = re.compile(r"<!--\s*PELICAN_END_SUMMARY\s*-->")
RST_END_SUMMARY = re.compile(r"^\.\.\s+PELICAN_END_SUMMARY\s*$", re.MULTILINE)
LINK_KINDS = "static|filename|attach|tag|category|author|index"
LINK = re.compile(
    rf"(?:\{{(?P<kind>{LINK_KINDS})\}}|\|(?P<old_kind>{LINK_KINDS})\|)(?P<target>[^\s\"'()<>`]*)"
)
HTML_ATTRIBUTE_END = re.compile(r"""=\s*["']$""")
SLUG_OK = re.compile(r"^[\w.-]+$", re.ASCII)


class ImportFailed(Exception):
    """A file that cannot be imported; the message says why."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class Header:
    value: str
    line: int
    name: str  # as spelled in the source


@dataclass
class Source:
    path: Path  # the file on disk
    rel: str  # posix path under SRC: identifies the source between runs
    shown: str  # how messages name it
    is_rst: bool
    headers: dict[str, Header]
    body: list[str]
    body_line: int  # line number of body[0] in the file


@dataclass
class Post:
    source: Source
    title: str
    created: datetime
    updated: datetime | None
    authors: list[str]
    category: str | None
    tags: list[str]
    wanted_slug: str
    slug: str
    summary: str | None
    status: str | None
    lang: str | None
    extra: dict[str, str]
    old_urls: list[str] = field(default_factory=list)
    redirected: bool = False

    @property
    def draft(self) -> bool:
        return self.status not in (None, "published")

    @property
    def slug_line(self) -> int:
        header = self.source.headers.get("slug") or self.source.headers["title"]
        return header.line


@dataclass
class Options:
    src: Path
    dest: Path
    url_pattern: str
    timezone: tzinfo
    default_author: str
    config: Path
    dry_run: bool


@dataclass
class Site:
    """What the importer needs from mkdocs.yml and the blog plugin's settings."""

    name: str
    avatar: str
    old_pattern: str
    blog_folder: Path
    blog_dir: str
    post_url_format: str
    post_url_date_format: str
    max_categories: int
    slugify_category: Callable[[str], str]
    locale: str
    directory_urls: bool
    categories_allowed: list[str]

    def post_page(self, created: datetime, slug: str, categories: list[str]) -> str:
        """The post's page under the site root, as Material's blog computes it."""
        names = [self.slugify_category(name) for name in categories[: self.max_categories]]
        path = self.post_url_format.format(
            categories="/".join(names), date=self.url_date(created), file=slug, slug=slug
        )
        path = posixpath.join(self.blog_dir, posixpath.normpath(path.strip("/")))
        return f"{path}/" if self.directory_urls else f"{path}.html"

    def url_date(self, created: datetime) -> str:
        from babel.dates import format_date, format_datetime  # Material formats with babel

        if self.post_url_date_format in ("full", "long", "medium", "short"):
            return format_date(created, format=self.post_url_date_format, locale=self.locale)
        return format_datetime(created, format=self.post_url_date_format, locale=self.locale)


# Reading ---------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file's text without a BOM, with \\n line endings."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(data[: error.start].count(b"\n") + 1, "not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_md_headers(lines: list[str]) -> tuple[dict[str, Header], int]:
    """Pelican's Markdown headers: `Key: value` lines up to the first blank
    line, longer values continued on lines indented by 4 spaces. Returns the
    headers and the index of the first body line."""
    headers: dict[str, Header] = {}
    index = 1 if lines and lines[0].strip() == "---" else 0  # Python-Markdown's optional opening
    opened, key = index == 1, None
    while index < len(lines):
        line = lines[index]
        if not line.strip() or (opened and line.strip() in ("---", "...")):
            return headers, index + 1
        if match := MD_HEADER.match(line):
            key = match["key"].lower()
            headers.setdefault(key, Header(match["value"].strip(), index + 1, match["key"]))
        elif key and (match := MD_MORE.match(line)):
            headers[key].value = f"{headers[key].value} {match['value'].strip()}".strip()
        else:
            break
        index += 1
    return headers, index


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


def read_source(path: Path, options: Options) -> Source:
    rel = path.relative_to(options.src).as_posix()
    lines = read_text(path).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    is_rst = path.suffix.lower() in RST_SUFFIXES
    headers, start = (parse_rst_headers if is_rst else parse_md_headers)(lines)
    return Source(path, rel, str(options.src / rel), is_rst, headers, lines[start:], start + 1)


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


def make_post(source: Source, options: Options) -> tuple[Post, list[Problem]]:
    """A post from a source's headers; raises ImportFailed when it has no
    title or an unreadable date."""
    headers, problems = source.headers, []
    title = headers.get("title")
    if not title or not title.value:
        raise ImportFailed(title.line if title else 1, "no Title header: the file is skipped")
    created = header_date(headers.get("date"), options.timezone)
    if created is None:
        raise ImportFailed(1, "no Date header: the file is skipped")
    updated = header_date(headers.get("modified"), options.timezone)
    names = split_list(value_of(headers, "authors") or value_of(headers, "author"))
    slug = value_of(headers, "slug") or slugify(title.value)
    if not SLUG_OK.match(slug):
        fixed = slugify(slug) or slugify(source.path.stem) or "post"
        line = headers["slug"].line if "slug" in headers else title.line
        problems.append(problem(source, line, f"slug {slug!r} cannot be a file name; it becomes '{fixed}'"))
        slug = fixed
    status = value_of(headers, "status").lower() or None
    if status not in (None, "published", "draft", "hidden"):
        problems.append(problem(source, headers["status"].line, f"unknown Status {status!r}: imported as a draft"))
    extra, renamed = extra_headers(source)
    problems += renamed
    post = Post(
        source=source,
        title=title.value,
        created=created,
        updated=updated,
        authors=names or [options.default_author],
        category=value_of(headers, "category") or None,
        tags=split_list(value_of(headers, "tags")),
        wanted_slug=slug,
        slug=slug,
        summary=value_of(headers, "summary") or None,
        status=status,
        lang=value_of(headers, "lang") or None,
        extra=extra,
    )
    return post, problems


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
            problems.append(problem(source, header.line, reason))
            key = f"pelican_{key}"
        extra[key] = header.value
    return extra, problems


def problem(source: Source, line: int, reason: str) -> Problem:
    return Problem(source.shown, line, reason)


def priority(post: Post) -> tuple[datetime, str]:
    """Which of two posts keeps a shared slug: the earlier one, ties by path."""
    return post.created, post.source.rel


def existing_slugs(posts_dir: Path) -> dict[str, str]:
    """Slugs already taken in the blog (file names and `slug:` values), each
    with the file (relative to posts/) that takes it."""
    taken: dict[str, str] = {}
    for path in sorted(posts_dir.rglob("*.md")) if posts_dir.is_dir() else []:
        name = path.relative_to(posts_dir).as_posix()
        taken.setdefault(path.stem, name)
        slug = front_matter_of(path).get("slug")
        if isinstance(slug, str):
            taken.setdefault(slug, name)
    return taken


def front_matter_of(path: Path) -> dict:
    try:
        match = re.match(r"^---\n(.*?)\n---\n", read_text(path), re.DOTALL)
        meta = yaml.safe_load(match[1]) if match else {}
    except (ImportFailed, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def assign_slugs(posts: list[Post], taken: dict[str, str], owners: dict[str, str], posts_dir: Path) -> list[Problem]:
    """Give each post a slug no other post has. The earlier post keeps a
    shared slug; a post already in the blog from another source keeps it too;
    the other becomes slug-2 (or -3, ...)."""
    wanted = {post.wanted_slug for post in posts}
    keepers: dict[str, Post] = {}
    problems = []

    def foreign(slug: str, post: Post) -> bool:  # taken by a file this post did not write
        return slug in taken and owners.get(Path(taken[slug]).stem) != post.source.rel

    for post in sorted(posts, key=priority):
        slug = post.wanted_slug
        if slug not in keepers and not foreign(slug, post):
            keepers[slug] = post
            continue
        post.slug = next(
            candidate
            for n in count(2)
            if (candidate := f"{slug}-{n}") not in wanted and candidate not in keepers and not foreign(candidate, post)
        )
        keepers[post.slug] = post
        if slug in keepers:
            why = "earlier date" if keepers[slug].created < post.created else "same date, earlier path"
            holder = f"{keepers[slug].source.shown}, which keeps it ({why})"
        else:
            holder = f"{posts_dir / taken[slug]}, already in the blog, which keeps it"
        reason = f"duplicate slug '{slug}': also used by {holder}; this post is imported as '{post.slug}'"
        problems.append(problem(post.source, post.slug_line, reason))
    return problems


# Old addresses ---------------------------------------------------------------


def page_path(url: str) -> str:
    """The file a web server answers an address with, under the blog root."""
    url = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if not url or url.endswith("/"):
        url += "index.html"
    return posixpath.normpath(url)


def pelican_fields(post: Post) -> dict[str, object]:
    """What Pelican fills ARTICLE_URL with: the headers, slug, date, lang and
    the author's and category's slugs (a missing category is the folder's
    name, else Pelican's 'misc'), plus {year}, {month} and {day}."""
    folder = Path(post.source.rel).parent.name
    created = post.created
    return {
        **{key: header.value for key, header in post.source.headers.items()},
        "slug": post.wanted_slug,
        "date": created,
        "year": f"{created:%Y}",
        "month": f"{created:%m}",
        "day": f"{created:%d}",
        "lang": post.lang or "en",
        "author": author_id(post.authors[0]),
        "category": slugify(post.category or folder or "misc"),
    }


def site_fields(post: Post) -> dict[str, object]:
    """What the site's redirect hook fills `extra.old_blog.article_url` with."""
    created = post.created
    return {
        "slug": post.slug,
        "year": f"{created:%Y}",
        "month": f"{created:%m}",
        "day": f"{created:%d}",
        "date": created,
        "category": (post.category or "").lower(),
    }


def fill(pattern: str, fields: dict[str, object]) -> str:
    try:
        return pattern.format(**fields)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise ValueError(f"{type(error).__name__}: {error}") from None


def assign_old_urls(posts: list[Post], options: Options, site: Site) -> list[Problem]:
    """Keep each post's old address: the site's pattern gives most of them;
    `old_urls:` lists the ones it does not. An address two posts had on the
    old blog stays with the post that keeps the slug."""
    claimed: set[str] = set()
    problems = []
    for post in sorted(posts, key=priority):
        try:
            old = page_path(fill(options.url_pattern, pelican_fields(post)))
        except ValueError as error:
            reason = f"--url-pattern cannot be filled for this post ({error}); its old address is not kept"
            problems.append(problem(post.source, 1, reason))
            continue
        new = page_path(under_blog(site, site.post_page(post.created, post.slug, categories(post))))
        if old in claimed or old == new:
            continue
        claimed.add(old)
        post.redirected = True
        try:
            from_site = page_path(fill(site.old_pattern, site_fields(post))) if site.old_pattern else None
        except ValueError:
            from_site = None
        if old != from_site:
            post.old_urls = [old]
    return problems


def check_categories(posts: list[Post], site: Site) -> list[Problem]:
    """The blog refuses a category outside `categories_allowed`, when it lists any."""
    return [
        problem(post.source, post.source.headers["category"].line,
                f"category {post.category!r} is not in the blog's categories_allowed: the build fails until it is")
        for post in posts
        if post.category and site.categories_allowed and post.category not in site.categories_allowed
    ]


def under_blog(site: Site, page: str) -> str:
    """A page's address relative to the blog root."""
    rel = posixpath.relpath(page, site.blog_dir)
    return rel + "/" if page.endswith("/") else rel


def categories(post: Post) -> list[str]:
    return [post.category] if post.category else []


# Links -----------------------------------------------------------------------


def relative_url(target: str, page: str) -> str:
    """`target` as a link from `page`; both are paths under the site root."""
    base = page[:-1] if page.endswith("/") else posixpath.dirname(page)
    link = posixpath.relpath(target.rstrip("/"), base or ".")
    return link + "/" if target.endswith("/") else link


class Linker:
    """Rewrites a post's {static}, {filename} and {attach} links and collects
    the files to copy. Markdown links are written relative to DEST/posts/,
    where MkDocs resolves and checks them; links in raw HTML, which MkDocs
    leaves alone, are written relative to the post's built page."""

    def __init__(self, post: Post, options: Options, site: Site, posts_by_path: dict[str, Post]):
        self.post = post
        self.options = options
        self.site = site
        self.posts_by_path = posts_by_path
        self.page = site.post_page(post.created, post.slug, categories(post))
        self.copies: dict[str, Path] = {}
        self.problems: list[Problem] = []

    def line(self, text: str, number: int) -> str:
        return LINK.sub(lambda match: self.replace(match, text, number), text)

    def replace(self, match: re.Match, text: str, number: int) -> str:
        kind = match["kind"] or match["old_kind"]
        in_html = bool(HTML_ATTRIBUTE_END.search(text[: match.start()]))
        if kind not in ("static", "filename", "attach"):
            return self.keep(match, number, f"a {{{kind}}} link has no page to point to on the site")
        target, _, anchor = match["target"].partition("#")
        anchor = f"#{anchor}" if anchor else ""
        file = self.locate(target)
        if file is None or not file.is_file():
            return self.keep(match, number, "linked file not found")
        if file.suffix.lower() in POST_SUFFIXES:
            return self.post_link(match, number, file, in_html, anchor)
        name = quote(self.claim(file))
        if in_html:
            return relative_url(f"{self.site.blog_dir}/images/{self.post.slug}/{name}", self.page) + anchor
        return f"../images/{self.post.slug}/{name}{anchor}"

    def post_link(self, match: re.Match, number: int, file: Path, in_html: bool, anchor: str) -> str:
        other = self.posts_by_path.get(os.path.abspath(file))
        if other is None:
            return self.keep(match, number, "links to a file that is not imported as a post")
        if other.draft:  # MkDocs only logs this at INFO level, and the link would be dead on the site
            reason = f"links to a draft, which the site does not publish: {match[0]}"
            self.problems.append(problem(self.post.source, number, reason))
        if in_html:
            return relative_url(self.site.post_page(other.created, other.slug, categories(other)), self.page) + anchor
        return f"{other.slug}.md{anchor}"

    def locate(self, target: str) -> Path | None:
        """Pelican's rule: a path with a leading slash is under the content
        root, any other is relative to the post's own folder."""
        path = unquote(target.split("?", 1)[0])
        root = Path(os.path.abspath(self.options.src))
        base = root if path.startswith("/") else Path(os.path.abspath(self.post.source.path.parent))
        file = Path(os.path.normpath(base / path.lstrip("/")))
        return file if path and file.is_relative_to(root) else None

    def claim(self, file: Path) -> str:
        """The file's name in the post's image folder, unique within it."""
        name = file.name
        for n in count(2):
            if self.copies.setdefault(name, file) == file:
                return name
            name = f"{file.stem}-{n}{file.suffix}"
        raise AssertionError("unreachable")

    def keep(self, match: re.Match, number: int, reason: str) -> str:
        self.problems.append(problem(self.post.source, number, f"{reason}: {match[0]} (the link is left as it is)"))
        return match[0]


# Bodies ----------------------------------------------------------------------


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


def fence_state(fence: str | None, line: str) -> tuple[bool, str | None]:
    """Whether a line belongs to a fenced code block, and the open fence after it."""
    match = FENCE.match(line)
    if fence is None:
        return (True, match[1]) if match else (False, None)
    closes = match and match[1][0] == fence[0] and len(match[1]) >= len(fence) and not line[match.end() :].strip()
    return True, None if closes else fence


def tidy(line: str) -> str:
    """Strip trailing white space, except 2+ spaces: a Markdown hard break."""
    if not line.strip():
        return ""
    if line.endswith(" ") and not line.endswith("  "):
        return line[:-1]
    return line


def markdown_body(post: Post, linker: Linker) -> list[str]:
    numbered = list(enumerate(post.source.body, post.source.body_line))
    lines, fence = [], None
    for number, text in drop_repeated_title(numbered, post.title):
        in_code, fence = fence_state(fence, text)
        if not in_code:
            text = END_SUMMARY.sub("<!-- more -->", linker.line(text, number))
        lines.append(tidy(text))
    return lines


def rst_body(post: Post, linker: Linker) -> list[str]:
    """The rST body converted to Markdown by pandoc; links are rewritten
    first, where their line numbers are the source's."""
    try:
        import pypandoc
    except ImportError:
        raise ImportFailed(1, "reStructuredText needs pandoc: install pypandoc_binary") from None
    text = "\n".join(linker.line(line, number) for number, line in enumerate(post.source.body, post.source.body_line))
    text = RST_END_SUMMARY.sub(".. raw:: html\n\n   <!-- more -->", text)
    try:
        markdown = pypandoc.convert_text(text, PANDOC_FORMAT, format="rst", extra_args=PANDOC_ARGS)
    except (RuntimeError, OSError) as error:
        raise ImportFailed(post.source.body_line, f"pandoc could not convert it: {error}") from None
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


# Front matter ----------------------------------------------------------------


def yaml_scalar(value: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else a
    double-quoted one: `2021`, `yes` or `a: b` must stay strings."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def folded(key: str, text: str) -> list[str]:
    """A long text as a folded block (`>-`), like the site's own posts, or
    a quoted scalar when folding would not read back as the same text."""
    lines = textwrap.wrap(
        text, width=78, initial_indent="  ", subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )
    block = [f"{key}: >-", *lines]
    try:
        if lines and yaml.safe_load("\n".join(block)) == {key: text}:
            return block
    except yaml.YAMLError:
        pass
    return [f"{key}: {yaml_scalar(text)}"]


def yaml_lines(key: str, value: object) -> list[str]:
    name = yaml_scalar(key)
    if isinstance(value, dict):
        return [f"{name}:", *(f"  {line}" for k, v in value.items() for line in yaml_lines(k, v))]
    if isinstance(value, list):
        return [f"{name}:", *(f"  - {yaml_scalar(item)}" for item in value)]
    if isinstance(value, bool):
        return [f"{name}: {'true' if value else 'false'}"]
    if isinstance(value, datetime):
        return [f"{name}: {value.isoformat(sep=' ')}"]  # an unquoted YAML timestamp
    if key == "description":
        return folded(name, str(value))
    return [f"{name}: {yaml_scalar(str(value))}"]


def post_meta(post: Post, author_ids: list[str]) -> dict[str, object]:
    """The post's front matter, in the order of the site's own posts."""
    date: dict[str, object] = {"created": post.created}
    if post.updated:
        date["updated"] = post.updated
    meta: dict[str, object] = {"date": date, "authors": author_ids}
    optional = {
        "categories": categories(post),
        "tags": post.tags,
        "slug": post.slug,
        "description": post.summary,
        "draft": post.draft or None,
        "status": post.status if post.draft and post.status != "draft" else None,
        "lang": post.lang,
        "old_urls": post.old_urls,
    }
    meta |= {key: value for key, value in optional.items() if value}
    return meta | {key: value for key, value in post.extra.items() if key not in meta}


def render_post(post: Post, author_ids: list[str], body: list[str]) -> str:
    meta = post_meta(post, author_ids)
    lines = ["---", *(line for key, value in meta.items() for line in yaml_lines(key, value)), "---"]
    lines += ["", f"# {post.title}"]
    body = trim_blank(body)
    if body:
        lines += ["", *body]
    return "\n".join(lines) + "\n"


# Authors and the manifest ----------------------------------------------------


class Authors:
    """The blog's authors: those in .authors.yml, and the ones to add."""

    def __init__(self, path: Path, site: Site):
        self.path = path
        self.site = site
        self.text = read_text(path) if path.is_file() else ""
        self.data = (yaml.safe_load(self.text) or {}) if self.text.strip() else {}
        existing = self.data.get("authors") or {}
        self.known = set(existing)
        self.added: dict[str, str] = {}
        # New authors look like the existing ones; the theme's logo otherwise.
        avatars = [entry["avatar"] for entry in existing.values() if isinstance(entry, dict) and entry.get("avatar")]
        self.avatar = avatars[0] if avatars else site.avatar

    def id_for(self, name: str) -> str:
        ident = author_id(name)
        if ident not in self.known and ident not in self.added:
            self.added[ident] = " ".join(name.split())  # the first spelling seen names the author
        return ident

    def merged_text(self) -> str:
        """The file with the new authors appended; existing entries, comments
        and all, are kept as they are."""
        entries = {
            ident: {"name": name, "description": f"Author on the {self.site.name} blog", "avatar": self.avatar}
            for ident, name in self.added.items()
        }
        block = yaml.safe_dump({"authors": entries}, sort_keys=False, allow_unicode=True, width=1000)
        expected = {**self.data, "authors": {**(self.data.get("authors") or {}), **entries}}
        if self.text.strip():
            appended = self.text.rstrip("\n") + "\n" + block.split("\n", 1)[1]
            try:
                if yaml.safe_load(appended) == expected:
                    return appended
            except yaml.YAMLError:
                pass
        header = "# Authors of the blog, declared once and referred to by id in each post.\n"
        return header + yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, width=1000)


def read_manifest(path: Path) -> dict[str, str]:
    """Which source each post file (by slug) was imported from."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(read_text(path)) or {}
    posts = data.get("posts") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in posts.items()} if isinstance(posts, dict) else {}


def manifest_text(entries: dict[str, str]) -> str:
    lines = [
        "# Written by tools/pelican_import.py: the Pelican source of each imported",
        "# post, so that importing again overwrites it instead of adding a copy.",
        "posts:",
    ]
    lines += [f"  {yaml_scalar(slug)}: {yaml_scalar(entries[slug])}" for slug in sorted(entries)]
    return "\n".join(lines) + "\n"


# Writing ---------------------------------------------------------------------


class Writer:
    """Writes a file only when its bytes change; in a dry run, says what it would write."""

    def __init__(self, dry_run: bool):
        self.dry_run = dry_run

    def write(self, path: Path, data: bytes) -> bool:
        if path.is_file() and path.read_bytes() == data:
            return False
        if self.dry_run:
            tqdm.write(f"would write {path}", file=sys.stdout)
            return True
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return True


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


def read_posts(paths: list[Path], options: Options, tally: Tally) -> list[Post]:
    posts = []
    for path in paths:
        shown = str(options.src / path.relative_to(options.src))
        try:
            post, problems = make_post(read_source(path, options), options)
        except ImportFailed as failure:
            tally.skipped += 1
            tally.problems.append(Problem(shown, failure.line, failure.reason))
            continue
        posts.append(post)
        tally.problems += problems
    return posts


def write_posts(posts: list[Post], options: Options, site: Site, authors: Authors, tally: Tally) -> dict[str, str]:
    """Render and write each post and its files; returns the manifest entries of the written posts."""
    writer = Writer(options.dry_run)
    by_path = {os.path.abspath(post.source.path): post for post in posts}
    show = sys.stderr.isatty() or len(posts) > PROGRESS_MIN_FILES
    entries = {}
    for post in tqdm(posts, desc="Importing", unit="post", disable=not show, file=sys.stderr):
        linker = Linker(post, options, site, by_path)
        try:
            body = (rst_body if post.source.is_rst else markdown_body)(post, linker)
        except ImportFailed as failure:
            tally.skipped += 1
            tally.problems.append(problem(post.source, failure.line, failure.reason))
            continue
        ids = [authors.id_for(name) for name in dict.fromkeys(post.authors)]
        text = render_post(post, list(dict.fromkeys(ids)), body)
        tally.imported += 1
        tally.written += writer.write(options.dest / "posts" / f"{post.slug}.md", text.encode("utf-8"))
        for name, file in linker.copies.items():
            tally.copied += writer.write(options.dest / "images" / post.slug / name, file.read_bytes())
        tally.problems += linker.problems
        entries[post.slug] = post.source.rel
        if post.redirected and not post.draft:
            tally.redirects += 1
            tally.via_old_urls += bool(post.old_urls)
    if authors.added:
        writer.write(authors.path, authors.merged_text().encode("utf-8"))
    return entries


def run(options: Options) -> int:
    site = load_site(options.config)
    if Path(os.path.abspath(options.dest)) != site.blog_folder:
        print(f"note: {options.dest} is not the blog folder of {options.config} ({site.blog_folder}); "
              "links in raw HTML are written for that blog's addresses", file=sys.stderr)
    paths, pages = find_sources(options.src)
    tally = Tally()
    posts = read_posts(paths, options, tally)
    manifest_path = options.dest / MANIFEST
    owners = read_manifest(manifest_path)
    tally.problems += assign_slugs(posts, existing_slugs(options.dest / "posts"), owners, options.dest / "posts")
    tally.problems += assign_old_urls(posts, options, site)
    tally.problems += check_categories(posts, site)
    authors = Authors(options.dest / ".authors.yml", site)
    entries = write_posts(posts, options, site, authors, tally)
    if entries:
        Writer(options.dry_run).write(manifest_path, manifest_text({**owners, **entries}).encode("utf-8"))
    for found in sorted(tally.problems):
        print(found, file=sys.stderr)
    print(tally.summary(pages, len(authors.added), options.dry_run))
    return 1 if tally.problems or tally.skipped else 0


# Configuration and command line ----------------------------------------------


def load_site(config_file: Path) -> Site:
    """Read mkdocs.yml with MkDocs' own loader: it resolves !ENV tags and
    fills in the blog plugin's defaults."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    if blog is None:
        raise SystemExit(f"error: {config_file} does not use Material's blog plugin")
    settings = blog.config
    separator = settings.categories_slugify_separator
    return Site(
        name=config.site_name,
        avatar=config.theme.get("logo") or "assets/images/logo.svg",
        old_pattern=(config.extra.get("old_blog") or {}).get("article_url", ""),
        blog_folder=Path(os.path.normpath(Path(config.docs_dir) / settings.blog_dir)),
        blog_dir=posixpath.normpath(settings.blog_dir),
        post_url_format=settings.post_url_format,
        post_url_date_format=settings.post_url_date_format,
        max_categories=settings.post_url_max_categories,
        slugify_category=lambda name: settings.categories_slugify(name, separator),
        locale=config.theme["language"].replace("-", "_"),
        directory_urls=config.use_directory_urls,
        categories_allowed=list(settings.categories_allowed or []),
    )


def time_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {name!r}: use an IANA name such as Asia/Kolkata") from None


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m tools.pelican_import",
        description="Import the articles of a Pelican blog (Markdown and reStructuredText) "
        "into the site's Material blog.",
        epilog="Problems are reported as path:line: reason. "
        "The exit code is 1 when a file was skipped or had a problem, else 0.",
    )
    parser.add_argument(
        "src", metavar="SRC", type=Path,
        help="the Pelican content folder, read recursively; {static}/x paths start at it",
    )
    parser.add_argument(
        "--dest", type=Path, default=Path("docs/blog"),
        help="the blog folder to write into: posts/<slug>.md, images/<slug>/ and .authors.yml "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--url-pattern", default="{year}/{slug}.html",
        help="the old blog's ARTICLE_URL, relative to its root, with {slug}, {year}, {month}, {day}, "
        "{date:%%Y}, {category}, {author}, {lang} or any header; a post gets old_urls: when the "
        "site's own pattern does not give this address (default: %(default)s)",
    )
    parser.add_argument(
        "--timezone", type=time_zone, default="GMT",
        help="the IANA time zone of dates written without one, Pelican's TIMEZONE (default: %(default)s)",
    )
    parser.add_argument(
        "--default-author", default="PyCon India Content Team",
        help="the author of posts with no or a blank Author header (default: %(default)s)",
    )
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml, for the blog's addresses and extra.old_blog.article_url "
        "(default: %(default)s)",
    )
    parser.add_argument("--dry-run", action="store_true", help="write nothing; print what would be written")
    args = parser.parse_args(argv)
    if not args.src.is_dir():
        parser.error(f"SRC {str(args.src)!r} is not a folder")
    if not args.config.is_file():
        parser.error(f"--config {str(args.config)!r} is not a file")
    return Options(args.src, args.dest, args.url_pattern, args.timezone, args.default_author, args.config, args.dry_run)


def main(argv: list[str] | None = None) -> int:
    from mkdocs.exceptions import ConfigurationError

    options = parse_args(argv)
    try:
        return run(options)
    except ConfigurationError as error:
        print(f"error: cannot read {options.config}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
