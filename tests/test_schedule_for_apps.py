"""The schedule as attendees' apps load it (Giggity, ConfClerk, EventFahrplan):
`<year>/schedule.json` and `<year>/schedule.xml`, checked against c3voc's JSON
schema and XSD, every session in them as the data has it, each event's guid
tied to its calendar UID; linked from the schedule page with a QR code of the
address; and imported back by the command a team runs without a byte changed."""

import json
import subprocess
import sys
import uuid
from datetime import timedelta

import jsonschema
import pytest
import segno
from icalendar import Calendar
from lxml import etree

from overrides.hooks.programme.programme_data import load
from tests.support import ROOT, edition_years

SCHEMAS = ROOT / "tools" / "programme_import" / "schemas"


@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    """Each edition in turn: its exports are made alike from its own data."""
    return load(ROOT / "docs", request.param)


@pytest.fixture(scope="module")
def exported(site, programme) -> dict:
    return json.loads((site.dir / programme.folder / "schedule.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported_xml(site, programme):
    return etree.parse(str(site.dir / programme.folder / "schedule.xml"))


def json_events(data: dict) -> dict[str, tuple[str, dict]]:
    """guid -> (room, event) of a schedule.json."""
    return {event["guid"]: (room, event) for day in data["schedule"]["conference"]["days"]
            for room, items in day["rooms"].items() for event in items}


def test_schedule_json_is_a_schedule_c3vocs_schema_accepts(exported):
    schema = json.loads((SCHEMAS / "c3voc-schedule.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(exported)] == []


def test_schedule_xml_is_a_schedule_c3vocs_xsd_accepts(exported_xml):
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "c3voc-schedule.xml.xsd")))
    assert xsd.validate(exported_xml), [str(error) for error in xsd.error_log]


def test_every_session_is_an_event_at_its_time_on_its_stage_with_its_speakers(exported, exported_xml, programme):
    events = json_events(exported)
    assert len(events) == len(programme.sessions)
    xml_events = {e.get("guid"): e for e in exported_xml.iter("event")}
    assert set(xml_events) == set(events)
    for session in programme.sessions:
        room, event = events[programme.event_guid(session)]
        assert event["title"] == session.title and event["slug"] == session.slug and event["type"] == session.type
        assert event["date"] == programme.local(session.start).isoformat() and room == event["room"] == programme.stage_name(session)
        hours, minutes = map(int, event["duration"].split(":"))
        assert session.start + timedelta(hours=hours, minutes=minutes) == session.finish
        assert [p["name"] for p in event["persons"]] == [programme.speakers[s].name for s in session.speakers]
        xml = xml_events[event["guid"]]
        assert xml.findtext("title") == session.title and xml.findtext("date") == event["date"]
        assert xml.getparent().get("name") == room and int(xml.get("id")) == event["id"]
        assert [p.text for p in xml.iter("person")] == [programme.speakers[s].name for s in session.speakers]
        # ConfClerk leaves out a person without an id, and shows <links> but not <url>.
        assert all(p.get("id", "").isdigit() for p in xml.iter("person"))
        assert event["origin_url"] in [link.get("href") for link in xml.iter("link")]


def test_each_events_guid_is_made_from_the_uid_its_calendar_event_has(site, exported, programme):
    """An app and a calendar name a session alike: the guid is a UUID5 of the UID the .ics publishes,
    which does not follow the site's address (test_calendar.py), so neither does the guid."""
    published = {str(e["url"]): str(e["uid"]) for e in Calendar.from_ical((site.dir / programme.calendar_uri()).read_bytes()).walk("VEVENT")}
    events = json_events(exported)
    assert len({event["id"] for _, event in events.values()}) == len(events)  # ConfClerk keys events by id
    for guid, (_, event) in events.items():
        if event["type"] == "break":  # no calendar event
            continue
        uid = published[event["origin_url"]]
        assert guid == str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:calendar-uid:{uid}"))


def test_the_schedule_page_links_the_exports_with_a_qr_code_of_the_address(site, programme, config):
    path = f"{programme.folder}/schedule/index.html"
    page = site.page(path)
    heading = page.select_one("h3#use-the-schedule-in-your-app")
    assert heading and heading.get_text(strip=True) == "Use the schedule in your app"
    section = heading.find_next_sibling("div", class_="pi-app")
    address = config.site_url + f"{programme.folder}/schedule.xml"
    field = section.select_one("input")
    assert field["value"] == address and section.select_one(f"label[for={field['id']}]")
    assert {site.resolve(path, a["href"]) for a in section.select("a")} == {site.dir / programme.folder / "schedule.xml",
                                                                           site.dir / programme.folder / "schedule.json"}
    qr = section.select_one("svg")
    assert qr["role"] == "img" and address in qr["aria-label"]
    # The code's modules are those of the address (segno draws both: the same matrix, the same path).
    expected = segno.make(address, error="m").svg_inline(scale=1, border=2, omitsize=True, lineclass=None)
    drawn = [p["d"] for p in qr.select("path") if p.get("stroke") == "#000"]
    assert drawn and drawn[0] in expected


def test_importing_the_sites_own_schedule_json_changes_nothing(site, programme, project_copy):
    """The command a team runs, on the site's own export of each edition: every file of the edition keeps
    its bytes (the sessions' uids, so their calendar events; the days' names; the speakers' affiliations)."""
    (project_copy / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    folder = project_copy / "docs" / programme.folder
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    run = subprocess.run([sys.executable, "-m", "tools.programme_import", str(site.dir / programme.folder / "schedule.json"), "--fix",
                          "--config", str(project_copy / "mkdocs.yml")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "0 file(s) changed" in run.stderr
    assert {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()} == before
