"""Shared fixtures: the site is built once per session, strictly, with the
production configuration; tests read the built pages as a reader gets them."""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from overrides.hooks.site_rules import read_front_matter
from tests.pelican_seed import PelicanPost
from tests.support import ARTICLE, ROOT, current_edition, mkdocs_build  # noqa: F401 (tests import them from here too)

SEED = ROOT / "tests" / "fixtures" / "pelican" / "machine-learning-pycon.md"
# Small Pelican posts with what real blogs hold and the seed does not, a folder per kind.
REAL_WORLD = ROOT / "tests" / "fixtures" / "pelican_real"
# The kinds the imported site is built from; remote images need a server (tests/pelican_import/test_images.py).
IMPORTED_KINDS = ["categories", "addresses", "accessibility", "excerpt", "reader", "rst", "remote/embedded-chart.md"]
# The more_posts_site fixture's build variant, in its project copy.
MORE_POSTS_VARIANT = "mkdocs-more-posts.yml"
IMPORT_FIXES = ["--fix-links", "--fix-headings", "--fix-colours"]


class BuiltSite:
    """A built site inside `webroot`, at the sub-path of its `site_url`."""

    def __init__(self, webroot: Path, config):
        self.config = config
        self.webroot = webroot
        self.base_path = urlparse(config.site_url).path  # e.g. "/pycon-india-2021/"
        self.dir = webroot / self.base_path.strip("/")

    @cache
    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.dir / path).read_text(encoding="utf-8"), "lxml")

    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*.html"))

    def resolve(self, page_path: str, href: str) -> Path:
        """The file a relative or root-relative link on a page points at."""
        path = urlparse(href).path
        if path.startswith("/"):
            target = self.webroot / path.lstrip("/")
        else:
            target = (self.dir / page_path).parent / path
        target = Path(os.path.normpath(target))
        return target / "index.html" if path.endswith("/") or target.is_dir() else target


@pytest.fixture(scope="session")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def editions(config):
    """Every edition's data as the build reads it (docs/<year>/, extra.editions)."""
    from overrides.hooks.programme.programme_data import load_editions  # noqa: PLC0415

    return load_editions(ROOT / "docs", config.extra["editions"])


@pytest.fixture(scope="session")
def programme(editions):
    """The current edition: the home page's, the banner's, the Programme tab's."""
    return editions.current


@pytest.fixture(scope="session")
def site(tmp_path_factory, config) -> BuiltSite:
    built = BuiltSite(tmp_path_factory.mktemp("webroot"), config)
    result = mkdocs_build(ROOT, built.dir)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
    return built


MANY_ROOMS = ROOT / "tests" / "fixtures" / "editions" / "2031"


