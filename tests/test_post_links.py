"""The blog and the programme know each other: a post's link to a session's
proposal is followed by the way to its page here; an announcement post
links its session and speakers; the session lists the posts."""

import shutil

import pytest
from bs4 import BeautifulSoup

from overrides.hooks.programme.programme_data import proposal_key
from tests.html import text_of
from tests.support import ARTICLE, ROOT, mkdocs_build

ANNOUNCEMENT = ROOT / "tests" / "fixtures" / "programme" / "keynote-announcement.md"


def test_each_link_to_a_scheduled_proposal_is_followed_by_its_session_in_its_own_edition(site, article, editions, seed):
    """One blog for every edition: a 2020 proposal leads to 2020's session, a 2021 one to 2021's."""
    proposals = {key: (p, s) for p in editions.all for key, s in p.by_proposal().items()}
    for link in article.select("article.md-content__inner a[href^='https://in.pycon.org/cfp/']"):
        edition, session = proposals.get(proposal_key(link["href"]), (None, None))
        added = link.find_next_sibling("span", class_="pi-on-schedule")
        if session is None:
            assert added is None, f"{link['href']} is not on any edition's schedule, but got a session link"
            continue
        target = site.resolve(ARTICLE, added.a["href"])
        assert target == site.dir / f"{edition.folder}/sessions/{session.slug}/index.html"
        assert edition.stage_name(session) in text_of(added)
    scheduled = [href for _, href in seed.links() if proposal_key(href) in proposals]
    assert len(article.select(".pi-on-schedule")) == len(scheduled)
    assert len({proposals[proposal_key(href)][0].year for href in scheduled}) > 1, "the article links sessions of one edition only"


@pytest.fixture(scope="module")
def with_announcement(tmp_path_factory):
    project = tmp_path_factory.mktemp("announcement") / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy2(ANNOUNCEMENT, project / "docs" / "blog" / "posts" / ANNOUNCEMENT.name)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site_dir, path):
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "lxml")


def test_an_announcement_post_links_its_session_and_speakers(with_announcement, programme, config):
    keynote = next(s for s in programme.keynotes()
                   if s.links.announcement and s.links.announcement.endswith("keynote-announcement-alolita-sharma.html"))
    post = read(with_announcement, "blog/2021/keynote-announcement-alolita-sharma/index.html")
    aside = post.select_one("aside.pi-on-programme")
    assert aside is not None
    links = [a["href"] for a in aside.select("a")]
    assert links[0] == f"../../../{programme.folder}/sessions/{keynote.slug}/"
    assert links[1:] == [f"../../../{programme.folder}/speakers/{s}/" for s in keynote.speakers]
    session = read(with_announcement, f"{programme.folder}/sessions/{keynote.slug}/index.html")
    assert [a["href"] for a in session.select("ul.pi-posts a")] == ["../../../blog/2021/keynote-announcement-alolita-sharma/"]
    assert "In the blog" in [text_of(a) for a in session.select(".md-nav--secondary a")]


def test_a_post_that_announces_nothing_gets_no_note(article):
    assert article.select("aside.pi-on-programme") == []
