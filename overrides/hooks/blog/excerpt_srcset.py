"""Give an excerpt's images their smaller copies on every listing page.

The importer links an image's smaller copies in its `srcset` relative to the
post's built page, as MkDocs rewrites an image's `src` but never its
`srcset`. Material's blog renders a post's excerpt again for each listing
page (blog index and its later pages, archive, category, author): it sets
the excerpt's URL to the listing page's for the render, and its `relpath`
treeprocessor makes each `src` relative to that page with
`mkdocs.utils.get_relative_url`. Left alone, a `srcset` there would still
point from the post's folder, so the importer gave the photos a listing
shows no copies at all, and phones fetched them full size.

This hook adds one treeprocessor to each excerpt's own parser: each link of
a `srcset` is resolved from the post's page, then made relative to the page
being rendered with the same function and URL Material's `relpath` uses for
`src`. Links with a scheme, a host or a leading slash are left as written.

An `<img>` written in raw HTML is not in the tree at all: Python-Markdown
keeps it aside (its `htmlStash`) and `relpath` never sees it, so the
importer writes its `src` and `srcset` from the post's page too, and the
`href` of the `<a>` that opens it full size. The same treeprocessor moves
those, in what the stash took during this render (the excerpt's parser is
reused for every listing, and its stash only grows).
"""

import html
import posixpath
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor
from material.plugins.blog.structure import Excerpt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# What Material's excerpt relies on here: its parser, the treeprocessor that
# rewrites `src` there, and Excerpt.render setting the excerpt's URL.
MATERIAL_PARTS = ("md", "relpath", "file.url in Excerpt.render")
# Below attr_list (8), which writes the author's srcset onto the <img>.
PRIORITY = 0.5
LINKS = {"img": "src", "a": "href"}  # raw HTML tags whose link the importer wrote from the post's page


def moved(link: str, post_url: str, page_url: str) -> str:
    """A link (an image's src or a srcset's) written from the post's page, as seen from `page_url`."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/") or not parts.path:  # not from the post's page, or on it
        return link
    base = post_url if post_url.endswith("/") or not post_url else posixpath.dirname(post_url)
    target = posixpath.normpath(posixpath.join(base, link))
    return link if target.startswith("..") else get_relative_url(target, page_url)


def moved_srcset(srcset: str, post_url: str, page_url: str) -> str:
    # Each candidate is "link width"; the importer's links are quoted, so a comma ends one.
    candidates = [candidate.split() for candidate in srcset.split(",") if candidate.strip()]
    return ", ".join(" ".join([moved(link, post_url, page_url), *rest]) for link, *rest in candidates)


class RawLinks(HTMLParser):
    """Where each <img> and <a> start tag of a piece of raw HTML is, and its attributes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.found: list[tuple[int, int, str, list[tuple[str, str | None]]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LINKS:
            line, column = self.getpos()
            start = self.starts[line - 1] + column
            self.found.append((start, start + len(self.get_starttag_text() or ""), tag, attrs))


def moved_raw_html(text: str, post_url: str, page_url: str) -> str:
    """Raw HTML with each <img>'s src and srcset, and each <a>'s href, moved
    from the post's page to `page_url`."""
    for start, end, tag, attrs in reversed(RawLinks(text).found):
        written = []
        for key, value in attrs:
            if value is not None and key == "srcset":
                value = moved_srcset(value, post_url, page_url)
            elif value is not None and key == LINKS[tag]:
                value = moved(value, post_url, page_url)
            written.append(key if value is None else f'{key}="{html.escape(value)}"')
        closed = " /" if text[:end].endswith("/>") else ""
        text = text[:start] + f"<{tag} {' '.join(written)}{closed}>" + text[end:]
    return text


class ExcerptSrcset(Treeprocessor):
    def __init__(self, excerpt: Excerpt):
        super().__init__(excerpt.md)
        self.excerpt = excerpt
        self.stashed = 0  # raw HTML kept aside by earlier renders, already moved

    def run(self, root: Element) -> None:
        post_url, page_url = self.excerpt.post.url, self.excerpt.file.url  # the listing's, while it renders
        stash = self.md.htmlStash.rawHtmlBlocks
        start = self.stashed if self.stashed <= len(stash) else 0  # 0 after a reset of the parser
        self.stashed = len(stash)
        if page_url == post_url:
            return
        for img in root.iter("img"):
            if srcset := img.get("srcset"):
                img.set("srcset", moved_srcset(srcset, post_url, page_url))
        for index in range(start, len(stash)):
            if isinstance(stash[index], str):  # an inline <a> and its <img> are kept aside one by one
                stash[index] = moved_raw_html(stash[index], post_url, page_url)


def material_changes(excerpt: Excerpt) -> list[str]:
    found = []
    md = getattr(excerpt, "md", None)
    if md is None:
        found.append(MATERIAL_PARTS[0])
    elif "relpath" not in md.treeprocessors:
        found.append(MATERIAL_PARTS[1])
    if not {"file", "url"} <= set(Excerpt.render.__code__.co_names):
        found.append(MATERIAL_PARTS[2])
    return found


# After the blog plugin (-50) has given the post its excerpt.
@event_priority(-60)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    excerpt = getattr(page, "excerpt", None)
    if isinstance(excerpt, Excerpt):
        if changed := material_changes(excerpt):
            raise PluginError(f"excerpt_srcset.py: Material's blog excerpt has changed; no {', no '.join(changed)}")
        if "excerpt_srcset" not in excerpt.md.treeprocessors:
            excerpt.md.treeprocessors.register(ExcerptSrcset(excerpt), "excerpt_srcset", PRIORITY)
    return markdown
