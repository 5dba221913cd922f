"""Shared fixtures: the site is built once per session, strictly, with the
production configuration; tests read the built pages as a reader gets them."""

import os
import shutil
import subprocess
from datetime import datetime, timezone
import sys
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from tests.pelican_seed import PelicanPost

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "pelican" / "machine-learning-pycon.md"
ARTICLE = "blog/2021/machine-learning-pycon/index.html"
BIN = Path(sys.executable).parent


def mkdocs_build(project: Path, site_dir: Path, env: dict | None = None):
    """Run `mkdocs build --strict` as a user would, and return the process."""
    return subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--site-dir", site_dir],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})},
    )


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
def site(tmp_path_factory, config) -> BuiltSite:
    built = BuiltSite(tmp_path_factory.mktemp("webroot"), config)
    result = mkdocs_build(ROOT, built.dir)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
    return built


@pytest.fixture(scope="session")
def seed() -> PelicanPost:
    return PelicanPost.read(SEED)


@pytest.fixture(scope="session")
def post_source() -> dict:
    """The article's front matter, as the content team wrote it."""
    text = (ROOT / "docs/blog/posts/machine-learning-pycon.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


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
    for name in ("mkdocs.yml", "requirements.txt", "docs", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def more_posts_site(tmp_path_factory):
    """A copy of the site with a second author, two more posts (one by both
    authors) and conference dates that span two months, built strictly.
    Returns (project, built site dir)."""
    project = tmp_path_factory.mktemp("more-posts") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, project / name)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (("start: 2021-09-17", "start: 2021-09-30"), ("end: 2021-09-20", "end: 2021-10-02")):
        assert old in config, f"mkdocs.yml no longer says {old!r}"
        config = config.replace(old, new)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
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
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return project, site_dir


def post_sources(project: Path = ROOT) -> list[tuple[dict, str]]:
    """Each post's front matter and its `# ` title, as its author wrote them."""
    posts = []
    for path in sorted((project / "docs/blog/posts").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        title = next(line[2:].strip() for line in body.splitlines() if line.startswith("# "))
        posts.append((yaml.safe_load(front), title))
    return posts
