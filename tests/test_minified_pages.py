"""Readers get minified pages (overrides/hooks/site/minify_pages.py), with the
text and the preformatted blocks they would get unminified, and nothing of
the minifier's work is left beside them."""

import re

from tests.support import ARTICLE, load_hook

BETWEEN_TAGS = re.compile(r">\s{2,}<")


def test_every_page_is_minified_and_no_copy_is_left_beside_it(site):
    pages = site.html_files()
    assert pages
    loose = [path for path in pages if BETWEEN_TAGS.search((site.dir / path).read_text(encoding="utf-8"))]
    assert loose == []
    assert [p.name for p in site.dir.rglob("*.minified")] == []


def test_the_article_reads_as_before(site, article):
    minify = load_hook("minify_pages").minify
    html = (site.dir / ARTICLE).read_text(encoding="utf-8")
    assert minify(html) == html  # minified already: the minifier has nothing left to take
    assert article.find("h1").get_text(" ", strip=True)
    assert article.select("article p")  # paragraphs kept their closing tags for libxml2-based readers
    assert all(p.find(["nav", "div"]) is None for p in article.select("article p"))
