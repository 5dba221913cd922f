"""Each author has a page listing their posts, reached from their name on a post."""

import xml.etree.ElementTree as ET

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, post_sources
from tests.html import text_of


def authors_of(project) -> dict[str, dict]:
    return yaml.safe_load((project / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]


def page(site_dir, path) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "lxml")


def author_page_links(site_dir) -> dict[str, str]:
    """Author name -> author page path, from the blog index's navigation."""
    blog = page(site_dir, "blog/index.html")
    links = {}
    for link in blog.select("nav.md-nav a[href*='author/']"):
        target = (site_dir / "blog" / link["href"]).resolve()
        links[text_of(link)] = (target / "index.html").relative_to(site_dir.resolve()).as_posix()
    return links


def test_each_author_page_lists_exactly_their_posts(more_posts_site):
    project, site_dir = more_posts_site
    authors = authors_of(project)
    pages = author_page_links(site_dir)
    assert sorted(pages) == sorted(author["name"] for author in authors.values())
    for author_id, author in authors.items():
        listing = page(site_dir, pages[author["name"]])
        assert text_of(listing.h1) == author["name"]
        listed = sorted(text_of(post.select_one(".md-post__content h2")) for post in listing.select("article.md-post"))
        expected = sorted(title for front, title in post_sources(project) if author_id in front["authors"])
        assert listed == expected, author["name"]


def test_author_names_on_a_post_link_to_their_pages(more_posts_site):
    _, site_dir = more_posts_site
    pages = author_page_links(site_dir)
    post_path = "blog/2021/schedule-is-out/index.html"
    post = page(site_dir, post_path)
    for where in (".pi-post-facts", ".md-post__authors"):
        links = post.select(f"{where} a[href*='author/']")
        assert links, where
        for link in links:
            target = ((site_dir / post_path).parent / link["href"]).resolve() / "index.html"
            assert target.relative_to(site_dir.resolve()).as_posix() == pages[text_of(link)]


def test_author_pages_are_in_the_sitemap(site, config):
    urls = {loc.text for loc in ET.parse(site.dir / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = author_page_links(site.dir)
    assert len(pages) == len(authors_of(ROOT))
    for path in pages.values():
        assert config.site_url + path.removesuffix("index.html") in urls
