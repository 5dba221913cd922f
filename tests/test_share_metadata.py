"""What link previews and search engines read: Open Graph, Twitter card,
JSON-LD, robots.txt; and every absolute address follows SITE_URL."""

import json
import struct
from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from tests.html import text_of
from tests.support import ARTICLE, ARTICLE_URL, mkdocs_build

def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_share_image_is_a_large_png_of_the_site(site, config):
    share = config.extra["share_image"]
    width, height = png_size(site.dir / share["path"])
    assert (width, height) == (share["width"], share["height"])
    assert width >= 1200 and height >= 630


def test_article_has_open_graph_and_twitter_card(site, article, config, post_source):
    url = config.site_url + ARTICLE_URL
    # Which image, and that twitter:image and the JSON-LD agree: test_share_images.py.
    expected = {
        "og:type": "article",
        "og:title": text_of(article.h1),
        "og:description": post_source["description"],
        "og:url": url,
        "og:image:width": str(config.extra["share_image"]["width"]),
        "og:image:height": str(config.extra["share_image"]["height"]),
        "twitter:card": "summary_large_image",
        "article:published_time": post_source["date"]["created"].isoformat(),
    }
    assert {key: meta(article, key) for key in expected} == expected
    assert config.extra["conference"]["name"] in meta(article, "og:image:alt")
    assert meta(article, "twitter:image") == meta(article, "og:image")


def test_article_json_ld_is_a_blog_posting_of_the_post(article, config, post_source, author_names):
    (script,) = article.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == text_of(article.h1)
    assert datetime.fromisoformat(data["datePublished"]) == post_source["date"]["created"]
    assert [a["name"] for a in data["author"]] == author_names
    assert data["image"] == meta(article, "og:image")
    assert data["url"] == config.site_url + ARTICLE_URL
    assert data["publisher"]["name"] == config.extra["publisher"]


@pytest.mark.parametrize("path", ["index.html", "blog/index.html"])
def test_other_pages_are_shared_as_websites(site, path):
    page = site.page(path)
    assert meta(page, "og:type") == "website"
    assert meta(page, "og:description")
    assert not page.find("script", type="application/ld+json")


def test_robots_txt_points_at_the_sitemap(site, config):
    lines = (site.dir / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {config.site_url}sitemap.xml" in lines


def test_every_absolute_address_follows_site_url(project_copy, tmp_path, config):
    """Built for another address, nothing points at the one the session's site was built for."""
    other = "https://conference.example.org/blog-archive/"
    assert config.site_url != other
    result = mkdocs_build(project_copy, tmp_path / "out", env={"SITE_URL": other})
    assert result.returncode == 0, result.stderr
    leaks = [
        path.relative_to(tmp_path).as_posix()
        for path in (tmp_path / "out").rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".txt"} and config.site_url in path.read_text(encoding="utf-8")
    ]
    assert leaks == []
    article = BeautifulSoup((tmp_path / "out" / ARTICLE).read_text(encoding="utf-8"), "lxml")
    assert meta(article, "og:url") == other + ARTICLE_URL
    assert f"Sitemap: {other}sitemap.xml" in (tmp_path / "out/robots.txt").read_text()
