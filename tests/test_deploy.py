"""`make deploy` publishes to the gh-pages branch of origin, for real, against
a local bare repository; a failed build publishes nothing."""

import os
import subprocess

import pytest

from tests.support import ARTICLE, ROOT, VENV

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_ENV}).stdout


def deploy(project):
    return subprocess.run(["make", "deploy", f"VENV={VENV}"], cwd=project, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV})


def published(origin) -> set[str]:
    return set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=origin).split())


@pytest.fixture
def repo(project_copy, tmp_path):
    """The project in a git repository whose origin is a local bare repository."""
    (project_copy / "Makefile").write_text((ROOT / "Makefile").read_text())
    (project_copy / "docs/CNAME").write_text("pycon.example.org\n")
    origin = tmp_path / "origin.git"
    git("init", "--bare", "--quiet", "-b", "main", str(origin), cwd=tmp_path)
    git("init", "--quiet", "-b", "main", cwd=project_copy)
    git("add", ".", cwd=project_copy)
    git("commit", "--quiet", "-m", "site", cwd=project_copy)
    git("remote", "add", "origin", str(origin), cwd=project_copy)
    return project_copy, origin


def test_deploy_publishes_the_site_and_updates_it(repo):
    project, origin = repo
    first = deploy(project)
    assert first.returncode == 0, first.stderr
    files = published(origin)
    for name in ("index.html", ".nojekyll", "404.html", "CNAME", ARTICLE,
                 "blog/2021/machine-learning-pycon.html", "feed_rss_created.xml", "feed_json_created.json"):
        assert name in files, f"gh-pages lacks {name}"

    home = project / "docs/index.md"
    home.write_text(home.read_text() + "\nTickets are sold out.\n")
    git("commit", "--quiet", "-am", "news", cwd=project)
    second = deploy(project)
    assert second.returncode == 0, second.stderr
    assert "Tickets are sold out." in git("show", "gh-pages:index.html", cwd=origin)
    assert git("show", "gh-pages:CNAME", cwd=origin) == "pycon.example.org\n"
    assert len(git("rev-list", "gh-pages", cwd=origin).split()) == 2


def test_failed_build_publishes_nothing(repo):
    project, origin = repo
    assert deploy(project).returncode == 0
    before = git("rev-parse", "gh-pages", cwd=origin)
    post = project / "docs/blog/posts/machine-learning-pycon.md"
    post.write_text(post.read_text().replace("ai-ml-relations.svg", "missing-figure.svg"))
    git("commit", "--quiet", "-am", "break the figure", cwd=project)
    failed = deploy(project)
    assert failed.returncode != 0
    assert "missing-figure.svg" in failed.stderr
    assert git("rev-parse", "gh-pages", cwd=origin) == before
