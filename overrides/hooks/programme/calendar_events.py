"""The programme's calendar events and their memory: what a subscribed calendar
needs to move, update or cancel an event it already has.

A calendar app that subscribed to a `.ics` file re-reads it now and then and
tells events apart by UID (`Programme.calendar_id`); it takes a changed event
when its SEQUENCE is higher and its LAST-MODIFIED later, and removes one only
when it is published as STATUS:CANCELLED (a vanished event stays in many
apps). Those numbers must come from the data alone, so that two builds of the
same data give the same bytes: each edition keeps them in `docs/<year>/
calendar.yml`, committed beside its data.

`calendar.yml` holds, per UID, a fingerprint of the event as last published
(its fields without the site's address: moving the site changes no event),
its sequence, when it last changed and, for a session dropped before the
edition was over, the event as it was, to publish cancelled. Only
`python -m tools.calendar_state` (`make calendars`) writes it: a new event
gets sequence 0, a changed one its sequence + 1, both the command's time as
LAST-MODIFIED; a dropped one is cancelled (sequence + 1) while the edition is
not over, and forgotten after. The build reads it and fails, naming each
session and the command, when it is not current.

Not a hook: the calendar hook (programme_calendar.py), the command and the
tests import it, so that none can disagree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import yaml
from icalendar import Calendar, Event
from programme_data import TYPE_NAMES, Programme, Session, load_yaml

PRODID = "-//PyCon India//Programme//EN"
# How often a subscribed calendar is asked to look again (Apple's and Outlook's apps read these; Google has its own pace).
REFRESH = timedelta(hours=6)  # written PT6H
COMMAND = "make calendars (python -m tools.calendar_state)"
HEADER = ("# What this edition's calendar files last published, event by event (UID): written by\n"
          "# `make calendars` (python -m tools.calendar_state), read by the build. Commit it with the data.\n")


class Memory(dict):
    """`calendar.yml` as read: UID -> {fingerprint, sequence, modified, [cancelled]}."""

    @classmethod
    def read(cls, docs_dir: Path, programme: Programme) -> Memory:
        path = Path(docs_dir) / programme.calendar_memory_file()
        if not path.is_file():
            return cls()
        return cls((load_yaml(path.read_text(encoding="utf-8")) or {}).get("events") or {})

    def text(self) -> str:
        return HEADER + yaml.safe_dump({"events": dict(sorted(self.items()))}, allow_unicode=True, sort_keys=False, width=1000)


def published(programme: Programme) -> list[Session]:
    """The sessions the calendars carry: every one but the breaks (nobody adds a break to a calendar)."""
    return [session for session in programme.sessions if session.type != "break"]


def location(programme: Programme, stage_name: str) -> str:
    mode = programme.conference["mode"]
    return f"{stage_name}, {programme.conference['name']}" + (f" ({mode.lower()})" if mode else "")


def fields(programme: Programme, session: Session, page_url: str) -> dict[str, object]:
    """The event's content, the same for the memory's fingerprint and for the file."""
    names = [programme.speakers[s].name for s in session.speakers]
    lines = [TYPE_NAMES[session.type] + (f" by {', '.join(names)}" if names else "") + "."]
    if session.abstract:
        lines.append(session.abstract.strip())
    for label, url in (("Session", page_url), ("Proposal", session.links.proposal), ("Slides", session.links.slides)):
        if url:
            lines.append(f"{label}: {url}")
    lines += [f"Recording: {url}" if title == session.title else f"Recording, {title}: {url}" for title, url in session.recordings]
    return {
        "dtstart": session.start.astimezone(timezone.utc),
        "dtend": session.finish.astimezone(timezone.utc),
        "summary": session.title,
        "location": location(programme, programme.stage_name(session)),
        "url": page_url,
        "categories": [session.type],
        "description": "\n\n".join(lines),
    }


def page_key(programme: Programme, session: Session) -> str:
    """The session's page as its source file names it: what the fingerprint holds in place of its address."""
    return programme.session_uri(session) if session.has_page else f"{programme.schedule_uri()}#session-{session.slug}"


def fingerprint(programme: Programme, session: Session) -> str:
    content = fields(programme, session, page_key(programme, session))
    plain = json.dumps(content, sort_keys=True, default=lambda v: v.isoformat(), ensure_ascii=False)
    return hashlib.sha256(plain.encode()).hexdigest()[:16]


