"""An edition with many rooms (tests/fixtures/editions/2031: three tracks and
seven workshop rooms): each day shows the stages it uses, and a day with more
stages than a wide screen holds side by side is a region of its own that
scrolls sideways and that a keyboard can reach."""

import yaml

from overrides.hooks.programme.programme_data import day_anchor, load
from tests.conftest import MANY_ROOMS
from tests.html import text_of


def test_each_day_shows_only_the_stages_it_uses(many_rooms):
    programme = load(MANY_ROOMS.parent, int(MANY_ROOMS.name))
    page = many_rooms.page(f"{programme.folder}/schedule/index.html")
    for day, sessions in programme.by_day():
        block = page.find(id=day_anchor(day)).find_next_sibling("div", class_="pi-day")
        used = [s.name for s in programme.stages.values() if any(x.stage == s.id for x in sessions)]
        if not sessions:
            assert block is None
            continue
        assert [text_of(span) for span in block.select(".pi-stage-heads span")] == used
        assert block["style"].replace(" ", "") == f"--pi-stages:{max(len(used), 1)}"  # as minified
        wide = len(used) > 4
        assert (block.get("role"), block.get("tabindex")) == (("region", "0") if wide else (None, None))
        if wide:
            assert block["aria-label"].endswith(f"{len(used)} stages side by side")


def test_a_session_stands_in_its_stages_column_of_its_day(many_rooms):
    programme = load(MANY_ROOMS.parent, int(MANY_ROOMS.name))
    page = many_rooms.page(f"{programme.folder}/schedule/index.html")
    for day, sessions in programme.by_day():
        used = [s.id for s in programme.stages.values() if any(x.stage == s.id for x in sessions)]
        for session in sessions:
            item = page.find(id=f"session-{session.slug}")
            column = "1 / -1" if session.all_stages else str(used.index(session.stage) + 1)
            assert item["style"].replace(" ", "") == f"--pi-column:{column}".replace(" ", "")  # as minified


def test_the_other_editions_are_unchanged_by_a_third(many_rooms, site, editions):
    """Adding an edition changes no page of the others but where every page lists the editions."""
    for programme in editions.all:
        for path in (site.dir / programme.folder).rglob("*.ics"):
            assert (many_rooms.dir / path.relative_to(site.dir)).read_bytes() == path.read_bytes()
    others = many_rooms.page("index.html").select_one(".pi-editions")
    assert text_of(others.h2) == "Other editions"  # not "Past": it is newer than the current edition
    assert text_of(others.li.a) == yaml.safe_load((MANY_ROOMS / "edition.yml").read_text())["name"]
