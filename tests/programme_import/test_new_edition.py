"""Starting an edition: a PyCon-like pretalx export (tests/fixtures/frab/next-edition.json, ten rooms, the
first day using seven, texts with \\r\\n and links without their scheme) brought into a copy of the site,
which has only the editions of extra.editions until then."""

import json
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from overrides.hooks.programme.programme_data import EDITION_FILE, load
from tests.programme_import.conftest import NEXT_EDITION, edition_dir, export_data, run_import, schedule, site_files, texts_of
from tests.support import mkdocs_build
from tools.markdown_links import check

CONFERENCE = export_data(NEXT_EDITION)["schedule"]["conference"]
YEAR = date.fromisoformat(CONFERENCE["start"]).year


def editions(project) -> dict:
    with (project / "mkdocs.yml").open(encoding="utf-8") as config:
        return yaml_load(config)["extra"]["editions"]


@pytest.fixture
def started(project_copy):
    """The site with the export imported as the import a team runs, and every byte of the site from before."""
    before = site_files(project_copy)
    run = run_import(project_copy, NEXT_EDITION, "--fix")
    assert run.returncode == 0, run.stderr
    return project_copy, before, run


def test_a_new_edition_takes_what_the_export_knows_and_leaves_the_rest_marked_for_the_team(started):
    project, before, _ = started
    folder = edition_dir(project, YEAR)
    text = (folder / EDITION_FILE).read_text(encoding="utf-8")
    facts = yaml.safe_load(text)
    assert (facts["name"], facts["start"], facts["end"], facts["timezone"]) == (
        CONFERENCE["title"], date.fromisoformat(CONFERENCE["start"]), date.fromisoformat(CONFERENCE["end"]), CONFERENCE["time_zone_name"])
    # What an export cannot know starts empty, under a comment saying what to write; nothing from another edition.
    assert facts["mode"] is None and facts["venue"] is None and set(facts["links"].values()) == {None}
    for field in ("mode", "venue", "links"):
        comment = text.split(f"\n{field}:")[0].rsplit("\n", 1)[-1]
        assert comment.startswith("# For the team to write"), field
    for page in ("code-of-conduct.md", "faq.md"):
        assert '!!! note "For the team to write"' in (folder / page).read_text(encoding="utf-8")
    assert yaml.safe_load((folder / "sponsors.yml").read_text()) == {"tiers": [], "sponsors": [], "partners": []}
    assert yaml.safe_load((folder / "tickets.yml").read_text()) == {"tickets": []}
    # Its year is listed, newest first, in a one-line edit of mkdocs.yml; the current edition stays current.
    was = yaml_load(before["mkdocs.yml"].decode())["extra"]["editions"]
    assert editions(project) == {"current": was["current"], "all": sorted([*was["all"], YEAR], reverse=True)}
    changed = [(a, b) for a, b in zip(before["mkdocs.yml"].decode().splitlines(), (project / "mkdocs.yml").read_text().splitlines()) if a != b]
    assert len(changed) == 1 and "all:" in changed[0][1]
    assert load(project / "docs", YEAR).facts.phase == "schedule"


def test_ten_rooms_are_ten_stages_and_the_first_day_uses_seven(started):
    project, _, _ = started
    rooms = [room["name"] for room in CONFERENCE["rooms"]]
    first_day = CONFERENCE["days"][0]["rooms"]
    used = [room for room in rooms if first_day.get(room)]
    assert len(rooms) == 10 and len(used) == 7
    programme = load(project / "docs", YEAR)
    assert [stage.name for stage in programme.stages.values()] == rooms
    day, sessions = programme.by_day()[0]
    assert day.date == date.fromisoformat(CONFERENCE["days"][0]["date"])
    assert sorted({programme.stages[s.stage].name for s in sessions}, key=rooms.index) == used


def test_other_editions_and_the_rest_of_the_site_are_unchanged_byte_for_byte(started):
    project, before, _ = started
    after = site_files(project, but=YEAR)
    assert after.pop("mkdocs.yml") != before.pop("mkdocs.yml")  # its list of editions, checked above
    assert after == {name: data for name, data in before.items() if not name.startswith(f"docs/{YEAR}/")}
    assert any(name.startswith("docs/2021/") for name in after)


def test_a_second_import_of_the_same_export_changes_no_byte(started):
    project, _, _ = started
    once = site_files(project)
    again = run_import(project, NEXT_EDITION, "--fix")
    assert again.returncode == 0 and "0 file(s) changed" in again.stderr, again.stderr
    assert site_files(project) == once


def test_remove_missing_removes_only_that_editions_sessions(started, tmp_path):
    project, _, _ = started
    data = export_data(NEXT_EDITION)
    gone = data["schedule"]["conference"]["days"][1]["rooms"]["Track 2"].pop()
    source = tmp_path / "schedule.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    others = site_files(project, but=YEAR)
    run = run_import(project, source, "--fix", "--remove-missing")
    assert gone["guid"] not in {s.get("uid") for s in schedule(project, YEAR)["sessions"]}, run.stderr
    assert site_files(project, but=YEAR) == others


def test_windows_line_endings_are_gone_from_what_is_written(started):
    project, _, _ = started
    crlf = [text for _, _, _, text in texts_of(export_data(NEXT_EDITION)) if "\r\n" in text]
    assert crlf
    for name in ("schedule.yml", "speakers.yml"):
        written = (edition_dir(project, YEAR) / name).read_bytes()
        assert b"\r" not in written and b"\\r" not in written, name


def test_without_fix_a_link_without_its_scheme_is_refused_naming_entry_and_field(project_copy):
    before = site_files(project_copy)
    run = run_import(project_copy, NEXT_EDITION)
    assert run.returncode == 1
    assert "Nothing written" in run.stderr
    assert ("next-edition.json: $.schedule.conference.days[0].rooms['Track 1'][0] (pycon-india-2031-st7abc-steel-design-in-python)"
            ".abstract: link 'osdag.fossee.in' has no scheme: https://osdag.fossee.in (--fix does it)") in run.stderr
    assert site_files(project_copy) == before  # no folder, no year in mkdocs.yml


def test_current_makes_the_new_edition_the_current_one(project_copy):
    run = run_import(project_copy, NEXT_EDITION, "--fix", "--current")
    assert run.returncode == 0, run.stderr
    assert editions(project_copy)["current"] == YEAR


def test_the_strict_build_accepts_the_new_edition_its_first_day_on_seven_stages_its_links_mended(started, tmp_path):
    project, _, _ = started
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    # The first day's grid has the seven stages it uses, of the ten.
    grid = BeautifulSoup((tmp_path / "site" / str(YEAR) / "schedule" / "index.html").read_text(encoding="utf-8"), "lxml")
    first_day = CONFERENCE["days"][0]["rooms"]
    heads = [head.get_text() for head in grid.select(".pi-day")[0].select(".pi-stage-heads span")]
    assert heads == [room["name"] for room in CONFERENCE["rooms"] if first_day.get(room["name"])] and len(heads) == 7
    for _, event, field, text in texts_of(export_data(NEXT_EDITION)):
        if field == "abstract" and "](" in text:
            target = text.split("](", 1)[1].split(")", 1)[0]
            slug = next(s["slug"] for s in schedule(project, YEAR)["sessions"] if s.get("uid") == event["guid"])
            page = BeautifulSoup((tmp_path / "site" / str(YEAR) / "sessions" / slug / "index.html").read_text(encoding="utf-8"), "lxml")
            assert check(target).fixed in {a["href"] for a in page.find_all("a", href=True)}
