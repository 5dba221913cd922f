"""The article page, as a reader gets it, against the Pelican seed it came from."""

import copy
from datetime import datetime, timezone

from tests.html import text_of
from tests.support import ARTICLE, ARTICLE_URL


def content(article):
    return article.select_one("article.md-content__inner")


def as_written(article):
    """The article's text without what the site adds beside its links to sessions on the schedule."""
    page = copy.copy(content(article))
    for added in page.select(".pi-on-schedule"):
        added.decompose()
    return page


def test_title_is_the_seed_title(article, seed, config):
    assert article.title.string == f"{seed.headers['title']} - {config.site_name}"


def test_exactly_one_h1_and_it_is_the_title(article, seed):
    headings = article.find_all("h1")
    assert [text_of(h) for h in headings] == [seed.headers["title"]]


def test_first_seed_heading_repeating_the_title_is_not_a_second_heading(article, seed):
    first, *_ = seed.text_blocks()
    assert first == ("h2", seed.headers["title"])
    assert seed.headers["title"] not in [text_of(h) for h in article.find_all(["h2", "h3"])]


def test_every_block_of_the_seed_text_is_on_the_page(article, seed):
    page = as_written(article)
    headings = {text_of(h) for h in page.find_all(["h2", "h3"])}
    blocks = {text_of(b) for b in page.find_all(["p", "li"])}
    _title, *rest = seed.text_blocks()
    missing = [
        text for tag, text in rest
        if text not in (headings if tag.startswith("h") else blocks)
    ]
    assert missing == []


def test_talk_links_keep_their_exact_addresses(article, seed):
    page_links = [(text_of(a), a["href"]) for a in as_written(article).select("ol a[href]")]
    assert len(seed.links()) == 10
    assert page_links == seed.links()


def test_date_is_readable_and_machine_readable(article, seed):
    created = datetime.strptime(seed.headers["date"], "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
    time = article.select_one(".md-post__meta time[datetime]")
    assert datetime.fromisoformat(time["datetime"]) == created
    assert text_of(time) == f"{created:%B} {created.day}, {created.year}"


def test_author_is_the_old_blog_default(article, seed):
    assert seed.headers["author"] == ""  # the seed leaves it blank, so the default applies
    authors = [text_of(s) for s in article.select(".md-post__authors .md-profile strong")]
    assert authors == ["PyCon India Content Team"]  # the old blog's DEFAULT_AUTHOR


def test_category_links_to_its_page(site, article, seed):
    links = [a for a in article.select(".md-sidebar--post .md-post__meta a[href]") if "category" in a["href"]]
    assert [text_of(a) for a in links] == [seed.headers["category"]]
    target = site.resolve(ARTICLE, links[0]["href"])
    assert target.is_file(), target


def test_reading_time_is_shown(article):
    assert any("min read" in text_of(li) for li in article.select(".md-post__meta li"))


def test_figure_is_an_original_drawing_with_size_and_alt(site, article, seed):
    (seed_image,) = seed.images()
    img = content(article).select_one("figure img")
    assert img["alt"] == seed_image["alt"]
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    drawing = site.resolve(ARTICLE, img["src"])
    assert drawing.suffix == ".svg" and drawing.is_file()
    assert drawing.stat().st_size < 10_000


def test_the_figure_the_reader_waits_for_is_fetched_first_not_lazily(article):
    first = content(article).find("img")  # the post's only content image: its Largest Contentful Paint
    assert first["fetchpriority"] == "high" and not first.has_attr("loading")


def test_figure_credit_says_redrawn_and_links_the_original(article, seed):
    (seed_image,) = seed.images()
    original = seed_image.parent.get_text().split("Image credits:")[1].strip(" )\n")
    caption = content(article).select_one("figure figcaption")
    assert "redrawn" in text_of(caption)
    assert [a["href"] for a in caption.find_all("a")] == [original]


def test_meta_description_is_the_seed_summary(article, seed):
    assert article.find("meta", attrs={"name": "description"})["content"] == seed.headers["summary"]


def test_canonical_url_is_under_site_url(article, config):
    canonical = article.find("link", rel="canonical")["href"]
    assert canonical == config.site_url + ARTICLE_URL
