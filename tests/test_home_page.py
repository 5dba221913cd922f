"""The home page leads where the conference's phase asks: to proposals,
tickets, the schedule, the stream or the recordings; and shows the keynotes."""

import pytest

from overrides.hooks.programme.programme_data import calls_to_action, load
from tests.html import text_of
from tests.support import ROOT, mkdocs_build


@pytest.fixture(scope="module")
def programme(config):
    return load(ROOT / "docs", config.extra["conference"])


def in_phase(programme, phase: str):
    programme.conference = {**programme.conference, "phase": phase}
    return calls_to_action(programme)


@pytest.mark.parametrize("phase, first", [
    ("proposals", "Submit a proposal"), ("tickets", "Buy a ticket"), ("schedule", "See the schedule"),
    ("live", "Join the stream"), ("over", "See the schedule"),
])
def test_each_phase_leads_first_to_what_it_is_for(config, phase, first):
    programme = load(ROOT / "docs", config.extra["conference"])
    assert in_phase(programme, phase)[0][0] == first


def test_proposals_lead_to_the_call_and_live_to_the_stream(config):
    programme = load(ROOT / "docs", config.extra["conference"])
    assert in_phase(programme, "proposals")[0][1] == config.extra["conference"]["proposals"]
    assert in_phase(programme, "live")[0][1] == config.extra["conference"]["stream"]


def test_the_home_page_of_a_conference_that_is_over_leads_to_the_schedule_keynotes_and_recordings(site, programme):
    home = site.page("index.html")
    buttons = home.select(".pi-hero__actions a")
    assert [text_of(a) for a in buttons] == [label for label, _ in calls_to_action(programme)]
    assert "md-button--primary" in buttons[0]["class"]
    assert site.resolve("index.html", buttons[0]["href"]) == site.dir / "programme/schedule/index.html"
    assert "is over" in text_of(home.select_one(".md-banner"))


def test_the_keynote_speakers_are_on_the_home_page(site, programme):
    home = site.page("index.html")
    keynotes = home.select(".pi-keynotes .pi-people > li")
    expected = [programme.speakers[s] for k in programme.keynotes() for s in k.speakers]
    assert [text_of(li.a) for li in keynotes] == [s.name for s in expected]
    for li, speaker in zip(keynotes, expected):
        assert site.resolve("index.html", li.a["href"]) == site.dir / f"programme/speakers/{speaker.id}/index.html"
        if speaker.affiliation:
            assert text_of(li.select_one(".pi-affiliation")) == speaker.affiliation
        assert li.select_one("time[datetime]") is not None


def test_a_live_conference_leads_to_its_stream(project_copy, config):
    """The phase is one line of the conference facts: changed, the home page and the banner follow."""
    mkdocs = project_copy / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    assert "    phase: over\n" in text
    mkdocs.write_text(text.replace("    phase: over\n", "    phase: live\n"), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    home = BeautifulSoup((project_copy / "site" / "index.html").read_text(encoding="utf-8"), "lxml")
    first = home.select_one(".pi-hero__actions a")
    assert (text_of(first), first["href"]) == ("Join the stream", config.extra["conference"]["stream"])
    banner = home.select_one(".md-banner")
    assert "is on now" in text_of(banner) and banner.a["href"] == config.extra["conference"]["stream"]
