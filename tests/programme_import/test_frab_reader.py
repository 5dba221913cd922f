"""The frab / pretalx reader, as plain functions: what each part of a schedule.json becomes."""

import json

import pytest
from slugify import slugify

from tests.programme_import.conftest import EXPORT, FRAB, NEXT_EDITION, events, export_data, minutes, start_of, texts_of
from tests.support import ROOT
from tools.markdown_links import check
from tools.programme_import import frab, hugo
from tools.programme_import.records import ImportFailed
from tools.programme_import.writer import dump

SITE = {"timezone": "Asia/Kolkata", "name": "PyCon India 2021"}


def read(path=EXPORT, fix=True):
    frab._cache.clear()
    return frab.read(str(path), SITE, fix)


def reasons(imported, kind):
    return [f"{p.path}:{p.line}: {p.reason}" for p in imported.problems if p.kind == kind]


def test_formats_are_told_apart_by_content(tmp_path):
    renamed = tmp_path / "data.yml"  # a schedule.json by another name is still one
    renamed.write_text(EXPORT.read_text(encoding="utf-8"), encoding="utf-8")
    assert frab.is_frab(str(renamed))
    assert not hugo.is_hugo_data(renamed)
    other = tmp_path / "schedule.json"
    other.write_text(json.dumps({"data": []}), encoding="utf-8")
    assert not frab.is_frab(str(other))
    assert frab.flavour(export_data()) == frab.CLASSIC
    assert frab.flavour({"schedule": {"conference": {"days": [{"index": 1}]}, "events": []}}) == frab.SCHEDULE2


def test_every_event_is_a_session_at_its_own_time_and_stage():
    imported = read()
    sessions = {s["uid"]: s for s in imported.schedule["sessions"]}
    for room, event in events(export_data()):
        session = sessions[event["guid"]]
        assert session["start"] == start_of(event)
        assert session["start"].utcoffset() == start_of(event).utcoffset()  # the offset it was given
        assert session["duration"] == minutes(event["duration"])
        assert session["stage"] == slugify(room)
        assert session["links"]["proposal"] == event["url"]
    assert len(sessions) == len(events(export_data()))


def test_parallel_rooms_are_stages_and_a_room_without_events_is_said():
    imported = read()
    data = export_data()
    used = {room for room, _ in events(data)}
    rooms = [r["name"] for r in data["schedule"]["conference"]["rooms"]]
    assert [s["name"] for s in imported.schedule["stages"]] == [r for r in rooms if r in used]
    empty = [r for r in rooms if r not in used]
    assert empty and all(any(repr(r) in line for line in reasons(imported, "a room without events")) for r in empty)
    # Parallel sessions: two at one moment, on two stages.
    starts = [(s["start"], s["stage"]) for s in imported.schedule["sessions"]]
    assert any(a[0] == b[0] and a[1] != b[1] for a in starts for b in starts)


def test_a_workshop_over_two_slots_and_an_event_past_midnight_keep_their_length():
    imported = read()
    slot = minutes(export_data()["schedule"]["conference"]["timeslot_duration"])
    sessions = {s["uid"]: s for s in imported.schedule["sessions"]}
    workshop = next(e for _, e in events(export_data()) if "workshop" in e["type"].lower())
    assert sessions[workshop["guid"]]["duration"] == minutes(workshop["duration"]) > slot
    assert sessions[workshop["guid"]]["type"] == "workshop"
    late = next(e for _, e in events(export_data()) if start_of(e).hour == 23)
    assert sessions[late["guid"]]["start"] == start_of(late) and sessions[late["guid"]]["duration"] == minutes(late["duration"])


def test_types_by_keyword_and_the_rest_reported():
    imported = read()
    sessions = {s["uid"]: s for s in imported.schedule["sessions"]}
    for _, event in events(export_data()):
        expected = next((kind for words, kind in frab.TYPES if any(w in event["type"].lower() for w in words)), None)
        if expected:
            assert sessions[event["guid"]]["type"] == expected, event["type"]
        else:
            assert sessions[event["guid"]]["type"] == "talk"
            assert any(repr(event["type"]) in line and ".type:" in line for line in reasons(imported, "a type the site does not know"))


def test_speakers_keep_their_names_and_biographies_with_ascii_ids():
    imported = read()
    speakers = {s["name"]: s for s in imported.speakers["speakers"]}
    persons = {p["public_name"]: p for _, e in events(export_data()) for p in e["persons"]}
    assert set(speakers) == set(persons)
    assert any(not name.isascii() for name in persons)
    for name, person in persons.items():
        assert speakers[name]["id"] == slugify(name) and speakers[name]["id"].isascii()
        assert speakers[name].get("bio") == (person["biography"] or None)


