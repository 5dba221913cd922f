"""Real-world Pelican posts brought across by the importer, as readers and
the team get them: a site that builds with no hand edit, every old address
answering, nothing loaded from another host, excerpts, headings and
authors as a reader expects."""

import re
from datetime import timezone
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config import load_config

from tests.conftest import IMPORT_FIXES, REAL_WORLD, ROOT, BuiltSite, mkdocs_build
from tests.test_no_external_resources import foreign, resources_of_page
from tools.pelican_import.reader import make_post, read_source
from tools.pelican_import.site_config import allowed_categories

GMT = timezone.utc


def source_post(path: Path):
    """The post the importer reads from a fixture file (its headers, as written)."""
    return make_post(read_source(path, path.parent), GMT, "PyCon India Content Team")[0]


def redirect_target(site, path: str) -> Path:
    """The page a redirect page at `path` sends the reader to."""
    refresh = site.page(path).find("meta", attrs={"http-equiv": "refresh"})
    assert refresh, f"{path} is not a redirect page"
    return site.resolve(path, refresh["content"].partition("url=")[2])


def test_the_import_needs_no_hand_edit_and_leaves_only_what_needs_a_person(real_import):
    allowed = allowed_categories((real_import.project / "mkdocs.yml").read_text(encoding="utf-8"))
    categories = {source_post(path).category for path in real_import.content.rglob("*.md")}
    assert categories <= set(allowed)
    left = {line.split(": ")[1] for line in real_import.report.splitlines() if re.match(r"^\S+:\d+: (?!fixed)", line)}
    assert left == {"duplicate slug 'schedule'", "image without alt text", "link without text"}
    assert real_import.code == 1


def test_every_old_address_answers_byte_for_byte_with_a_redirect_to_its_post(real_import):
    site = real_import.built
    for path in sorted((REAL_WORLD / "addresses").glob("*.md")):
        post = source_post(path)
        old = f"blog/{post.created:%Y}/{post.pelican_slug}.html"  # the old blog's {year}/{slug}.html, slug as written
        assert (site.dir / old).is_file(), f"{path.name}: nothing answers at {old}"
        target = redirect_target(site, old)
        assert target.is_file() and site.page(str(target.relative_to(site.dir))).find("h1"), old


def test_a_slug_used_in_two_years_keeps_both_addresses(real_import):
    site = real_import.built
    assert (site.dir / "blog/2020/welcome-our-sponsor/index.html").is_file()
    assert (site.dir / "blog/2023/welcome-our-sponsor/index.html").is_file()


def test_imported_posts_load_nothing_from_another_host(real_import):
    site = real_import.built
    offenders = {path: [u for u in resources_of_page(site.page(path)) if foreign(u)] for path in site.html_files()}
    assert {path: urls for path, urls in offenders.items() if urls} == {}
    chart = site.page("blog/2022/ticket-sales/index.html")
    assert [a.get_text() for a in chart.select("article a[href^='https://charts.example.com']")] == ["Ticket sales by week"]


def test_a_post_without_summary_shows_only_its_first_paragraph_on_the_index(real_import):
    index = real_import.built.page("blog/index.html")
    post = index.find(id="a-post-without-a-summary").find_parent("article")
    assert "first paragraph" in post.get_text()
    assert "rest of the post" not in post.get_text() and not post.find("img")


def test_headings_that_started_at_three_start_at_two(real_import):
    page = real_import.built.page("blog/2019/day-one-hour-by-hour/index.html")
    levels = [h.name for h in page.select("article h1, article h2, article h3, article h4")]
    assert levels == ["h1", "h2", "h3", "h2"]


def test_an_author_written_two_ways_is_one_author(real_import):
    authors = yaml.safe_load((real_import.project / "docs/blog/.authors.yml").read_text())["authors"]
    assert [key for key in authors if "meera" in key] == ["meera-krishnan-meerak"]


def test_after_mending_links_the_build_fails_only_on_what_the_report_named(tmp_path):
    """The one link with no single reading stops the strict build, and the
    importer named exactly it."""
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    run = subprocess.run(
        [sys.executable, "-m", "tools.pelican_import", REAL_WORLD / "links", "--dest", project / "docs/blog",
         "--config", project / "mkdocs.yml", *IMPORT_FIXES],
        cwd=ROOT, capture_output=True, text=True,
    )
    left = [line.rsplit(": ", 1)[1] for line in run.stderr.splitlines() if re.match(r"^\S+:\d+: (?!fixed)", line)]
    result = mkdocs_build(project, tmp_path / "site")
    broken = re.findall(r"contains a link '([^']+)'", result.stderr)
    assert result.returncode == 1 and broken == left == ["old-page-that-never-existed.html"]


def test_sponsor_logos_and_links_with_brackets_lead_to_the_sponsors_sites(tmp_path):
    """A logo linked to its sponsor's site, a link text with brackets, code
    or emphasis, a reference and an HTML link, each target written without
    its scheme: mended, the strict build passes, and every link a reader
    clicks leaves for the sponsor's site."""
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    fixture = next((REAL_WORLD / "link_texts").glob("*.md"))
    subprocess.run(
        [sys.executable, "-m", "tools.pelican_import", fixture.parent, "--dest", project / "docs/blog",
         "--config", project / "mkdocs.yml", *IMPORT_FIXES],
        cwd=ROOT, capture_output=True, text=True,
    )
    site = BuiltSite(tmp_path / "webroot", load_config(str(project / "mkdocs.yml")))
    result = mkdocs_build(project, site.dir)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
    post = source_post(fixture)
    page = f"blog/{post.created:%Y}/{post.slug}/index.html"
    article = site.page(page).select_one("article.md-content__inner")
    for facts in article.select(".md-meta"):  # the date, authors and category under the title
        facts.decompose()
    links = [a for a in article.select("a[href]") if not a["href"].startswith("#")]
    assert links and [a["href"] for a in links if urlsplit(a["href"]).scheme not in ("https", "mailto")] == []
    assert [img["alt"] for img in article.select("img") if img.find_parent("a") not in links] == []


def test_every_image_on_an_imported_page_is_there(real_import):
    """Including the raw <img> pandoc writes for a sized reStructuredText image,
    which MkDocs does not rewrite."""
    site = real_import.built
    missing = {
        path: [img["src"] for img in site.page(path).select("article img[src]") if not site.resolve(path, img["src"]).is_file()]
        for path in site.html_files() if path.startswith("blog/")
    }
    assert {path: srcs for path, srcs in missing.items() if srcs} == {}
    assert site.page("blog/2019/the-venue-from-above/index.html").select("article img[width='40']")
