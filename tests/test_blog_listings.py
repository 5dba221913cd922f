"""The blog index, archive and category pages list the article."""

import pytest

from tests.html import text_of
from tests.support import ARTICLE

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
