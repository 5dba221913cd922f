"""The blog index, archive and category pages list the article; a pinned post leads."""

import pytest
from bs4 import BeautifulSoup

from tests.html import text_of
from tests.support import ARTICLE, mkdocs_build

LISTINGS = ["blog/index.html", "blog/archive/2021/index.html", "blog/category/2021/index.html"]


def listed_article(site, listing, seed):
    for post in site.page(listing).select("article.md-post--excerpt"):
        title = post.select_one("h2 a")
        if title and text_of(title) == seed.headers["title"]:
            return post
    pytest.fail(f"{listing} does not list {seed.headers['title']!r}")


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_links_the_post_title_to_the_article(site, listing, seed):
    link = listed_article(site, listing, seed).select_one("h2 a")
    assert site.resolve(listing, link["href"]) == site.dir / ARTICLE


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_shows_date_author_and_summary_as_teaser(site, listing, seed, article, author_names):
    post = listed_article(site, listing, seed)
    assert post.time["datetime"] == article.select_one(".md-post__meta time")["datetime"]
    assert all(name in text_of(post.header) for name in author_names)
    teaser = post.select_one(".md-post__content > p")
    assert text_of(teaser) == seed.headers["summary"]


@pytest.mark.parametrize("listing", LISTINGS)
def test_continue_reading_names_the_post_for_screen_readers(site, listing, seed):
    more = listed_article(site, listing, seed).select_one(".md-post__action a")
    assert text_of(more) == f"Continue reading : {seed.headers['title']}"
    assert site.resolve(listing, more["href"]) == site.dir / ARTICLE


def test_blog_index_links_archive_and_category_pages(site):
    index = site.page("blog/index.html")
    targets = {site.resolve("blog/index.html", a["href"]) for a in index.select("nav a[href]")}
    for listing in LISTINGS[1:]:
        assert site.dir / listing in targets


def test_a_pinned_post_leads_the_blog_index_marked_as_pinned(project_copy, tmp_path, seed):
    posts = project_copy / "docs/blog/posts"
    article = (posts / "machine-learning-pycon.md").read_text(encoding="utf-8")
    newer = article.replace("slug: machine-learning-pycon", "slug: a-newer-post").replace("2021-08-24", "2021-09-10")
    (posts / "a-newer-post.md").write_text(newer.replace(f"# {seed.headers['title']}", "# A newer post"), encoding="utf-8")
    (posts / "machine-learning-pycon.md").write_text(article.replace("slug:", "pin: true\nslug:"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    index = BeautifulSoup((tmp_path / "out/blog/index.html").read_text(encoding="utf-8"), "lxml")
    first, second = index.select("article.md-post--excerpt")
    assert text_of(first.select_one("h2 a")) == seed.headers["title"]  # the older post, pinned, first
    assert text_of(first.select_one(".md-meta__list > li.md-pin")) == "Pinned"
    assert first.select_one(".md-post__content > hr") is not None
    assert text_of(second.select_one("h2 a")) == "A newer post" and not second.select(".md-pin, hr")
