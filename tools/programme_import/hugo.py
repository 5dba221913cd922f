"""The old Hugo conference site's `data/` folder -> the programme's records.

What its data held and how each is read (the old site's own templates read it
the same way): days written `17th Sep`, the year taken from the site's
conference facts; `time` in the conference's zone; `speaker` one
comma-separated string; `track` a stage number, `all`, or absent (then the
stage is the entry's place in its slot, as the old site showed it); `type`
`extra` for breaks, opening and closing words and lightning talks, told
apart by the title. Flaws with one reading are fixed and reported as fixed
when `fix` is on, else reported; the rest are reported for a person.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from slugify import slugify

from tools.programme_import.old_site import OldSiteReader, sale_terms
from tools.programme_import.records import Imported, ImportFailed, LineLoader

DAY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?\s*$")
CONTINUED = re.compile(r"\s*\((?:cont\.?|continued)\)\s*$", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
STAGE5 = re.compile(r"(Stage\s+\d+)", re.IGNORECASE)


def is_hugo_data(path: Path) -> bool:
    return path.is_dir() and (path / "schedule.yml").is_file()


class Reader(OldSiteReader):
    FOLDER = "data"

    def __init__(self, folder: Path, conference: dict, fix: bool):
        super().__init__(fix)
        self.folder = folder
        self.year = conference["start"].year
        self.zone = ZoneInfo(conference.get("timezone") or "Asia/Kolkata")
        self.speakers: dict[str, dict] = {}

    def load(self, name: str) -> dict | None:
        path = self.folder / name
        if not path.is_file():
            return None
        try:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader) or {}
        except yaml.YAMLError as error:
            raise ImportFailed(f"data/{name}: not readable as YAML: {error}") from None

    def read(self) -> Imported:
        schedule = self.load("schedule.yml")
        if schedule is None:
            raise ImportFailed(f"{self.folder}: no schedule.yml: not the data folder of the old conference site")
        self.keynote_speakers()
        self.schedule(schedule)
        self.out.speakers = {"speakers": sorted(self.speakers.values(), key=lambda s: s["id"])}
        self.tickets()
        self.sponsors()
        return self.out

    # Speakers ----------------------------------------------------------------------------------

    def speaker(self, name: str) -> str:
        name = " ".join(name.split())
        speaker_id = slugify(name)
        self.speakers.setdefault(speaker_id, {"id": speaker_id, "name": name})
        return speaker_id

    def keynote_speakers(self) -> None:
        data = self.load("keynote_speakers.yml") or {}
        for entry in data.get("data") or []:
            speaker = self.speakers.setdefault(self.speaker(entry["name"]), {})
            affiliation = entry.get("affiliation") or ""
            if TAG.search(affiliation):
                parts = [part.strip() for part in TAG.split(affiliation) if part.strip()]
                if self.fixed("keynote_speakers.yml", entry, f"affiliation {affiliation!r} holds HTML: read as {', '.join(parts)!r}",
                              "an affiliation written in HTML"):
                    affiliation = ", ".join(parts)
            if affiliation:
                speaker["affiliation"] = affiliation
            if entry.get("image"):
                self.problem("keynote_speakers.yml", entry, f"photo {entry['image']} not brought (the old site's images are "
                             "CC BY-NC-SA): add the team's own file under docs/ and name it as the speaker's photo",
                             "a photo not brought")

    # The schedule ------------------------------------------------------------------------------

    def day(self, entry: dict) -> date | None:
        match = DAY.match(str(entry.get("date", "")))
        if not match:
            self.problem("schedule.yml", entry, f"day {entry.get('date')!r} is not written like '17th Sep': its sessions are left out")
            return None
        try:
            return datetime.strptime(f"{match[1]} {match[2][:3]} {self.year}", "%d %b %Y").date()
        except ValueError:
            self.problem("schedule.yml", entry, f"day {entry.get('date')!r} is not a day of {self.year}: its sessions are left out")
            return None

    def schedule(self, data: dict) -> None:
        sessions, stages, days = [], {}, []
        for day_entry in data.get("data") or []:
            day = self.day(day_entry)
            if day is None:
                continue
            days.append(day)
            for slot in day_entry.get("schedule") or []:
                try:
                    clock = time.fromisoformat(str(slot["time"]))
                    minutes = int(slot["duration"])
                except (KeyError, TypeError, ValueError):
                    self.problem("schedule.yml", slot, f"slot without a readable time and duration: {slot.get('time')!r}, {slot.get('duration')!r}")
                    continue
                start = datetime.combine(day, clock, tzinfo=self.zone)
                for position, talk in enumerate(slot.get("talks") or [], start=1):
                    session = self.session(talk, start, minutes, position, sessions)
                    if session is None:
                        continue
                    sessions.append(session)
                    if session["stage"] != "all":
                        stages[session["stage"]] = int(session["stage"].removeprefix("stage-"))
        extend = data.get("extend") or ""
        for stage in sorted(set(STAGE5.findall(TAG.sub(" ", extend)))):
            number = int(stage.split()[-1])
            if f"stage-{number}" not in stages:
                links = re.findall(r'href="([^"]+)"', extend)
                self.problem("schedule.yml", data, f"{stage} is named only in the `extend` text (its schedule was at "
                             f"{', '.join(links) or 'no address'}): its sessions are not in the data; add them by hand",
                             "a stage named only in HTML")
        self.out.schedule = {
            "days": [{"date": day, "name": self.day_name(day, sessions)} for day in days],
            "stages": [{"id": f"stage-{n}", "name": f"Stage {n}"} for n in sorted(stages.values())],
            "sessions": [self.strip(s) for s in sessions],
        }

    @staticmethod
    def day_name(day: date, sessions: list[dict]) -> str:
        kinds = {s["type"] for s in sessions if s["start"].date() == day} - {"break", "address"}
        if kinds == {"workshop"}:
            return "Workshops"
        for s in sessions:
            match = re.match(r"Day (\d+) Opening", s["title"])
            if match and s["start"].date() == day:
                return f"Conference day {match[1]}"
        return f"{day:%A}"

    @staticmethod
    def strip(session: dict) -> dict:
        return {key: value for key, value in session.items() if not key.startswith("_")}

    def session_type(self, talk: dict, title: str) -> str:
        kind = str(talk.get("type") or "").strip().lower()
        if kind in ("talk", "workshop", "keynote", "panel"):
            if kind == "talk" and re.search(r"\bpanel\b", title, re.IGNORECASE):
                if self.fixed("schedule.yml", talk, f"{title!r}: type talk, but its title says it is a panel: read as a panel",
                              "a panel typed as a talk"):
                    return "panel"
            return kind
        if kind == "extra":
            lowered = title.lower()
            for words, read_as in ((("break", "networking", "lunch"), "break"), (("opening", "closing", "address"), "address"),
                                   (("lightning",), "lightning-talks")):
                if any(word in lowered for word in words):
                    return read_as
        self.problem("schedule.yml", talk, f"{title!r}: type {talk.get('type')!r} is none the site knows; read as a talk")
        return "talk"

    def session(self, talk: dict, start: datetime, minutes: int, position: int, earlier: list[dict]) -> dict | None:
        raw_title = str(talk.get("title") or "")
        title = " ".join(raw_title.split())
        if not title:
            self.problem("schedule.yml", talk, "an entry without a title: left out")
            return None
        names = [name.strip() for name in str(talk.get("speaker") or "").split(",") if name.strip()]
        track = talk.get("track")
        stage = f"stage-{int(track)}" if isinstance(track, int) or str(track).isdigit() else None
        if CONTINUED.search(title):
            base = CONTINUED.sub("", title)
            previous = next((s for s in reversed(earlier) if s["_title"] == base and s["stage"] == (stage or s["stage"])
                             and s["start"] + timedelta(minutes=s["duration"]) == start), None)
            if previous is not None and self.fixed("schedule.yml", talk, f"{title!r} continues {base!r}: one session of "
                                                   f"{previous['duration'] + minutes} minutes", "a session entered twice"):
                previous["duration"] += minutes
                return None
        kind = self.session_type(talk, title)
        speakers = [self.speaker(name) for name in names]
        if track == "all" or (track is None and kind in ("break", "address", "keynote", "lightning-talks")):
            stage = "all"
        elif stage is None:
            stage = f"stage-{position}"
            self.fixed("schedule.yml", talk, f"{title!r} names no stage: Stage {position}, its place in the slot, as the old site showed it",
                       "a session without a stage")
        title = self.keynote_title("schedule.yml", talk, title, kind, names)
        links = self.session_links("schedule.yml", talk, "link", title)
        # Titles that recur (breaks, lightning talks) get their day and time in the slug.
        slug = slugify(title if kind not in ("break", "address", "lightning-talks") else f"{title} {start:%d %b %H%M}")
        session = {"slug": slug, "title": title, "type": kind, "start": start, "duration": minutes, "stage": stage}
        if speakers:
            session["speakers"] = speakers
        if links:
            session["links"] = links
        session["_title"] = " ".join(raw_title.split())
        return session

    # Tickets, sponsors, partners ---------------------------------------------------------------

    def tickets(self) -> None:
        data = self.load("tickets.yml")
        if data is None:
            return
        tickets = []
        for entry in data.get("data") or []:
            details = str(entry.get("details") or "")
            admits = {"conference": ["conference"], "workshop": ["workshops"]}.get(entry.get("category"), [])
            if re.search(r"workshop", details, re.I) and re.search(r"conference", details, re.I):
                admits = ["conference", "workshops"]
            ticket = {"name": entry["name"], "price": entry.get("price"), "currency": "INR",
                      "status": "sold-out" if entry.get("status") == "sold" else "on-sale", "admits": admits}
            if entry.get("link"):
                ticket["link"] = entry["link"]
            ticket.update(sale_terms(details))
            tickets.append(ticket)
        self.out.tickets = {"tickets": tickets}

    def sponsors(self) -> None:
        sponsors = self.load("sponsors.yml")
        partners = self.load("communities.yml")
        if sponsors is None and partners is None:
            return
        names = {"in-kind": "In-kind sponsors", "community": "Community sponsors"}
        tiers, entries = [], []
        for entry in (sponsors or {}).get("data") or []:
            tier = slugify(str(entry.get("type") or "sponsor"))
            if tier not in [t["id"] for t in tiers]:
                tiers.append({"id": tier, "name": names.get(tier, tier.replace("-", " ").capitalize() + " sponsors")})
            entries.append({"name": entry["name"], "tier": tier, **({"link": entry["link"]} if entry.get("link") else {})})
        order = list(names)
        tiers.sort(key=lambda t: order.index(t["id"]) if t["id"] in order else len(order))
        out = {"tiers": tiers, "sponsors": entries, "partners": []}
        for entry in (partners or {}).get("data") or []:
            out["partners"].append({"name": entry["name"], **({"link": entry["link"]} if entry.get("link") else {})})
        logos = [e for e in [*((sponsors or {}).get("data") or []), *((partners or {}).get("data") or [])] if e.get("image")]
        for entry in logos:
            self.problem("sponsors.yml" if entry in ((sponsors or {}).get("data") or []) else "communities.yml", entry,
                         f"logo {entry['image']} not brought (the old site's images are CC BY-NC-SA, a logo is its owner's): "
                         "add the file the sponsor gives under docs/ and name it as its logo", "a logo not brought")
        self.out.sponsors = out


def read(folder: Path, conference: dict, fix: bool) -> Imported:
    return Reader(folder, conference, fix).read()
