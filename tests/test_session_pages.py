"""A session's page as a reader and a machine get it: one heading, when and
where, who, the links, the calendar, its neighbours on its stage, the posts
that link it; an Event for search engines and a share image of its own."""

import json

import pytest

from overrides.hooks.programme.programme_data import anchor, load
from tests.support import ROOT, edition_years


@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    """Each edition in turn: its pages are made alike from its own data."""
    return load(ROOT / "docs", request.param)


def page_of(session, programme) -> str:
    return f"{programme.folder}/sessions/{session.slug}/index.html"


def facts(page) -> dict[str, object]:
    return {div.dt.get_text(strip=True): div.dd for div in page.select("dl.pi-facts > div")}


def test_each_session_has_one_heading_its_time_its_stage_and_its_type(site, programme):
    for session in programme.with_pages():
        page = site.page(page_of(session, programme))
        assert [h.get_text(strip=True).rstrip("¶") for h in page.select("article h1")] == [session.title]
        found = facts(page)
        times = [t["datetime"] for t in found["When"].select(".pi-when time")]
        assert times == [programme.local(session.start).isoformat(), programme.local(session.finish).isoformat()]
        when = found["When"].get_text(" ", strip=True)
        assert f"{programme.local(session.start):%B} {programme.local(session.start).year}" in when  # the date, in full
        assert programme.stage_name(session) in found["Where"].get_text()
        assert programme.conference["name"] in found["Where"].get_text()  # which edition: a search may lead to any
        assert found["Type"].get_text(strip=True).lower().startswith(session.type.replace("-", " "))


def test_speakers_are_linked_to_their_pages(site, programme):
    for session in programme.with_pages():
        if not session.speakers:
            continue
        links = facts(site.page(page_of(session, programme)))["Speakers" if len(session.speakers) > 1 else "Speaker"].select("a")
        assert [a.get_text() for a in links] == [programme.speakers[s].name for s in session.speakers]
        for a, speaker in zip(links, session.speakers):
            target = site.resolve(page_of(session, programme), a["href"])
            assert target == site.dir / programme.folder / "speakers" / speaker / "index.html"


def test_the_proposal_and_the_place_in_the_schedule_are_linked(site, programme):
    for session in programme.with_pages():
        page = site.page(page_of(session, programme))
        hrefs = [a["href"] for a in facts(page)["Where"].select("a")]
        assert hrefs and hrefs[0].endswith(f"#{anchor(session)}")
        assert site.resolve(page_of(session, programme), hrefs[0]) == site.dir / programme.folder / "schedule" / "index.html"
        links = facts(page).get("Links")
        expected = [url for url in (session.links.proposal, session.links.slides, session.links.recording,
                                    session.links.announcement) if url] + [link.url for link in session.links.other]
        assert ([a["href"] for a in links.select("a")] if links else []) == expected


def test_add_to_calendar_downloads_the_sessions_own_calendar(site, programme):
    for session in programme.with_pages():
        button = site.page(page_of(session, programme)).select_one(".pi-calendar a.md-button--primary")
        target = site.resolve(page_of(session, programme), button["href"])
        assert button.has_attr("download") and target == site.dir / programme.folder / "sessions" / f"{session.slug}.ics"
        assert target.is_file()


def test_the_sessions_before_and_after_on_its_stage_are_linked(site, programme):
    for session in programme.with_pages():
        on_stage = [s for s in programme.with_pages()
                    if (s.stage == session.stage or s.all_stages or session.all_stages)
                    and (not session.all_stages or programme.day_of(s) == programme.day_of(session))]
        index = on_stage.index(session)
        expected = [s.slug for s in (on_stage[index - 1] if index else None,
                                     on_stage[index + 1] if index + 1 < len(on_stage) else None) if s]
        links = [site.resolve(page_of(session, programme), a["href"])
                 for a in site.page(page_of(session, programme)).select("ul.pi-neighbours > li:not(.pi-same-time) a")]
        assert [p.parent.name for p in links if p.parent.parent.name == "sessions"] == expected


def test_what_runs_at_the_same_time_on_the_other_stages_is_listed_with_its_stage(site, programme):
    """Between the sessions before and after it: each session with a page that overlaps it on another stage."""
    found_some = False
    for session in programme.with_pages():
        expected = [s for s in programme.with_pages() if s.stage not in (session.stage, "all") and not session.all_stages
                    and s.start < session.finish and session.start < s.finish]
        items = site.page(page_of(session, programme)).select("ul.pi-neighbours > li.pi-same-time")
        assert [site.resolve(page_of(session, programme), li.a["href"]).parent.name for li in items] == [s.slug for s in expected]
        for li, other in zip(items, expected):
            assert li.get_text(" ", strip=True).startswith(f"At the same time, on {programme.stage_name(other)}: {other.title}")
        found_some |= bool(items)
    assert found_some


def test_a_session_page_is_an_event_for_search_engines(site, programme):
    for session in programme.with_pages():
        data = json.loads(site.page(page_of(session, programme)).select_one("script[type='application/ld+json']").string)
        assert data["@type"] == "Event"
        assert data["name"] == session.title
        assert data["startDate"] == programme.local(session.start).isoformat()
        assert data["endDate"] == programme.local(session.finish).isoformat()
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert [p["name"] for p in data.get("performer", [])] == [programme.speakers[s].name for s in session.speakers]
        assert data["url"] == site.config.site_url + f"{programme.folder}/sessions/{session.slug}/"


def test_a_session_has_its_own_share_image(site, programme):
    for session in programme.with_pages():
        image = site.page(page_of(session, programme)).select_one("meta[property='og:image']")["content"]
        assert image == site.config.site_url + f"{programme.folder}/sessions/{session.slug}/share.png"
        assert (site.dir / programme.folder / "sessions" / session.slug / "share.png").is_file()


def test_a_session_page_lists_the_posts_that_link_it(site, programme, seed):
    proposals = {s.links.proposal: s for s in programme.sessions if s.links.proposal}
    linked = [proposals[url] for _, url in seed.links() if url in proposals]
    assert linked, "the seed article links no session of the schedule"
    for session in linked:
        posts = site.page(page_of(session, programme)).select("ul.pi-posts a")
        assert [site.resolve(page_of(session, programme), a["href"]) for a in posts] == [site.dir / "blog/2021/machine-learning-pycon/index.html"]
    unlinked = [s for s in programme.with_pages() if s not in linked and not s.links.announcement]
    assert all(not site.page(page_of(s, programme)).select("ul.pi-posts") for s in unlinked)