def test_texts_links_and_flags_are_brought():
    imported = read()
    sessions = {s["uid"]: s for s in imported.schedule["sessions"]}
    base = export_data()["schedule"]["base_url"]
    for _, event in events(export_data()):
        session = sessions[event["guid"]]
        assert session.get("description") == event["description"]
        assert session.get("do_not_record", False) == event["do_not_record"]
        assert session.get("language") == event["language"]
        assert session.get("track") == event["track"]
        if event["subtitle"]:
            assert session["abstract"] == f"{event['subtitle']}\n\n{event['abstract']}"
        for link in event["links"]:
            assert {"title": link["title"], "url": link["url"]} in session["links"]["other"]
        for attachment in event["attachments"]:
            assert session["links"]["slides"] == base.split("/testcon")[0] + attachment["url"]


def test_the_conference_is_what_the_export_says():
    conference = export_data()["schedule"]["conference"]
    facts = read().conference
    assert (facts["name"], facts["start"].isoformat(), facts["end"].isoformat(), facts["timezone"]) == (
        conference["title"], conference["start"], conference["end"], conference["time_zone_name"])


def test_an_export_the_schema_refuses_is_named_by_path_and_field():
    with pytest.raises(ImportFailed) as failed:
        read(FRAB / "invalid-conference.json")
    message = str(failed.value)
    assert "invalid-conference.json: $.schedule.conference: 'title' is a required property" in message
    assert "$.schedule.conference.days[0]: 'date' is a required property" in message


def test_an_event_that_cannot_be_brought_is_left_out_and_named():
    data = export_data(FRAB / "bad-event.json")
    imported = read(FRAB / "bad-event.json")
    brought = {s["uid"] for s in imported.schedule["sessions"]}
    lines = [f"{p.path}:{p.line}: {p.reason}" for p in imported.problems]
    for index, (room, event) in enumerate(events(data)):
        where = f"$.schedule.conference.days[0].rooms.{room}[{index}]"
        if isinstance(event["duration"], str) and event["date"][:1].isdigit():
            assert event["guid"] in brought
            continue
        assert event["guid"] not in brought
        field = "duration" if not isinstance(event["duration"], str) else "date"
        assert any(line.startswith(f"bad-event.json: {where}.{field}:") and "left out" in line for line in lines), lines


def test_hugo_data_is_not_taken_for_an_export():
    assert not frab.is_frab(str(ROOT / "docs" / "programme"))


def test_links_in_texts_get_the_blog_importers_reading_and_fixes():
    data = export_data(NEXT_EDITION)
    planted = [(where, entry, field, text) for where, entry, field, text in texts_of(data) if "](" in text]
    assert planted
    found = read(NEXT_EDITION, fix=False).problems
    fixed = read(NEXT_EDITION, fix=True)
    sessions = {s["uid"]: s for s in fixed.schedule["sessions"]}
    speakers = {s["name"]: s for s in fixed.speakers["speakers"]}
    for where, entry, field, text in planted:
        target = text.split("](", 1)[1].split(")", 1)[0]
        mended = check(target).fixed  # the blog importer's rule, from its one home
        assert mended == f"https://{target}"
        # Named by its entry and field, and left for --fix.
        assert any(str(p.line).startswith(where) and f".{field}" in str(p.line) and f"link {target!r} has no scheme" in p.reason
                   and p.reason.endswith("(--fix does it)") for p in found), [str(p) for p in found]
        kept = speakers[entry["public_name"]]["bio"] if field == "biography" else sessions[entry["guid"]][field]
        assert f"]({mended})" in kept and f"]({target})" not in kept


def test_windows_line_endings_become_newlines_and_the_yaml_stays_a_block():
    data = export_data(NEXT_EDITION)
    crlf = [(entry, field, text) for _, entry, field, text in texts_of(data) if "\r\n" in text]
    assert crlf
    imported = read(NEXT_EDITION, fix=True)
    sessions = {s["uid"]: s for s in imported.schedule["sessions"]}
    speakers = {s["name"]: s for s in imported.speakers["speakers"]}
    for entry, field, text in crlf:
        kept = speakers[entry["public_name"]]["bio"] if field == "biography" else sessions[entry["guid"]][field]
        assert "\r" not in kept and kept.count("\n") == text.strip().count("\r\n")
        assert dump({field: kept}).startswith(f"{field}: |")  # a block a person can edit, not a quoted line of escapes


def test_line_breaks_escaped_twice_become_line_breaks_with_fix_but_not_in_code(tmp_path):
    """As pretalx-rc3's export has them: a biography's `\\r\\n` as four characters of text."""
    data = export_data(NEXT_EDITION)
    event = data["schedule"]["conference"]["days"][0]["rooms"]["Track 2"][0]
    event["abstract"] = "First line.\\r\\nSecond line, with `text.rstrip('\\r\\n')` in code."
    planted = tmp_path / "schedule.json"
    planted.write_text(json.dumps(data), encoding="utf-8")
    plain = read(planted, fix=False)
    assert [p.reason for p in plain.problems if p.kind == "line breaks written as text"] == [
        "1 line break(s) written as the text \\r\\n (escaped twice): made line breaks (--fix does it)"]
    fixed = {s["uid"]: s for s in read(planted, fix=True).schedule["sessions"]}[event["guid"]]
    assert fixed["abstract"] == "First line.\nSecond line, with `text.rstrip('\\r\\n')` in code."
