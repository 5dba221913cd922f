"""The programme's other pages: speakers, tickets, sponsors and partners,
the code of conduct and the FAQ, as a reader gets them."""

import pytest

from overrides.hooks.programme.programme_data import load, price
from tests.html import text_of
from tests.support import ROOT, edition_years


@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    """Each edition in turn: its pages are made alike from its own data."""
    return load(ROOT / "docs", request.param)


def test_each_speaker_has_a_page_with_their_sessions(site, programme):
    for speaker in programme.speakers.values():
        path = f"{programme.folder}/speakers/{speaker.id}/index.html"
        page = site.page(path)
        assert [text_of(h) for h in page.select("article h1")] == [speaker.name]
        linked = [site.resolve(path, li.a["href"]) for li in page.select("ul.pi-sessions > li") if li.a]
        expected = [site.dir / f"{programme.folder}/sessions/{s.slug}/index.html" for s in programme.sessions_of(speaker.id) if s.has_page]
        assert linked == expected
        if speaker.affiliation:
            assert text_of(page.select_one(".pi-speaker .pi-affiliation")) == speaker.affiliation


def test_the_speakers_page_names_the_keynote_speakers_first_then_everyone(site, programme):
    page = site.page(f"{programme.folder}/speakers/index.html")
    keynotes = [text_of(li.a) for li in page.select(".pi-people--keynotes > li")]
    assert keynotes == [programme.speakers[s].name for k in programme.keynotes() for s in k.speakers]
    everyone = [text_of(li.a) for li in page.select(".pi-people--all > li")]
    assert everyone == sorted(s.name for s in programme.speakers.values())


def test_tickets_show_their_price_and_which_are_sold_out(site, programme):
    page = site.page(f"{programme.folder}/tickets/index.html")
    shown = page.select("li.pi-ticket")
    assert [text_of(t.h2) for t in shown] == [t.name for t in programme.tickets]
    for item, ticket in zip(shown, programme.tickets):
        assert text_of(item.select_one(".pi-ticket__price")) == price(ticket)
        sold_out = item.select_one(".pi-ticket__status")
        assert (sold_out is not None and text_of(sold_out) == "Sold out") == (ticket.status == "sold-out")
        assert (item.select_one("a.md-button") is not None) == (ticket.status == "on-sale" and ticket.link is not None)


def test_sponsors_by_tier_and_the_community_partners_by_name(site, programme):
    page = site.page(f"{programme.folder}/sponsors/index.html")
    for tier in programme.tiers:
        heading = page.find("h2", id=tier.id)
        names = [text_of(li) for li in heading.find_next_sibling("ul").select("li")]
        assert names == [s.name for s in programme.sponsors if s.tier == tier.id]
    partners = page.find("h2", id="community-partners").find_next_sibling("ul")
    assert [text_of(li) for li in partners.select("li")] == [p.name for p in programme.partners]
    assert not page.select("article img")  # no logo until the team adds the files


def test_the_code_of_conduct_says_how_to_report(site, programme):
    page = site.page(f"{programme.folder}/code-of-conduct/index.html")
    assert "mailto:report@in.pycon.org" in [a["href"] for a in page.select("article a")]
    assert "How to report" in [text_of(h) for h in page.select("article h2")]


def test_pages_the_team_must_still_write_say_so(site, programme):
    for path in (f"{programme.folder}/code-of-conduct/index.html", f"{programme.folder}/faq/index.html"):
        note = site.page(path).select_one("article .admonition.note")
        assert note is not None and "For the team to write" in text_of(note.select_one(".admonition-title"))


def test_the_recordings_page_links_every_recording_by_day(site, programme):
    page = site.page(f"{programme.folder}/recordings/index.html")
    linked = [a["href"] for a in page.select("article ul.pi-sessions a") if not a["href"].startswith(("..", "."))]
    expected = [url for _, sessions in programme.by_day() for s in sessions for _, url in s.recordings]
    assert expected, "no session has a recording"
    assert linked == expected


def test_every_page_of_the_edition_has_its_title_and_its_own_description(site, programme):
    """Hand-written or made from the data: the window's title is the page's heading with its edition, and the
    description is the page's own (a front matter YAML cannot read falls back to the site's, silently)."""
    generic = site.page("index.html").find("meta", attrs={"name": "description"})["content"]
    for path in sorted((site.dir / programme.folder).rglob("index.html")):
        page = site.page(path.relative_to(site.dir).as_posix())
        heading = text_of(page.select_one("article h1, .pi-hero h1"))
        assert page.title.string.startswith(heading), path
        assert page.find("meta", attrs={"name": "description"})["content"] != generic, path
