"""Pelican's internal links in a post's body ({static}, {attach},
{filename}, and the ones with no page here: {tag}, {category}, {author},
{index}), rewritten for the site. Each kind of link has its method on
Linker; a new rewrite is one more method called from `replace`."""

from __future__ import annotations

import os
import posixpath
import re
from itertools import count
from pathlib import Path
from urllib.parse import quote, unquote

from tools.markdown_links import PATH, LinkFault, mend_line
from tools.pelican_import.reader import POST_SUFFIXES
from tools.pelican_import.records import Post
from tools.pelican_import.report import Problem, fixed, problem
from tools.pelican_import.site import Site

LINK_KINDS = "static|filename|attach|tag|category|author|index"
LINK = re.compile(
    rf"(?:\{{(?P<kind>{LINK_KINDS})\}}|\|(?P<old_kind>{LINK_KINDS})\|)(?P<target>[^\s\"'()<>`]*)"
)
HTML_ATTRIBUTE_END = re.compile(r"""=\s*["']$""")
# A plain path in a post pointed into the old blog's output.
OLD_OUTPUT = "link to a path of the old blog's output, which the site does not have"


def relative_url(target: str, page: str) -> str:
    """`target` as a link from `page`; both are paths under the site root."""
    base = page[:-1] if page.endswith("/") else posixpath.dirname(page)
    link = posixpath.relpath(target.rstrip("/"), base or ".")
    return link + "/" if target.endswith("/") else link


def locate(target: str, src: Path, post_folder: Path) -> Path | None:
    """The file a link names, by Pelican's rule: a path with a leading slash
    is under the content root, any other is relative to the post's own
    folder. None when it would leave the content root."""
    path = unquote(target.split("?", 1)[0])
    root = Path(os.path.abspath(src))
    base = root if path.startswith("/") else Path(os.path.abspath(post_folder))
    file = Path(os.path.normpath(base / path.lstrip("/")))
    return file if path and file.is_relative_to(root) else None


class Linker:
    """Rewrites a post's {static}, {filename} and {attach} links and collects
    the files to copy. Markdown links are written relative to DEST/posts/,
    where MkDocs resolves and checks them; links in raw HTML, which MkDocs
    leaves alone, are written relative to the post's built page."""

    def __init__(self, post: Post, src: Path, site: Site, posts_by_path: dict[str, Post], fix_links: bool = False):
        self.post = post
        self.fix_links = fix_links
        self.src = src
        self.site = site
        self.posts_by_path = posts_by_path
        self.page = site.post_page(post)
        self.copies: dict[str, Path] = {}
        self.problems: list[Problem] = []

    def line(self, text: str, number: int) -> str:
        text, faults = mend_line(text, self.fix_links)
        for fault in faults:
            self.report(fault, number)
        return LINK.sub(lambda match: self.replace(match, text, number), text)

    def report(self, fault: LinkFault, number: int) -> None:
        source, shown = self.post.source, fault.fixed if "<" not in (fault.fixed or "") else "a link"
        if fault.kind == PATH:
            fault = LinkFault(OLD_OUTPUT, fault.target, None)
        if fault.fixed is None:
            self.problems.append(problem(source, number, f"{fault.kind}: {fault.target}", fault.kind))
        elif self.fix_links:
            self.problems.append(fixed(source, number, f"{fault.kind}: {fault.target} became {shown}", fault.kind))
        else:
            reason = f"{fault.kind}: {fault.target} (--fix-links makes it {shown})"
            self.problems.append(problem(source, number, reason, fault.kind))

    def replace(self, match: re.Match, text: str, number: int) -> str:
        kind = match["kind"] or match["old_kind"]
        in_html = bool(HTML_ATTRIBUTE_END.search(text[: match.start()]))
        if kind not in ("static", "filename", "attach"):
            return self.keep(match, number, f"a {{{kind}}} link has no page to point to on the site")
        target, _, anchor = match["target"].partition("#")
        anchor = f"#{anchor}" if anchor else ""
        file = locate(target, self.src, self.post.source.path.parent)
        if file is None or not file.is_file():
            return self.keep(match, number, "linked file not found")
        if file.suffix.lower() in POST_SUFFIXES:
            return self.post_link(match, number, file, in_html, anchor)
        name = quote(self.claim(file))
        if in_html:
            return relative_url(f"{self.site.rules.blog_dir}/images/{self.post.file_stem}/{name}", self.page) + anchor
        return f"../images/{self.post.file_stem}/{name}{anchor}"

    def converted_html(self, lines: list[str]) -> list[str]:
        """Links in raw HTML that pandoc wrote from reStructuredText (an image
        with a size becomes an <img>) still point from posts/, where MkDocs
        resolves Markdown links; MkDocs leaves raw HTML alone, so point them
        from the post's built page instead."""
        markdown_prefix = f"../images/{self.post.file_stem}/"
        page_prefix = relative_url(f"{self.site.rules.blog_dir}/images/{self.post.file_stem}/", self.page)
        attribute = re.compile(r"""(\b(?:src|href)\s*=\s*["'])""" + re.escape(markdown_prefix))
        return [attribute.sub(lambda m: m[1] + page_prefix, line) for line in lines]

    def post_link(self, match: re.Match, number: int, file: Path, in_html: bool, anchor: str) -> str:
        other = self.posts_by_path.get(os.path.abspath(file))
        if other is None:
            return self.keep(match, number, "links to a file that is not imported as a post")
        if other.draft:  # MkDocs only logs this at INFO level, and the link would be dead on the site
            reason = f"links to a draft, which the site does not publish: {match[0]}"
            self.problems.append(problem(self.post.source, number, reason, "link to a draft"))
        if in_html:
            return relative_url(self.site.post_page(other), self.page) + anchor
        return f"{other.file_stem}.md{anchor}"

    def claim(self, file: Path) -> str:
        """The file's name in the post's image folder, unique within it."""
        name = file.name
        for n in count(2):
            if self.copies.setdefault(name, file) == file:
                return name
            name = f"{file.stem}-{n}{file.suffix}"
        raise AssertionError("unreachable")

    def keep(self, match: re.Match, number: int, reason: str) -> str:
        self.problems.append(problem(self.post.source, number, f"{reason}: {match[0]} (the link is left as it is)", reason))
        return match[0]
