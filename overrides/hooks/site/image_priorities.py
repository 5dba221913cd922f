"""Fetch first the images a reader waits for, and last the ones they don't.

A post's first image sits in its first screen on a phone and is what the
reader waits for (its Largest Contentful Paint): fetch it at high priority.
Its other images are loaded lazily, as the reader scrolls to them, so a post
with many photos costs only what is seen. A listing page (blog index,
archive, category, author) shows posts' excerpts, photos among them: there
too every image after the first is loaded lazily.
The author's avatar in a post's sidebar is decoration, hidden in the drawer
on a phone: load it lazily, so it no longer competes with the page.
"""

import re
import sys
from pathlib import Path

from material.plugins.blog.structure import View
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import is_post  # noqa: E402

FIRST_IMG = re.compile(r"<img(?![^>]*\bfetchpriority=)", re.IGNORECASE)
OTHER_IMG = re.compile(r"<img(?![^>]*\b(?:fetchpriority|loading)=)", re.IGNORECASE)
AVATAR = '<span class="md-author md-author--long">'
AVATAR_IMG = re.compile(re.escape(AVATAR) + r"(\s*)<img ")
EXCERPT = '<article class="md-post md-post--excerpt">'  # where a listing's excerpts begin (overrides/partials/post.html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_post(page):
        html = FIRST_IMG.sub('<img fetchpriority="high"', html, count=1)
        html = OTHER_IMG.sub('<img loading="lazy"', html)
    return html


def lazy_after_first(html: str) -> str:
    """Each <img> of `html` after the first loaded lazily."""
    first = OTHER_IMG.search(html)
    if first is None:
        return html
    return html[: first.end()] + OTHER_IMG.sub('<img loading="lazy"', html[first.end() :])


# Before the minify plugin (priority 0) rewrites the avatar's and excerpts' markup.
@event_priority(50)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if isinstance(page, View):
        head, found, excerpts = output.partition(EXCERPT)
        output = head + found + lazy_after_first(excerpts) if found else output
    return AVATAR_IMG.sub(AVATAR + r'\1<img loading="lazy" ', output)