def _stamp(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(timezone.utc)


def event(programme: Programme, session: Session, memory: Memory, *, page_url: str) -> Event:
    mark = memory.get(programme.calendar_id(session)) or {}
    item = Event()
    item.add("uid", programme.calendar_id(session))
    # When the event last changed, from the memory: the same in every build of the same data.
    changed = _stamp(mark["modified"]) if mark else datetime.combine(programme.facts.start, time(), tzinfo=timezone.utc)
    item.add("dtstamp", changed)
    item.add("last-modified", changed)
    item.add("sequence", int(mark.get("sequence", 0)))
    item.add("status", "CONFIRMED")
    for name, value in fields(programme, session, page_url).items():
        item.add(name, value)
    return item


def cancelled_event(uid: str, mark: dict, *, schedule_url: str) -> Event:
    """A session dropped before the edition was over, as calendars last had it, marked cancelled."""
    was = mark["cancelled"]
    item = Event()
    item.add("uid", uid)
    item.add("dtstamp", _stamp(mark["modified"]))
    item.add("last-modified", _stamp(mark["modified"]))
    item.add("sequence", int(mark["sequence"]))
    item.add("status", "CANCELLED")
    item.add("dtstart", _stamp(was["start"]))
    item.add("dtend", _stamp(was["end"]))
    item.add("summary", f"Cancelled: {was['summary']}")
    item.add("location", was["location"])
    item.add("url", schedule_url)
    item.add("description", f"This session was taken off the programme: {schedule_url}")
    return item


def calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    return cal


def cancelled(memory: Memory) -> dict[str, dict]:
    return {uid: mark for uid, mark in memory.items() if mark.get("cancelled")}


def problems(programme: Programme, memory: Memory) -> list[str]:
    """Where the memory is not what the data publishes: one line per session, naming the command."""
    where = programme.calendar_memory_file()
    out = []
    for session in published(programme):
        mark = memory.get(programme.calendar_id(session))
        entry = f"{programme.file('schedule.yml')}: {programme.entry(session)}"
        if mark is None:
            out.append(f"{entry}: its calendar event is not in {where} yet")
        elif mark.get("cancelled"):
            out.append(f"{entry}: its calendar event is published as cancelled in {where}, but the session is back")
        elif mark.get("fingerprint") != fingerprint(programme, session):
            out.append(f"{entry}: changed since its calendar event was last published (sequence {mark.get('sequence', 0)} in {where})")
    uids = {programme.calendar_id(s) for s in published(programme)}
    for uid, mark in memory.items():
        if uid not in uids and not mark.get("cancelled"):
            out.append(f"{where}: {uid}: its session is gone from {programme.file('schedule.yml')}: publish it cancelled (or forget it, "
                       "once the edition is over)")
    return [f"{line}: run {COMMAND} and commit {where}" for line in out]


def is_over(programme: Programme, now: datetime) -> bool:
    """The edition's last day has ended in its zone."""
    return now >= datetime.combine(programme.facts.end + timedelta(days=1), time(), tzinfo=programme.zone)


def updated(programme: Programme, memory: Memory, now: datetime) -> tuple[Memory, dict[str, list[str]]]:
    """The memory once the data is published at `now`, and what changed: new, changed, cancelled, forgotten (UIDs)."""
    now = now.astimezone(timezone.utc).replace(microsecond=0)
    out, report = Memory(), {"new": [], "changed": [], "cancelled": [], "forgotten": []}
    for session in published(programme):
        uid, mark = programme.calendar_id(session), memory.get(programme.calendar_id(session))
        now_print = fingerprint(programme, session)
        if mark is None:
            out[uid] = {"fingerprint": now_print, "sequence": 0, "modified": now.isoformat()}
            report["new"].append(uid)
        elif mark.get("cancelled") or mark.get("fingerprint") != now_print:
            out[uid] = {"fingerprint": now_print, "sequence": int(mark.get("sequence", 0)) + 1, "modified": now.isoformat()}
            report["changed"].append(uid)
        else:
            out[uid] = dict(mark)
    for uid, mark in memory.items():
        if uid in out:
            continue
        if mark.get("cancelled"):
            out[uid] = dict(mark)  # kept cancelled: a subscriber who missed the change still learns it
        elif is_over(programme, now):
            report["forgotten"].append(uid)
        else:
            out[uid] = {**mark, "sequence": int(mark.get("sequence", 0)) + 1, "modified": now.isoformat(),
                        "cancelled": mark.get("last") or {}}
            report["cancelled"].append(uid)
    # What a cancelled event shows needs the event as last published: kept for every live one.
    for session in published(programme):
        uid = programme.calendar_id(session)
        content = fields(programme, session, page_key(programme, session))
        out[uid]["last"] = {"summary": session.title, "start": content["dtstart"].isoformat(), "end": content["dtend"].isoformat(),
                            "location": content["location"], "stage": session.stage}
    for uid in report["cancelled"]:
        out[uid].pop("last", None)
    return out, report
