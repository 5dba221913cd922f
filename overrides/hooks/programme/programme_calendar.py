"""Calendar files from each edition's data, made at every build so they
never go stale: `<year>/schedule.ics` with every session, and
`<year>/sessions/<slug>.ics` for each session with a page. An edition that
had its pages elsewhere before (`old_folder` in its edition.yml) keeps its
calendar files there too, the same bytes, so a subscription goes on.

Written with icalendar. Times are in UTC (a calendar app shows them in the
reader's zone); each event's UID is the session's `uid`, else its slug, at
the edition's `calendar_domain`, never the site's address, so a calendar
that imported it finds the same event again when its time or stage changes,
and when the site moves. The stage is the location and the
session's page the URL. Breaks are left out: nobody adds a break to a
calendar.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urljoin

from icalendar import Calendar, Event
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from programme_data import TYPE_NAMES, Programme, anchor, for_build

PRODID = "-//PyCon India//Programme//EN"


def calendar(programme: Programme, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def event(programme: Programme, session, *, page_url: str) -> Event:
    names = [programme.speakers[s].name for s in session.speakers]
    item = Event()
    item.add("uid", programme.calendar_id(session))
    # Stable from build to build: the calendar says when the programme was made, not when it was built.
    item.add("dtstamp", datetime.combine(programme.facts.start, datetime.min.time(), tzinfo=timezone.utc))
    item.add("dtstart", session.start.astimezone(timezone.utc))
    item.add("dtend", session.finish.astimezone(timezone.utc))
    item.add("summary", session.title)
    mode = programme.conference["mode"]
    item.add("location", f"{programme.stage_name(session)}, {programme.conference['name']}" + (f" ({mode.lower()})" if mode else ""))
    item.add("url", page_url)
    item.add("categories", [session.type])
    lines = [TYPE_NAMES[session.type] + (f" by {', '.join(names)}" if names else "") + "."]
    if session.abstract:
        lines.append(session.abstract.strip())
    for label, url in (("Session", page_url), ("Proposal", session.links.proposal), ("Slides", session.links.slides)):
        if url:
            lines.append(f"{label}: {url}")
    lines += [f"Recording: {url}" if title == session.title else f"Recording, {title}: {url}" for title, url in session.recordings]
    item.add("description", "\n\n".join(lines))
    return item


def calendars(programme: Programme, files: Files, config: MkDocsConfig) -> dict[str, bytes]:
    def url_of(uri: str, fragment: str = "") -> str:
        return urljoin(config.site_url, files.get_file_from_path(uri).url) + (f"#{fragment}" if fragment else "")

    everything = calendar(programme, programme.conference["name"])
    out = {}
    for session in programme.sessions:
        if session.type == "break":
            continue
        page = url_of(programme.session_uri(session)) if session.has_page else url_of(programme.schedule_uri(), anchor(session))
        everything.add_component(event(programme, session, page_url=page))
        if session.has_page:
            one = calendar(programme, f"{session.title} ({programme.conference['name']})")
            one.add_component(event(programme, session, page_url=page))
            out[programme.calendar_uri(session)] = one.to_ical()
    out[programme.calendar_uri()] = everything.to_ical()
    return out


def at_old_folder(programme: Programme, uri: str) -> str:
    """`programme/schedule.ics` for `2021/schedule.ics`: where the file was before editions."""
    return f"{programme.facts.old_folder}/{uri.removeprefix(programme.folder + '/')}"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for programme in for_build(config).all:
        for uri, content in calendars(programme, files, config).items():
            files.append(File.generated(config, uri, content=content))
            if programme.facts.old_folder:
                files.append(File.generated(config, at_old_folder(programme, uri), content=content))
    return files
