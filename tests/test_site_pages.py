"""Site-wide: navigation, home page, 404, sitemap."""

from urllib.parse import urljoin
from xml.etree import ElementTree

from tests.html import text_of


def test_navigation_tabs_show_home_the_programme_the_other_editions_and_the_blog(site, editions):
    tabs = site.page("index.html").select(".md-tabs__link")
    assert [text_of(a) for a in tabs] == ["Home", "Programme", "Editions", "Blog"]
    assert site.resolve("index.html", tabs[1]["href"]) == site.dir / f"{editions.current.year}/schedule/index.html"
    assert site.resolve("index.html", tabs[2]["href"]) == site.dir / f"{editions.others[0].year}/index.html"
    assert site.resolve("index.html", tabs[3]["href"]) == site.dir / "blog/index.html"


def test_each_editions_pages_are_in_its_own_section_of_the_menu(site, editions):
    """On a past edition's page its tab is Past editions and its section lists its pages; the current one's are the Programme."""
    for programme in editions.all:
        page = site.page(f"{programme.year}/schedule/index.html")
        active = page.select_one(".md-tabs__item--active a")
        assert text_of(active) == ("Programme" if programme is editions.current else "Editions")
        links = [site.resolve(f"{programme.year}/schedule/index.html", a["href"])
                 for a in page.select("nav.md-nav--primary .md-nav__item--active > nav a.md-nav__link[href]")]
        assert site.dir / f"{programme.year}/speakers/index.html" in links
        assert all(str(link).startswith(str(site.dir / str(programme.year))) for link in links if "#" not in str(link))


def test_home_page_states_the_conference_facts(site, programme):
    facts = programme.conference
    home = site.page("index.html")
    assert text_of(home.h1) == facts["name"]
    dates = [t["datetime"] for t in home.select(".pi-hero time")]
    assert dates == [facts["start"].isoformat(), facts["end"].isoformat()]
    when = text_of(home.select_one(".pi-hero__when"))
    assert when.startswith(facts["mode"])
    assert f'{facts["start"]:%B} {facts["start"].day}' in when
    assert f'{facts["end"].day}, {facts["end"].year}' in when


def test_home_page_teases_the_latest_post(site, seed):
    home = site.page("index.html")
    latest = home.select_one(".pi-latest article")
    assert text_of(latest.h3 or latest.h2) == seed.headers["title"]
    assert text_of(latest.select_one(".md-post__content > p")) == seed.headers["summary"]


def test_not_found_page_exists(site):
    page = site.page("404.html")
    assert "404" in text_of(page.h1)


def test_sitemap_lists_every_page(site, config):
    tree = ElementTree.parse(site.dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall(".//s:loc", ns)}
    pages = {
        urljoin(config.site_url, path.removesuffix("index.html"))
        for path in site.html_files()
        if path != "404.html" and not site.page(path).find("meta", attrs={"name": "robots", "content": "noindex"})
    }
    assert listed == pages


def test_home_page_teaser_of_a_post_without_description_is_its_excerpt_with_working_images(project_copy):
    """The newest post without a description shows down to <!-- more -->, its image found from the home page."""
    from bs4 import BeautifulSoup

    from tests.support import mkdocs_build

    (project_copy / "docs/blog/posts/newest.md").write_text(
        "---\ndate:\n  created: 2021-09-30 10:00:00+00:00\nauthors:\n  - pycon-india-content-team\n"
        "categories:\n  - \"2021\"\nslug: newest\n---\n\n# The newest post\n\n"
        "![The relations](../images/machine-learning-pycon/ai-ml-relations.svg)\n\nIts teaser.\n\n"
        "<!-- more -->\n\nThe rest of the post, not for the home page.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((project_copy / "site/index.html").read_text(encoding="utf-8"), "lxml")
    teaser = home.select_one(".pi-latest .md-post__content")
    assert "Its teaser." in text_of(teaser) and "The rest of the post" not in text_of(teaser)
    image = teaser.select_one("img")
    assert (project_copy / "site" / image["src"]).is_file()
