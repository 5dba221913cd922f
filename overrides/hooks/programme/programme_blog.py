"""The blog and the programme, linked both ways.

- A post that links the proposal of a session on the schedule gets, right
  after that link, a link to the session's page here, with its day, time and
  stage. The post's own sentences and links stay as they are: the way to the
  session is added, nothing is replaced. A proposal that is not on the
  schedule is left alone.
- A post that is a session's announcement (its old address on the Pelican
  blog, or its address here, is the session's `links.announcement`: the
  keynote and panel posts) gets a note at its end linking the session and
  its speakers' pages.
- Each session's page lists the posts that link it or announce it
  (programme_pages.py reads what this hook found).

The markup is partials/programme/post-links.html.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from programme_data import day_phrase, for_build, proposal_key, span

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import BlogRules, is_post, old_pages  # noqa: E402

HREF = re.compile(r"""<a\s[^>]*?href=["']([^"']+)["']""", re.IGNORECASE)
_theme: dict = {}


# Pages are converted before on_env: keep the files, and take the theme's environment when first needed.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _theme.clear()
    _theme["files"] = files
    return files


def environment(config: MkDocsConfig) -> Environment:
    if "env" not in _theme:
        _theme["env"] = config.theme.get_env()
    return _theme["env"]


def announced(page, config: MkDocsConfig) -> list[str]:
    """The addresses a post is known by: on the old blog, and here."""
    root = config.extra.get("old_blog", {}).get("root")
    pattern = config.extra.get("old_blog", {}).get("article_url", "")
    keys = [proposal_key(page.canonical_url or urljoin(config.site_url, page.url))]
    if root:
        keys += [proposal_key(urljoin(root, old)) for old in old_pages(page, pattern, BlogRules.of(config))]
    return keys


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_post(page):
        return html
    editions = for_build(config)
    # Each session with its edition, by its proposal's and its announcement's addresses, across every edition.
    proposals = {key: (edition, session) for edition in editions.all for key, session in edition.by_proposal().items()}
    linked = {proposal_key(href) for href in HREF.findall(html)} & proposals.keys()
    announcements = {key: (edition, session) for edition in editions.all for key, session in edition.by_announcement().items()}
    announces = [announcements[key] for key in announced(page, config) if key in announcements]
    if not linked and not announces:
        return html
    files = _theme["files"]

    def href(uri: str) -> str:
        return get_relative_url(files.get_file_from_path(uri).url, page.url)

    template = environment(config).get_template("partials/programme/post-links.html")
    module = template.make_module({"href": href, "span": span, "day_phrase": day_phrase})
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        edition, session = proposals.get(proposal_key(link["href"]), (None, None))
        if session is None:
            continue
        edition.mentions[session.slug][page.file.src_uri] = page
        if session.has_page:
            link.insert_after(BeautifulSoup(str(module.beside(edition, session)), "html.parser"))
    for edition, session in announces:
        edition.mentions[session.slug][page.file.src_uri] = page
    if announces:
        soup.append(BeautifulSoup(str(module.announcement(announces)), "html.parser"))
    return str(soup)
