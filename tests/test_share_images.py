"""The picture a link preview shows: each post its own card with its title
and date, every other page the conference card; both drawn at build time
from extra.conference with the home page's dates phrase."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageColor

from tests.conftest import MORE_POSTS_VARIANT, mkdocs_build, post_sources
from tests.html import text_of
from tests.support import load_hook

def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def post_pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    """The built pages that are shared as articles, by path."""
    pages = {}
    for path in site_dir.rglob("index.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if meta(page, "og:type") == "article":
            pages[path.relative_to(site_dir).as_posix()] = page
    return pages


def shared_image(site_dir: Path, site_url: str, page) -> Path:
    """The file behind a page's og:image, after checking twitter:image and
    the JSON-LD name the same one."""
    image = meta(page, "og:image")
    assert meta(page, "twitter:image") == image
    script = page.find("script", type="application/ld+json")
    if script:
        assert json.loads(script.string)["image"] == image
    assert image.startswith(site_url)
    return site_dir / image.removeprefix(site_url)


def test_each_post_is_shared_with_its_own_image(site, config):
    pages = post_pages(site.dir)
    assert len(pages) == len(post_sources())
    share = config.extra["share_image"]
    for path, page in pages.items():
        image = shared_image(site.dir, config.site_url, page)
        assert image.parent == (site.dir / path).parent, "the card sits beside its post"
        with Image.open(image) as png:
            assert (png.format, png.size) == ("PNG", (share["width"], share["height"]))
            assert text_of(page.h1) in png.text["Description"]
        assert image.stat().st_size < 100_000
        assert text_of(page.h1) in meta(page, "og:image:alt")


def test_pages_that_are_not_posts_share_the_conference_card(site, config):
    card = site.dir / config.extra["share_image"]["path"]
    for path in ("index.html", "blog/index.html", "blog/author/pycon-india-content-team/index.html"):
        assert shared_image(site.dir, config.site_url, site.page(path)) == card
    with Image.open(card) as png:
        assert png.format == "PNG" and png.size == (config.extra["share_image"]["width"], config.extra["share_image"]["height"])
        assert config.extra["conference"]["tagline"] in png.text["Description"]


def test_every_post_card_differs_and_carries_its_title(more_posts_site):
    project, site_dir = more_posts_site
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    site_url = meta(home, "og:url")
    pages = post_pages(site_dir)
    titles = sorted(title for _, title in post_sources(project))
    images = {path: shared_image(site_dir, site_url, page) for path, page in pages.items()}
    assert sorted(text_of(page.h1) for page in pages.values()) == titles
    assert len({image.read_bytes() for image in images.values()}) == len(titles)
    for path, image in images.items():
        with Image.open(image) as png:
            assert text_of(pages[path].h1) in png.text["Description"]


PHRASES = [
    ("2021-09-17", "2021-09-20", "September 17–20, 2021"),
    ("2021-09-30", "2021-10-02", "September 30–October 2, 2021"),
    ("2021-12-30", "2022-01-02", "December 30, 2021–January 2, 2022"),
    ("2021-09-17", "2021-09-17", "September 17, 2021"),
]


@pytest.mark.parametrize("start, end, phrase", PHRASES)
def test_dates_phrase_names_a_month_again_only_where_it_changes(start, end, phrase):
    from datetime import date

    assert load_hook("conference_dates").dates_phrase(date.fromisoformat(start), date.fromisoformat(end)) == phrase


def test_dates_spanning_two_months_read_alike_on_home_page_and_cards(more_posts_site):
    _, site_dir = more_posts_site
    phrase = "September 30–October 2, 2021"  # the copy's conference runs from 2021-09-30 to 2021-10-02
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    assert phrase in text_of(home.select_one(".pi-hero__when")).replace(" – ", "–")
    assert [time["datetime"] for time in home.select(".pi-hero__when time")] == ["2021-09-30", "2021-10-02"]
    site_url = meta(home, "og:url")
    pages = [home, *post_pages(site_dir).values()]
    cards = {shared_image(site_dir, site_url, page) for page in pages}
    assert len(cards) == len(pages), "the conference card and one card per post"
    for card in cards:
        with Image.open(card) as png:
            assert phrase in png.text["Description"], card


def test_an_unchanged_post_is_not_drawn_again(more_posts_site, tmp_path):
    project, _ = more_posts_site
    cache = project / ".cache" / "share-images"
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    post = project / "docs/blog/posts/schedule-is-out.md"
    post.write_text(post.read_text(encoding="utf-8").replace("# The schedule is out", "# The full schedule"))
    result = mkdocs_build(project, tmp_path / "again", config_file=project / MORE_POSTS_VARIANT)
    assert result.returncode == 0, result.stderr
    after = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert {name: after[name] for name in before} == before, "a cached card was drawn again"
    assert len(after) == len(before) + 1, "the changed post got one new card"


def test_a_card_is_the_site_colours_and_the_steps_between_them(site, config):
    share_images = load_hook("share_images")
    background, text, accent = (ImageColor.getrgb(ink) for ink in (share_images.BACKGROUND, share_images.TEXT, share_images.ACCENT))
    for page in post_pages(site.dir).values():
        with Image.open(shared_image(site.dir, config.site_url, page)) as png:
            colours = sorted(png.convert("RGB").getcolors(), reverse=True)
        assert colours[0][1] == background, "the card's ground is the background, exactly"
        assert {text, accent} <= {colour for _, colour in colours}, "the title and the conference line in their colours, exactly"
        for _, colour in colours:  # every other colour an edge of the text: between the background and a text colour
            assert any(all(min(b, c) <= v <= max(b, c) for v, b, c in zip(colour, background, ink)) for ink in (text, accent)), colour


def test_a_card_put_where_another_was_leaves_the_other_in_the_cache(tmp_path):
    """The preview rebuilds a page into the built site: its new card must not be written through
    the old one, which may be a link to the cached card."""
    share_images = load_hook("share_images")
    cache, target = tmp_path / "cache", tmp_path / "site/blog/2021/post/share.png"
    old, new = (share_images.Card("PyCon India 2021", title, (("Online", True),)) for title in ("Old title", "New title"))
    share_images.write_card(old, target, cache=cache, width=600, height=315)
    (cached_old,) = cache.iterdir()
    old_bytes = cached_old.read_bytes()
    share_images.write_card(new, target, cache=cache, width=600, height=315)
    assert cached_old.read_bytes() == old_bytes
    with Image.open(target) as png:
        assert "New title" in png.text["Description"]
