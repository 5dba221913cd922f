"""Each edition's programme as attendees' apps load it, made at every build:
`<year>/schedule.json` and `<year>/schedule.xml` in the frab / c3voc shape
pretalx and frab serve (Giggity, ConfClerk and EventFahrplan read them), and
the QR code of the JSON's address the schedule page shows, drawn with segno.

Each event's `guid` is tied to its calendar UID (`Programme.event_guid`: the
UID when it is a UUID, else a UUID5 of it), and its `id` is read from the
guid, so both stay the same from build to build and across a move of the
site. Sessions on all stages are in a room of their own, "All stages"; the
importer reads that room back as `stage: all`, and a guid of the site's own
back as the session's uid (tools/programme_import/frab.py). What the format
has no room for, the JSON carries where c3voc leaves room: the days' names in
the conference's `meta`, a speaker's affiliation on the person. A session's
level and a speaker's photo are not in it (no edition has them yet).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import datetime, time, timedelta
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

import segno
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from programme_data import ALL_STAGES, Programme, Session, anchor, for_build
from slugify import slugify

SCHEMA = "https://c3voc.de/schedule/schema.json"
# A schedule's slots as apps draw their grid.
TIMESLOT = "00:05"
# Each link of a session and the c3voc reference type apps know it by.
LINK_TYPES = (("proposal", None), ("slides", "slides"), ("recording", "media"), ("announcement", "blog"))


def hh_mm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes(session: Session) -> int:
    return int((session.finish - session.start).total_seconds() // 60)


def room_name(programme: Programme, session: Session) -> str:
    return programme.stage_name(session)


def rooms(programme: Programme) -> list[str]:
    """The rooms in the stages' order; "All stages" first when a session uses it."""
    named = [stage.name for stage in programme.stages.values()]
    return ([ALL_STAGES] if any(s.all_stages for s in programme.sessions) else []) + named


def event_id(guid: str) -> int:
    """A positive integer from a guid (the schemas want one; ConfClerk keys events and persons by it)."""
    return int(guid.replace("-", "")[:7], 16) + 1


def references(session: Session) -> list[dict]:
    out = []
    for field, kind in LINK_TYPES[1:]:
        url = getattr(session.links, field)
        if url:
            out.append({"type": kind, "url": url, "title": field.capitalize()})
    out += [{"url": link.url, "title": link.title} for link in session.links.other]
    return out


def event(programme: Programme, session: Session, page_url: str) -> dict:
    """One event; `url` its proposal, else its page here, which `origin_url` always is (the importer
    reads `url` as the proposal only when it is not the event's own page)."""
    event_guid = programme.event_guid(session)
    begin = programme.local(session.start)
    persons = []
    for speaker_id in session.speakers:
        speaker = programme.speakers[speaker_id]
        guid = speaker_guid(programme, speaker_id)
        person = {"name": speaker.name, "guid": guid, "id": event_id(guid)}  # ConfClerk keys persons by id
        if speaker.affiliation:  # not c3voc's, but a person may carry more: the importer reads it back
            person["affiliation"] = speaker.affiliation
        if speaker.bio:
            person["biography"] = speaker.bio.strip()
        if speaker.links:
            person["links"] = [{"url": link.url, "title": link.title} for link in speaker.links]
        persons.append(person)
    item = {
        "guid": event_guid,
        "id": event_id(event_guid),
        "date": begin.isoformat(),
        "start": f"{begin:%H:%M}",
        "duration": hh_mm(minutes(session)),
        "room": room_name(programme, session),
        "slug": session.slug,
        "url": session.links.proposal or page_url,
        "origin_url": page_url,
        "title": session.title,
        "subtitle": "",
        "track": session.track,
        "type": session.type,
        "language": session.language,
        "abstract": (session.abstract or "").strip(),
        "description": (session.description or "").strip(),
        "do_not_record": session.do_not_record,
        "persons": persons,
        "links": references(session),
        "attachments": [],
    }
    return item


