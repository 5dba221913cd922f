"""The blog's RSS and JSON feeds, read as feed readers read them."""

import calendar
import json
from datetime import datetime, timezone

import feedparser
import pytest

from tests.support import ARTICLE_URL

FEEDS = {"rss": "application/rss+xml", "json": "application/feed+json"}


@pytest.fixture(scope="session")
def rss(site):
    feed = feedparser.parse((site.dir / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture(scope="session")
def json_feed(site):
    return json.loads((site.dir / "feed_json_created.json").read_text(encoding="utf-8"))


def published_utc(seed) -> datetime:
    return datetime.strptime(seed.headers["date"], "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("kind", FEEDS)
def test_every_page_links_the_feeds_in_its_head(site, kind):
    for path in site.html_files():
        page = site.page(path)
        if page.find("meta", attrs={"name": "robots", "content": "noindex"}):
            continue  # old-address redirect pages
        links = page.head.find_all("link", rel="alternate", type=FEEDS[kind])
        assert links, f"{path} does not link the {kind} feed"
        assert all(site.resolve(path, link["href"]).is_file() for link in links), path


def test_rss_channel_names_the_site(rss, config):
    assert rss.version == "rss20"
    assert rss.feed.title == config.site_name
    assert rss.feed.link == config.site_url
    assert rss.feed.image.href == config.site_url + config.extra["share_image"]["path"]


def test_rss_item_is_the_article(rss, seed, config, author_names):
    (item,) = rss.entries
    assert item.title == seed.headers["title"]
    assert item.link == config.site_url + ARTICLE_URL
    assert datetime.fromtimestamp(calendar.timegm(item.published_parsed), timezone.utc) == published_utc(seed)
    assert item.summary == seed.headers["summary"]
    assert item.author == ", ".join(author_names)
    assert [tag.term for tag in item.tags] == [seed.headers["category"]]


def test_json_feed_item_is_the_article(json_feed, seed, config, author_names):
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1"
    assert json_feed["title"] == config.site_name
    assert json_feed["home_page_url"] == config.site_url
    (item,) = json_feed["items"]
    assert item["title"] == seed.headers["title"]
    assert item["url"] == config.site_url + ARTICLE_URL
    assert datetime.fromisoformat(item["date_published"]) == published_utc(seed)
    assert datetime.fromisoformat(item["date_modified"]) == published_utc(seed)
    assert item["content_html"] == seed.headers["summary"]
    assert [a["name"] for a in item["authors"]] == author_names
    assert item["tags"] == [seed.headers["category"]]


@pytest.mark.parametrize("name", ["feed_rss_created.xml", "feed_rss_updated.xml", "feed_json_created.json", "feed_json_updated.json"])
def test_feeds_carry_no_placeholder_values(site, name):
    text = (site.dir / name).read_text(encoding="utf-8")
    for placeholder in (">None<", '"None"', "undefined"):
        assert placeholder not in text, f"{name} holds {placeholder}"
