"""The home page is the current edition's: it leads where the edition's phase
asks (to proposals, tickets, the schedule, the stream or the recordings),
shows its keynotes, and lists the past editions; each edition has a home of
its own."""

import pytest
import yaml

from overrides.hooks.programme.programme_data import calls_to_action, load
from tests.html import text_of
from tests.support import EDITION, ROOT, mkdocs_build


def in_phase(programme, phase: str):
    programme.conference = {**programme.conference, "phase": phase}
    return calls_to_action(programme)


def facts(project=ROOT, year=EDITION) -> dict:
    return yaml.safe_load((project / "docs" / str(year) / "edition.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("phase, first", [
    ("proposals", "Submit a proposal"), ("tickets", "Buy a ticket"), ("schedule", "See the schedule"),
    ("live", "Join the stream"), ("over", "See the schedule"),
])
def test_each_phase_leads_first_to_what_it_is_for(phase, first):
    programme = load(ROOT / "docs", int(EDITION))
    assert in_phase(programme, phase)[0][0] == first


def test_proposals_lead_to_the_call_and_live_to_the_stream():
    programme = load(ROOT / "docs", int(EDITION))
    assert in_phase(programme, "proposals")[0][1] == facts()["links"]["proposals"]
    assert in_phase(programme, "live")[0][1] == facts()["links"]["stream"]


def test_the_home_page_of_a_conference_that_is_over_leads_to_the_schedule_keynotes_and_recordings(site, programme):
    home = site.page("index.html")
    buttons = home.select(".pi-hero__actions a")
    assert [text_of(a) for a in buttons] == [label for label, _ in calls_to_action(programme)]
    assert "md-button--primary" in buttons[0]["class"]
    assert site.resolve("index.html", buttons[0]["href"]) == site.dir / f"{EDITION}/schedule/index.html"
    assert "is over" in text_of(home.select_one(".md-banner"))


def test_the_keynote_speakers_are_on_the_home_page(site, programme):
    home = site.page("index.html")
    keynotes = home.select(".pi-keynotes .pi-people > li")
    expected = [programme.speakers[s] for k in programme.keynotes() for s in k.speakers]
    assert [text_of(li.a) for li in keynotes] == [s.name for s in expected]
    for li, speaker in zip(keynotes, expected):
        assert site.resolve("index.html", li.a["href"]) == site.dir / f"{EDITION}/speakers/{speaker.id}/index.html"
        if speaker.affiliation:
            assert text_of(li.select_one(".pi-affiliation")) == speaker.affiliation
        assert li.select_one("time[datetime]") is not None


def test_a_live_conference_leads_to_its_stream(project_copy):
    """The phase is one line of the edition's facts: changed, the home page and the banner follow."""
    edition = project_copy / "docs" / EDITION / "edition.yml"
    text = edition.read_text(encoding="utf-8")
    assert "\nphase: over\n" in text
    edition.write_text(text.replace("\nphase: over\n", "\nphase: live\n"), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    home = BeautifulSoup((project_copy / "site" / "index.html").read_text(encoding="utf-8"), "lxml")
    first = home.select_one(".pi-hero__actions a")
    stream = facts(project_copy)["links"]["stream"]
    assert (text_of(first), first["href"]) == ("Join the stream", stream)
    banner = home.select_one(".md-banner")
    assert "is on now" in text_of(banner) and banner.a["href"] == stream
    # The past editions are over whatever the current one does: their homes still lead to their schedules.
    for past in (project_copy / "site").glob("[0-9][0-9][0-9][0-9]/index.html"):
        if past.parent.name != EDITION:
            page = BeautifulSoup(past.read_text(encoding="utf-8"), "lxml")
            assert text_of(page.select_one(".pi-hero__actions a")) == "See the schedule"


def test_the_home_page_lists_every_past_edition_with_its_schedule_keynotes_and_recordings(site, editions):
    home = site.page("index.html")
    assert text_of(home.select_one(".pi-editions h2")) == "Past editions"
    items = home.select(".pi-editions li")
    assert [text_of(li.a) for li in items] == [p.conference["name"] for p in editions.past]
    for li, past in zip(items, editions.past):
        hrefs = [site.resolve("index.html", a["href"]) for a in li.select("a")]
        year = site.dir / str(past.year)
        expected = [year / "index.html", year / "schedule/index.html"]
        expected += [year / "speakers/index.html"] if past.keynotes() else []
        expected += [year / "recordings/index.html"] if any(s.recordings for s in past.sessions) else []
        assert hrefs == expected
        assert all(path.is_file() for path in hrefs)


def test_each_edition_has_its_own_home_with_its_own_facts(site, editions):
    for programme in editions.all:
        home = site.page(f"{programme.year}/index.html")
        assert text_of(home.select_one("h1")) == programme.conference["name"]
        when = home.select(".pi-hero__when time")
        assert when[0]["datetime"] == programme.facts.start.isoformat() and when[-1]["datetime"] == programme.facts.end.isoformat()
        actions = home.select(".pi-hero__actions a")
        assert [text_of(a) for a in actions] == [label for label, _ in calls_to_action(programme)]
        assert site.resolve(f"{programme.year}/index.html", actions[0]["href"]) == site.dir / f"{programme.year}/schedule/index.html"
        keynotes = [text_of(li.a) for li in home.select(".pi-keynotes .pi-people > li")]
        assert keynotes == [programme.speakers[s].name for k in programme.keynotes() for s in k.speakers]
        assert home.select_one(".pi-editions") is None  # the list of editions is the site's home's


def test_the_banner_speaks_of_the_current_edition_only(site, editions):
    for path in ("index.html", *(f"{p.year}/schedule/index.html" for p in editions.all)):
        banner = text_of(site.page(path).select_one(".md-banner"))
        assert editions.current.conference["name"] in banner
        assert not any(p.conference["name"] in banner for p in editions.past)