def speaker_guid(programme: Programme, speaker_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:speaker:{programme.folder}:{speaker_id}"))


def room_guid(programme: Programme, name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:room:{programme.folder}:{name}"))


def acronym(programme: Programme) -> str:
    """`pycon_india_2021`: what the c3voc schema allows an acronym to be."""
    return slugify(programme.conference["name"], separator="_") or f"edition_{programme.folder}"


def schedule(programme: Programme, site_url: str, url_of) -> dict:
    """The edition as c3voc's schedule.json (version 1.0, as pretalx serves it)."""
    days = []
    for index, (day, sessions) in enumerate(programme.by_day(), start=1):
        begin = datetime.combine(day.date, time(), tzinfo=programme.zone)
        by_room = {name: [] for name in rooms(programme)}
        for session in sessions:
            page = url_of(programme.session_uri(session)) if session.has_page else f"{url_of(programme.schedule_uri())}#{anchor(session)}"
            by_room[room_name(programme, session)].append(event(programme, session, page))
        days.append({"index": index, "date": day.date.isoformat(), "day_start": begin.isoformat(),
                     "day_end": (begin + timedelta(days=1) - timedelta(seconds=1)).isoformat(),
                     "rooms": {name: events for name, events in by_room.items() if events}})
    conference = {
        "acronym": acronym(programme),
        "title": programme.conference["name"],
        "start": programme.facts.start.isoformat(),
        "end": programme.facts.end.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": programme.facts.timezone,
        "url": url_of(programme.schedule_uri()),
        "rooms": [{"name": name, "guid": room_guid(programme, name)} for name in rooms(programme)],
        "days": days,
    }
    if any(day.name for day in programme.days):  # no room for them in a day: the conference's meta is free-form
        conference["meta"] = {"day_names": {day.date.isoformat(): day.name for day in programme.days if day.name}}
    body = {"version": "", "base_url": urljoin(site_url, f"{programme.folder}/"), "conference": conference}
    # The version names the content: the same data, the same version; any change, a new one.
    body["version"] = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]
    return {"$schema": SCHEMA, "generator": {"name": "PyCon India's site (MkDocs)"}, "schedule": body}


def _text(parent: ET.Element, tag: str, value: object, **attributes) -> ET.Element:
    child = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items() if v is not None})
    if value is not None:
        child.text = str(value)
    return child


XSD_SLUG = re.compile(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$")


def schedule_xml(data: dict) -> bytes:
    """The same schedule as frab's schedule.xml (c3voc's schedule.xml.xsd)."""
    body = data["schedule"]
    conf = body["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": data["generator"]["name"]})
    _text(root, "version", body["version"])
    conference = ET.SubElement(root, "conference")
    for tag in ("title", "acronym", "start", "end"):
        _text(conference, tag, conf[tag])
    _text(conference, "days", conf["daysCount"])
    _text(conference, "timeslot_duration", conf["timeslot_duration"])
    _text(conference, "base_url", body["base_url"])
    _text(conference, "url", conf["url"])
    _text(conference, "time_zone_name", conf["time_zone_name"])
    for day in conf["days"]:
        day_element = ET.SubElement(root, "day", {"index": str(day["index"]), "date": day["date"], "start": day["day_start"],
                                                  "end": day["day_end"]})
        for name, events in day["rooms"].items():
            guid = next(room["guid"] for room in conf["rooms"] if room["name"] == name)
            room = ET.SubElement(day_element, "room", {"name": name, "guid": guid})
            for item in events:
                element = ET.SubElement(room, "event", {"guid": item["guid"], "id": str(item["id"])})
                for tag in ("date", "start", "duration", "room"):
                    _text(element, tag, item[tag])
                if XSD_SLUG.match(item["slug"]):  # the XSD's slug is narrower than the JSON's; it is optional there
                    _text(element, "slug", item["slug"])
                _text(element, "url", item["url"])
                for tag in ("title", "subtitle", "track", "type", "language", "abstract", "description"):
                    _text(element, tag, item[tag] or "")
                persons = ET.SubElement(element, "persons")
                for person in item["persons"]:
                    _text(persons, "person", person["name"], id=person.get("id"), guid=person["guid"])
                links = ET.SubElement(element, "links")
                # ConfClerk and Giggity show <links>, not <url>: the proposal and the page here come first.
                if item["url"] != item["origin_url"]:
                    _text(links, "link", "Proposal", href=item["url"])
                _text(links, "link", "On the conference site", href=item["origin_url"])
                for link in item["links"]:
                    _text(links, "link", link["title"], href=link["url"], type=link.get("type"))
                ET.SubElement(element, "attachments")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def edition_files(programme: Programme, files: Files, config: MkDocsConfig) -> dict[str, bytes]:
    """The edition's schedule.json and schedule.xml by address: the build's, and `mkdocs serve`'s
    short path's after an edit of the edition's data (build/preview_rebuild.py)."""
    def url_of(uri: str) -> str:
        return urljoin(config.site_url, files.get_file_from_path(uri).url)

    data = schedule(programme, config.site_url, url_of)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return {programme.export_uri("json"): text.encode("utf-8"), programme.export_uri("xml"): schedule_xml(data)}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for programme in for_build(config).all:
        for uri, content in edition_files(programme, files, config).items():
            files.append(File.generated(config, uri, content=content))
    return files


def qr_svg(address: str, name: str) -> Markup:
    """The QR code of an address as inline SVG with an accessible name: no request, its size fixed by the viewBox."""
    code = segno.make(address, error="m")
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, svgclass="pi-qr", lineclass=None)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(name)}" ', 1))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["qr_svg"] = qr_svg
    return env
