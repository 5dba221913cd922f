"""The schedule page as a reader gets it: every session of the programme's
data, on its day, at its time in the conference's zone, on its stage, with
its speakers; a link to each day; complete without JavaScript."""

import html
import json
from urllib.parse import urlparse

import pytest

from overrides.hooks.programme.programme_data import anchor, day_anchor, day_phrase, load
from tests.support import ROOT, edition_years



@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    """Each edition in turn: its pages are made alike from its own data."""
    return load(ROOT / "docs", request.param)


def schedule_path(programme) -> str:
    return f"{programme.folder}/schedule/index.html"


@pytest.fixture(scope="module")
def schedule(site, programme):
    return site.page(schedule_path(programme))


def test_the_schedule_has_every_day_in_order_each_linked_from_the_top(schedule, programme):
    days = [day for day, _ in programme.by_day()]
    headings = schedule.select("article h2[id^=day-]")
    assert [h["id"] for h in headings] == [day_anchor(d) for d in days]
    assert [h.get_text().rstrip("¶").split(":")[0] for h in headings] == [day_phrase(d.date) for d in days]
    assert [a["href"] for a in schedule.select("nav.pi-days a[href^='#']")] == [f"#{day_anchor(d)}" for d in days]


def test_every_session_is_on_its_day_at_its_time_on_its_stage_with_its_speakers(schedule, programme):
    for day, sessions in programme.by_day():
        heading = schedule.find(id=day_anchor(day))
        day_block = heading.find_next_sibling("div", class_="pi-day")
        for session in sessions:
            item = schedule.find(id=anchor(session))
            assert item is not None, f"{session.slug} is not on the schedule"
            assert item.find_parent("div", class_="pi-day") is day_block, f"{session.slug} is under another day"
            times = [t["datetime"] for t in item.select(".pi-when time")]
            assert times == [programme.local(session.start).isoformat(), programme.local(session.finish).isoformat()]
            meta = item.select_one(".pi-session__meta").get_text(" ", strip=True)
            assert programme.stage_name(session) in meta
            assert programme.local(session.start).tzname() in meta  # "IST", named
            names = item.select_one(".pi-session__speakers")
            assert (names.get_text() if names else "") == ", ".join(programme.speakers[s].name for s in session.speakers)
            title = item.select_one(".pi-session__title")
            assert title.get_text(strip=True) == session.title


def test_sessions_with_a_page_are_linked_and_breaks_are_not(site, schedule, programme):
    for session in programme.sessions:
        link = schedule.find(id=anchor(session)).select_one(".pi-session__title a")
        if session.has_page:
            page = site.resolve(schedule_path(programme), link["href"])
            assert page.is_file(), f"{link['href']} is not a page"
            assert site.page(str(page.relative_to(site.dir))).h1.get_text(strip=True).rstrip("¶") == session.title
        else:
            assert link is None


def test_each_slot_is_a_heading_a_screen_reader_can_jump_to(schedule, programme):
    for day, sessions in programme.by_day():
        block = schedule.find(id=day_anchor(day)).find_next_sibling("div", class_="pi-day")
        if not sessions:  # a day of the edition with nothing on its schedule (2020's last day of sprints)
            assert block is None
            continue
        slots = [h.time["datetime"] for h in block.select("h3.pi-slot__time")]
        assert slots == sorted({programme.local(s.start).isoformat() for s in sessions}, key=lambda t: t)


def test_the_calendar_of_every_session_is_linked(site, schedule, programme):
    link = schedule.select_one("nav.pi-days a[download]")
    assert site.resolve(schedule_path(programme), link["href"]).name == "schedule.ics"
    assert site.resolve(schedule_path(programme), link["href"]).is_file()


def test_the_schedule_is_complete_without_javascript(schedule, programme):
    """The reader's local times are the only part a script adds: empty and hidden in the page."""
    for local in schedule.select(".pi-local"):
        assert local.has_attr("hidden") and not local.get_text(strip=True)
    assert len(schedule.select(".pi-session")) == len(programme.sessions)


def test_the_programme_pages_are_in_the_menu_the_sitemap_and_search(site, programme):
    nav = [urlparse(a["href"]).path for a in site.page(schedule_path(programme)).select("nav.md-nav--primary a.md-nav__link[href]")]
    for path in ("./", "../speakers/", "../tickets/", "../sponsors/", "../code-of-conduct/", "../faq/"):
        assert path in nav or (path == "./" and "." in nav), f"{path} is not in the menu"
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    for session in programme.with_pages():
        assert f"{programme.folder}/sessions/{session.slug}/" in sitemap
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert f"{programme.folder}/schedule/" in locations
    assert all(f"{programme.folder}/sessions/{s.slug}/" in locations for s in programme.with_pages())
    # A session is found by its own page: the schedule's copies of the titles stay out of the index (its size).
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(f"{programme.folder}/schedule/"))
    assert not any(s.title in texts for s in programme.with_pages())
    titles = {html.unescape(doc["title"]) for doc in index["docs"] if doc["location"].startswith(f"{programme.folder}/sessions/")}
    assert {s.title for s in programme.with_pages()} <= titles