@pytest.fixture(scope="session")
def many_rooms(tmp_path_factory) -> BuiltSite:
    """The site with a third edition beside the real two (tests/fixtures/editions/2031: ten stages,
    a workshop day that uses seven), built strictly once per session."""
    work = tmp_path_factory.mktemp("many-rooms")
    project = work / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(MANY_ROOMS, project / "docs" / MANY_ROOMS.name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.sub(r"(?m)^(    all: \[)", rf"\g<1>{MANY_ROOMS.name}, ", config, count=1)
    assert listed != config
    (project / "mkdocs.yml").write_text(listed, encoding="utf-8")
    built = BuiltSite(work / "webroot", load_config(str(project / "mkdocs.yml")))
    result = mkdocs_build(project, built.dir)
    assert result.returncode == 0, f"the strict build with a ten-stage edition failed:\n{result.stderr}"
    return built


@pytest.fixture(scope="session")
def seed() -> PelicanPost:
    return PelicanPost.read(SEED)


@pytest.fixture(scope="session")
def post_source() -> dict:
    """The article's front matter, as the content team wrote it."""
    text = (ROOT / "docs/blog/posts/machine-learning-pycon.md").read_text(encoding="utf-8")
    return read_front_matter(text)[0]


@pytest.fixture(scope="session")
def author_names(post_source) -> list[str]:
    """The article's authors by name, from docs/blog/.authors.yml."""
    authors = yaml.safe_load((ROOT / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]
    return [authors[author]["name"] for author in post_source["authors"]]


@pytest.fixture(scope="session")
def article(site):
    return site.page(ARTICLE)


@pytest.fixture
def project_copy(tmp_path):
    """A throw-away copy of the sources, for planting faults."""
    copy = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, copy / name)
    for source in [ROOT / "requirements.txt", *ROOT.glob("mkdocs*.yml")]:  # the variants too
        shutil.copy2(source, copy / source.name)
    return copy


@dataclass
class ImportedSite:
    """The site with the real-world fixture posts imported and built."""

    project: Path
    content: Path
    code: int  # the importer's exit code
    report: str  # what it printed on stderr
    built: BuiltSite


@pytest.fixture(scope="session")
def real_import(tmp_path_factory) -> ImportedSite:
    """A copy of the site with IMPORTED_KINDS imported by the command a user
    runs, then built strictly, once per session."""
    work = tmp_path_factory.mktemp("imported")
    project, content = work / "project", work / "content"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    content.mkdir()
    for kind in IMPORTED_KINDS:  # one content folder, as Pelican's: {static}/images/ starts at it
        if (REAL_WORLD / kind).is_dir():
            shutil.copytree(REAL_WORLD / kind, content, dirs_exist_ok=True)
        else:
            shutil.copy(REAL_WORLD / kind, content)
    run = subprocess.run(
        [sys.executable, "-m", "tools.pelican_import", content, "--dest", project / "docs" / "blog",
         "--config", project / "mkdocs.yml", *IMPORT_FIXES],
        cwd=ROOT, capture_output=True, text=True,
    )
    built = BuiltSite(work / "webroot", load_config(str(project / "mkdocs.yml")))
    result = mkdocs_build(project, built.dir)
    assert result.returncode == 0, f"the imported site's strict build failed:\n{run.stderr}\n{result.stderr}"
    return ImportedSite(project, content, run.returncode, run.stderr, built)


@pytest.fixture(scope="module")
def more_posts_site(tmp_path_factory):
    """A copy of the site with a second author, two more posts (one by both
    authors) and conference dates that span two months, built strictly.
    Returns (project, built site dir)."""
    project = tmp_path_factory.mktemp("more-posts") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, project / name)
    # A build variant; its current edition spans two months.
    variant = project / MORE_POSTS_VARIANT
    variant.write_text("INHERIT: mkdocs.yml\n")
    edition = project / "docs" / current_edition()
    facts = edition / "edition.yml"
    facts.write_text(re.sub(r"(?m)^end: .*$", "end: 2021-10-02", re.sub(r"(?m)^start: .*$", "start: 2021-09-30", facts.read_text())))
    for data in edition.glob("*.yml"):  # the 2021 programme is not on those days: none yet
        if data != facts:
            data.unlink()
    with (project / "docs/blog/.authors.yml").open("a", encoding="utf-8") as authors:
        authors.write("  proposals-team:\n    name: Proposals Team\n    description: Reviews the talks\n"
                      "    avatar: assets/images/favicon.svg\n")
    for slug, authors, title in (
        ("call-for-proposals", ["proposals-team"], "Příliš žluťoučký kůň: the call for proposals is open"),
        ("schedule-is-out", ["proposals-team", "pycon-india-content-team"], "The schedule is out"),
    ):
        front = {"date": {"created": datetime(2021, 7, 1, 10, tzinfo=timezone.utc)}, "authors": authors, "categories": ["2021"],
                 "slug": slug, "description": "A post of the test site."}
        (project / f"docs/blog/posts/{slug}.md").write_text(
            f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n# {title}\n\nText.\n", encoding="utf-8")
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir, config_file=variant)
    assert result.returncode == 0, result.stderr
    return project, site_dir


def post_sources(project: Path = ROOT) -> list[tuple[dict, str]]:
    """Each post's front matter and its `# ` title, as its author wrote them."""
    posts = []
    for path in sorted((project / "docs/blog/posts").glob("*.md")):
        front, body = read_front_matter(path.read_text(encoding="utf-8"))
        title = next(line[2:].strip() for line in body.splitlines() if line.startswith("# "))
        posts.append((front, title))
    return posts
