"""Calendar files from each edition's data, made at every build so they
never go stale: `<year>/schedule.ics` with every session, one per day
(`<year>/calendars/day-<date>.ics`), one per stage (`<year>/calendars/
stage-<id>.ics`, with the sessions on all stages too), and
`<year>/sessions/<slug>.ics` for each session with a page. An edition that
had its pages elsewhere before (`old_folder` in its edition.yml) keeps its
calendar files there too, the same bytes, so a subscription goes on.

Written with icalendar. Times are in UTC (a calendar app shows them in the
reader's zone); each event's UID is the session's `uid`, else its slug, at
the edition's `calendar_domain`, never the site's address, so a calendar
that imported it finds the same event again when its time or stage changes,
and when the site moves. Its SEQUENCE, LAST-MODIFIED and the sessions
dropped before the edition was over (STATUS:CANCELLED) come from the
edition's `calendar.yml` (calendar_events.py): a build whose data changed
since that file was last written fails, naming each session and the command
that brings it up to date. The stage is the location and the session's page
the URL. Breaks are left out: nobody adds a break to a calendar.

Writing the files with icalendar is most of this hook's time, so an edition's
files are kept in `.cache/calendars/` under a hash of all they are made from:
the edition's data files (its memory among them), the settings the addresses
and names come from, the programme's hooks and icalendar's version. The
memory's staleness is checked at every build all the same.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

import icalendar
from calendar_events import Memory, calendar, cancelled, cancelled_event, event, problems, published
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from programme_data import Programme, anchor, for_build

log = logging.getLogger("mkdocs.hooks.programme_calendar")
_run = {"serving": False}


def on_startup(*, command: str, dirty: bool) -> None:
    # A writer's preview goes on with a warning while the data is being edited; a build stops.
    _run["serving"] = command == "serve"


def calendars(programme: Programme, files: Files, config: MkDocsConfig, memory: Memory) -> dict[str, bytes]:
    def url_of(uri: str, fragment: str = "") -> str:
        return urljoin(config.site_url, files.get_file_from_path(uri).url) + (f"#{fragment}" if fragment else "")

    name = programme.conference["name"]
    everything = calendar(name)
    days = {day.date: calendar(f"{name}: {day.date:%a} {day.date.day} {day.date:%b}" + (f", {day.name}" if day.name else ""))
            for day in programme.days}
    stages = {stage.id: calendar(f"{name}: {stage.name}") for stage in programme.stages.values()}

    def add(item, start: datetime, stage: str) -> None:
        everything.add_component(item)
        day = programme.local(start).date()
        if day in days:
            days[day].add_component(item)
        for stage_id, cal in stages.items():
            if stage in (stage_id, "all"):
                cal.add_component(item)

    out = {}
    for session in published(programme):
        page = url_of(programme.session_uri(session)) if session.has_page else url_of(programme.schedule_uri(), anchor(session))
        add(event(programme, session, memory, page_url=page), session.start, session.stage)
        if session.has_page:
            one = calendar(f"{session.title} ({name})")
            one.add_component(event(programme, session, memory, page_url=page))
            out[programme.calendar_uri(session)] = one.to_ical()
    for uid, mark in sorted(cancelled(memory).items(), key=lambda item: str(item[1]["cancelled"]["start"])):
        gone = cancelled_event(uid, mark, schedule_url=url_of(programme.schedule_uri()))
        add(gone, gone.decoded("dtstart"), mark["cancelled"].get("stage", "all"))
    out[programme.calendar_uri()] = everything.to_ical()
    for day in programme.days:
        out[programme.day_calendar_uri(day)] = days[day.date].to_ical()
    for stage in programme.stages.values():
        out[programme.stage_calendar_uri(stage)] = stages[stage.id].to_ical()
    return out


def at_old_folder(programme: Programme, uri: str) -> str:
    """`programme/schedule.ics` for `2021/schedule.ics`: where the file was before editions."""
    return f"{programme.facts.old_folder}/{uri.removeprefix(programme.folder + '/')}"


HOOKS = Path(__file__).resolve().parents[1]  # overrides/hooks/: this folder's hooks and site_rules.py


def made_from(programme: Programme, config: MkDocsConfig) -> str:
    """A hash of everything an edition's calendar files are made from."""
    digest = hashlib.sha256(f"calendars 1 icalendar {icalendar.__version__}\n".encode())
    settings = {"site_url": config.site_url, "directory_urls": config.use_directory_urls, "extra": config.extra}
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    code = sorted([*Path(__file__).resolve().parent.glob("*.py"), HOOKS / "site_rules.py"])
    for path in [*code, *sorted((Path(config.docs_dir) / programme.folder).glob("*.yml"))]:
        data = path.read_bytes()
        digest.update(f"{path.name} {len(data)}\n".encode() + data)
    return digest.hexdigest()


def kept_calendars(programme: Programme, files: Files, config: MkDocsConfig, memory: Memory) -> dict[str, bytes]:
    """calendars(), from `.cache/calendars/` when nothing they are made from has changed."""
    folder = Path(config.config_file_path).parent / ".cache" / "calendars"
    path = folder / f"{programme.folder}-{made_from(programme, config)[:40]}.json"
    try:
        return {uri: text.encode("utf-8") for uri, text in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        pass
    made = calendars(programme, files, config, memory)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps({uri: content.decode("utf-8") for uri, content in made.items()}), encoding="utf-8")
    partial.replace(path)  # a build stopped half-way leaves no half entry
    return made


def edition_files(programme: Programme, files: Files, config: MkDocsConfig) -> tuple[dict[str, bytes], list[str]]:
    """The edition's calendar files by address (those it had at its old folder there too), and
    where its calendars' memory is not current. The build's, and `mkdocs serve`'s short path's
    after an edit of the edition's data (build/preview_rebuild.py)."""
    memory = Memory.read(Path(config.docs_dir), programme)
    out = {}
    for uri, content in kept_calendars(programme, files, config, memory).items():
        out[uri] = content
        if programme.facts.old_folder and not uri.startswith(f"{programme.folder}/calendars/"):  # only what was there
            out[at_old_folder(programme, uri)] = content
    return out, problems(programme, memory)


def report(stale: list[str]) -> None:
    """A memory that is not current stops a build; under `mkdocs serve` it is a warning (on_startup)."""
    if stale:
        message = "programme_calendar.py: the calendars' memory is not current:\n  " + "\n  ".join(stale)
        if not _run["serving"]:
            raise PluginError(message)
        log.warning(message)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    stale = []
    for programme in for_build(config).all:
        made, problems_found = edition_files(programme, files, config)
        stale += problems_found
        for uri, content in made.items():
            files.append(File.generated(config, uri, content=content))
    report(stale)
    return files
