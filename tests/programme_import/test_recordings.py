"""Recordings from a pyvideo/data folder matched to their sessions: by proposal, by title and
speakers, a keynote by its day and speakers, lightning talks to their day's session; the rest reported."""

import json
import re

from tests.programme_import.conftest import EXPORT, RECORDINGS, edition_dir, run_import, sessions_by_uid
from tools.programme_import import frab, recordings

CONFERENCE = {"timezone": "Europe/Berlin", "name": "TestCon 2030"}


def videos() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((RECORDINGS / "videos").glob("*.json"))}


def url(video: dict) -> str:
    return video["videos"][0]["url"]


def linked():
    frab._cache.clear()
    files = frab.read(str(EXPORT), CONFERENCE, True).files()
    problems, counts = recordings.link(files, RECORDINGS, CONFERENCE)
    sessions = files["schedule.yml"]["sessions"]
    return sessions, [f"{p.path}:{p.line}: {p.reason}" for p in problems], counts


def recorded(sessions) -> dict[str, str]:
    return {s["slug"]: s["links"]["recording"] for s in sessions if s.get("links", {}).get("recording")}


def test_a_video_naming_its_proposal_is_linked_to_that_session_and_a_second_video_is_not():
    sessions, problems, _ = linked()
    with_detail = {name: v for name, v in videos().items() if "Talk Detail:" in v["description"]}
    assert with_detail
    for name, video in with_detail.items():
        proposal = re.search(r"Talk Detail:\s*(\S+)", video["description"])[1]
        session = next(s for s in sessions if s["links"]["proposal"].rstrip("/") == proposal.rstrip("/"))
        assert session["links"]["recording"] == url(video)
        again = [n for n, v in videos().items() if n != name and v["title"] == video["title"]]
        assert again and all(any(f"videos/{n}:" in p and "second video" in p for p in problems) for n in again)
        assert url(videos()[again[0]]) not in recorded(sessions).values()


def test_title_and_speakers_match_though_spelt_differently():
    sessions, _, counts = linked()
    video = videos()["night-owls.json"]
    session = next(s for s in sessions if recordings.words(s["title"]) == recordings.words(video["title"]))
    assert session["title"] != video["title"]  # the same words, written differently
    assert session["links"]["recording"] == url(video)
    assert counts["title and speakers"] == 1


def test_a_keynote_is_the_keynote_of_its_day_by_its_speakers():
    sessions, _, counts = linked()
    video = videos()["keynote-the-shape-of-text.json"]
    keynote = next(s for s in sessions if s["type"] == "keynote" and s["start"].date().isoformat() == video["recorded"])
    assert keynote["title"] != video["title"]
    assert keynote["links"]["recording"] == url(video)
    assert counts["keynote"] == 1


def test_lightning_talks_are_links_of_their_days_session_in_file_order():
    sessions, _, counts = linked()
    lightning = [v for v in videos().values() if re.match(r"lightning talk", v["title"] + " " + v["description"], re.I)
                 or v["description"].lower().startswith("lightning talk")]
    session = next(s for s in sessions if s["type"] == "lightning-talks")
    assert [link["url"] for link in session["links"]["other"]] == [url(v) for v in lightning]
    assert all(link["title"].startswith("Recording: ") for link in session["links"]["other"])
    assert "recording" not in session["links"]
    assert counts["lightning talk"] == len(lightning) == 2


def test_an_ambiguous_and_an_unmatched_video_are_reported_never_guessed():
    sessions, problems, _ = linked()
    ambiguous, unmatched = videos()["office-hours.json"], videos()["a-talk-nobody-scheduled.json"]
    fits = [s for s in sessions if s["title"] == ambiguous["title"]]
    assert len(fits) == 2 and not any(s["links"].get("recording") for s in fits)
    assert any(p.startswith("testcon-2030/videos/office-hours.json: $.title:") and "fits 2 sessions" in p for p in problems)
    assert url(unmatched) not in recorded(sessions).values()
    assert any(p.startswith("testcon-2030/videos/a-talk-nobody-scheduled.json: $.title:") and "matches no session" in p for p in problems)
    # Each video is reported once.
    assert len([p for p in problems if "office-hours.json" in p]) == 1


def test_the_command_links_recordings_and_a_second_run_changes_nothing(imported):
    project, source = imported
    run_import(project, source, "--fix", "--update-conference", "--recordings", RECORDINGS)
    sessions = sessions_by_uid(project)
    video = videos()["night-owls.json"]
    assert url(video) in [s.get("links", {}).get("recording") for s in sessions.values()]
    before = (edition_dir(project) / "schedule.yml").read_bytes()
    again = run_import(project, source, "--fix", "--update-conference", "--recordings", RECORDINGS)
    assert (edition_dir(project) / "schedule.yml").read_bytes() == before
    _, _, counts = linked()
    assert f"recordings linked {sum(counts.values())} (" in again.stderr and "0 file(s) changed" in again.stderr


def test_a_later_run_without_the_recordings_keeps_them(imported):
    """The export knows nothing of the videos: a run on it alone must not unlink them."""
    project, source = imported
    run_import(project, source, "--fix", "--update-conference", "--recordings", RECORDINGS)
    linked_once = (edition_dir(project) / "schedule.yml").read_bytes()
    later = run_import(project, source, "--fix", "--update-conference")
    assert (edition_dir(project) / "schedule.yml").read_bytes() == linked_once, later.stderr
