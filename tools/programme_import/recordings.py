"""Link each session to its recording, from a pyvideo/data conference folder (`videos/*.json`).

A video is matched to one session, never guessed, by the first rule that
finds exactly one:

1. its proposal: the address after "Talk Detail:" in its description is the
   session's proposal (or, for a panel or keynote, the blog post that
   announced it, `links.announcement`);
2. its title and speakers: the titles are the same words (a conference name
   in front of the video's title, such as "PyCon India 2021 Day 1 Closing
   Address", is not part of it; one title may be the other cut short; the
   same letters spaced otherwise, "Ren Py" and "Ren'Py", are the same), or,
   when none is, the same words after a label of one or two words in front
   of the video's title ("Tallk: Publishing ..."), and each of the session's
   speakers is one of the video's (a name may be shorter: "Sebastian" is
   "Sebastian Witowski"); a session without speakers matches on its title alone;
3. a keynote ("Keynote: <title>"), to the day's keynote by the same speakers,
   on the day the video was recorded;
4. a lightning talk ("Lightning Talk: ..." in its title or description), to
   the lightning-talks session of the day it was recorded.

A folder whose videos all have one `recorded` date, while the sessions rules 1
and 2 match them to fall on several days, has a placeholder, not the days
(pyvideo dated every 2016-2020 PyCon India video its conference's first day).
That is reported once and the dates are not read: a keynote is matched by its
speakers alone, when they gave one keynote, and a lightning talk only when
there is one lightning-talks session. (One video dated wrong among dates that
differ, as 2021's Day 2 opening, does not make the others wrong.)

A matched video becomes the session's `links.recording`; a lightning talk's
videos, several for one session, become `links.other` entries, one per video,
titled "Recording: <talk> (<speakers>)", in the order of the files. A second
video of a session already matched is reported and not linked; so is every
video no rule matches, or that more than one session fits.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

from text_unidecode import unidecode  # python-slugify's own transliteration: "Ødegård" is "Odegard"

from overrides.hooks.programme.programme_data import proposal_key
from tools.pelican_import.report import Problem
from tools.programme_import.records import ImportFailed, json_path

DETAIL = re.compile(r"Talk Detail:\s*(\S+)", re.IGNORECASE)
LABEL = re.compile(r"^\s*\w+(?:\s+\w+)?\s*:\s*(.+)$")  # "Tallk: Publishing well formed Python packages"
LIGHTNING = re.compile(r"^\s*lightning\s+talk\b\s*:?\s*", re.IGNORECASE)
KEYNOTE = re.compile(r"^\s*keynote\s*:\s*", re.IGNORECASE)
HONORIFICS = {"dr", "prof", "mr", "ms", "mrs"}


def words(text: str) -> list[str]:
    """Lower-case ASCII words: accents, punctuation and spacing do not tell titles or names apart."""
    return re.findall(r"[a-z0-9]+", unidecode(text).lower().replace("'", ""))


def name_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in HONORIFICS]


def same_person(short: str, long: str) -> bool:
    """One name's words are all in the other's ("Sebastian" and "Sebastian Witowski", "Dr. Ajith Kumar B P" and "Ajith Kumar")."""
    a, b = set(name_words(short)), set(name_words(long))
    return bool(a and b) and (a <= b or b <= a)


def same_title(video: list[str], session: list[str]) -> bool:
    if not video or not session:
        return False
    if "".join(video) == "".join(session):
        return True

    def cut_short(short: list[str], long: list[str]) -> bool:
        """`short`'s letters are `long`'s first words (spaced as they may be), and not too few of them."""
        return len(short) >= min(3, len(long)) and "".join(short) in {"".join(long[:n]) for n in range(1, len(long))}

    return cut_short(video, session) or cut_short(session, video)


class Linker:
    def __init__(self, files: dict[str, dict], folder: Path, conference: dict):
        self.sessions: list[dict] = files["schedule.yml"].get("sessions", [])
        speakers = files["speakers.yml"].get("speakers", [])
        self.names = {s["id"]: s["name"] for s in speakers}
        self.folder = folder
        self.zone = conference.get("timezone")
        self.prefix = words(str(conference.get("name") or ""))
        self.problems: list[Problem] = []
        self.matched: dict[str, str] = {}  # session slug -> the video file that gave its recording
        self.days_known = True  # whether a video's `recorded` is its session's day (see days_told())
        from zoneinfo import ZoneInfo  # noqa: PLC0415

        self.tz = ZoneInfo(self.zone) if self.zone else None

    def report(self, shown: str, path: str, reason: str, kind: str) -> None:
        self.problems.append(Problem(shown, json_path(*path.split(".")) if path else json_path(), reason, kind))

    def day(self, session: dict) -> date:
        start = session["start"]
        return (start.astimezone(self.tz) if self.tz else start).date()

    def speakers_of(self, session: dict) -> list[str]:
        return [self.names.get(s, s) for s in session.get("speakers") or []]

    def speakers_match(self, session: dict, video_speakers: list[str]) -> bool:
        mine = self.speakers_of(session)
        return all(any(same_person(m, v) for v in video_speakers) for m in mine) and bool(mine)

    def by_proposal(self, url: str) -> list[dict]:
        key = proposal_key(url)
        return [s for s in self.sessions
                if any(proposal_key(u) == key for u in ((s.get("links") or {}).get("proposal"), (s.get("links") or {}).get("announcement")) if u)]

    def by_title(self, title: str, video_speakers: list[str]) -> list[dict]:
        found = self.by_words(title, video_speakers)
        label = LABEL.match(title)
        return found or (self.by_words(label[1], video_speakers) if label else [])

    def by_words(self, title: str, video_speakers: list[str]) -> list[dict]:
        mine = words(title)
        if self.prefix and mine[: len(self.prefix)] == self.prefix:
            mine = mine[len(self.prefix):]
        out = []
        for session in self.sessions:
            if not same_title(mine, words(session["title"])):
                continue
            if session.get("speakers") and not self.speakers_match(session, video_speakers):
                continue
            out.append(session)
        return out

    def keynote(self, recorded: date | None, video_speakers: list[str]) -> list[dict]:
        return [s for s in self.sessions if s["type"] == "keynote" and (not self.days_known or recorded == self.day(s))
                and self.speakers_match(s, video_speakers)]

    def lightning(self, recorded: date | None) -> list[dict]:
        return [s for s in self.sessions if s["type"] == "lightning-talks" and (not self.days_known or recorded == self.day(s))]

    def days_told(self, videos: list[dict]) -> None:
        """Whether `recorded` can tell a video's day: not when every video has one date and the sessions
        rules 1 and 2 match them to fall on several days. Reported once when not."""
        dates = {video["recorded"] for video in videos}
        if len(dates) != 1 or None in dates:
            return
        days = set()
        for video in videos:
            found = self.by_proposal(video["detail"]) if video["detail"] else []
            if not found and not video["lightning"]:
                found = self.by_title(video["title"], video["names"])
            if len(found) == 1:
                days.add(self.day(found[0]))
        if len(days) < 2:
            return
        self.days_known = False
        self.report(f"{self.folder.name}/videos", "recorded",
                    f"every video is recorded {dates.pop()}, but the sessions their proposals or titles match are on "
                    f"{len(days)} days ({', '.join(map(str, sorted(days)))}): a placeholder, not read; a keynote is matched by its "
                    "speakers alone, a lightning talk only where there is one lightning-talks session",
                    "one recorded date for every video")

    @staticmethod
    def names_of(sessions: list[dict]) -> str:
        return ", ".join(s["slug"] for s in sessions)

    def read(self, path: Path) -> dict | None:
        shown = f"{self.folder.name}/videos/{path.name}"
        try:
            video = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            self.report(shown, "", f"not readable as JSON: {error}", "a video file not readable")
            return None
        title = " ".join(str(video.get("title") or "").split())
        url = next((v.get("url") for v in video.get("videos") or [] if isinstance(v, dict) and v.get("url")), None)
        if not url:
            self.report(shown, "videos", f"{title!r}: no video address: not linked", "a video without an address")
            return None
        description = str(video.get("description") or "")
        first_line = description.strip().splitlines()[0] if description.strip() else ""
        try:
            recorded = datetime.strptime(str(video.get("recorded")), "%Y-%m-%d").date()
        except ValueError:
            recorded = None
        detail = DETAIL.search(description)
        return {"file": path.name, "shown": shown, "title": title, "url": url, "recorded": recorded,
                "names": [n.strip() for s in video.get("speakers") or [] for n in str(s).split(",") if n.strip()],
                "detail": detail[1] if detail else None, "keynote": bool(KEYNOTE.match(title) or KEYNOTE.match(first_line)),
                "lightning": bool(LIGHTNING.match(title) or LIGHTNING.match(first_line))}

    def match(self, video: dict) -> tuple[str, list[dict], str]:
        """(the rule, the sessions it finds, the field it read)."""
        if video["detail"]:
            found = self.by_proposal(video["detail"])
            if found:
                return "proposal", found, "description"
        if video["lightning"]:
            return "lightning talk", self.lightning(video["recorded"]), "title"
        found = self.by_title(video["title"], video["names"])
        if not found and video["keynote"]:
            return "keynote", self.keynote(video["recorded"], video["names"]), "title"
        return "title and speakers", found, "title"

    def run(self) -> dict[str, int]:
        videos = self.folder / "videos"
        if not videos.is_dir():
            raise ImportFailed(f"{self.folder}: no videos/ folder: not a pyvideo/data conference folder")
        counts = {"proposal": 0, "title and speakers": 0, "keynote": 0, "lightning talk": 0}
        read = [v for v in (self.read(p) for p in sorted(videos.glob("*.json"))) if v]
        self.days_told(read)
        matches = [(video, *self.match(video)) for video in read]
        # Videos named by their proposal first: a second video of the same talk cannot take its place.
        matches.sort(key=lambda m: m[1] != "proposal")
        for video, rule, found, field in matches:
            title, names, shown = video["title"], video["names"], video["shown"]
            if len(found) > 1 and rule == "lightning talk":
                self.report(shown, field, f"{title!r}: a lightning talk, and its day is not known (its `recorded` is not read, "
                            f"above) among {len(found)} lightning-talks sessions ({self.names_of(found)}): not linked; add it to "
                            "its day's session's links.other by hand", "a lightning talk of an unknown day")
                continue
            if len(found) > 1:
                self.report(shown, field, f"{title!r} fits {len(found)} sessions by its {rule} ({self.names_of(found)}): "
                            "not linked; add links.recording to the right one by hand", "a video that fits several sessions")
                continue
            if not found:
                if video["detail"]:
                    reason = (f"{title!r}: its proposal {video['detail']} is no session's, nor do its title and speakers match "
                              "one (a session not in the programme?): not linked")
                    field = "description"
                elif video["lightning"]:
                    reason = f"{title!r}: a lightning talk recorded {video['recorded']}, a day with no lightning-talks session: not linked"
                else:
                    reason = (f"{title!r} by {', '.join(names) or 'no one'} (recorded {video['recorded']}) matches no session by "
                              "title and speakers" + ((", nor a keynote of its day by its speakers" if self.days_known
                                                           else ", nor a keynote by its speakers") if video["keynote"] else "") + ": not linked")
                self.report(shown, field, reason, "a video of no session")
                continue
            session = found[0]
            links = session.setdefault("links", {})
            if rule == "lightning talk":
                talk = LIGHTNING.sub("", title) if LIGHTNING.match(title) else title
                label = f"Recording: {talk}" + (f" ({', '.join(names)})" if names else "")
                links.setdefault("other", []).append({"title": label, "url": video["url"]})
            elif session["slug"] in self.matched:
                self.report(shown, field, f"{title!r} is a second video of {session['slug']!r}, whose recording is "
                            f"{self.matched[session['slug']]}, matched by its proposal or first: not linked", "a second video of a session")
                continue
            else:
                links["recording"] = video["url"]
                self.matched[session["slug"]] = video["file"]
            counts[rule] += 1
        return counts


def link(files: dict[str, dict], folder: Path, conference: dict) -> tuple[list[Problem], dict[str, int]]:
    """Add the recordings to `files`' sessions (in place): the problems met, and how many each rule linked."""
    linker = Linker(files, folder, conference)
    counts = linker.run()
    return linker.problems, counts


def keep(files: dict[str, dict], current: dict[str, dict]) -> None:
    """A run without --recordings keeps the recordings an earlier run linked (in place): the
    export knows nothing of them, so taking its word would unlink every video."""
    old = {str(s.get("uid") or s.get("slug")): s.get("links") or {}
           for s in (current.get("schedule.yml") or {}).get("sessions") or []}
    for session in files["schedule.yml"].get("sessions", []):
        links = old.get(str(session.get("uid") or session.get("slug")))
        if not links:
            continue
        mine = session.setdefault("links", {})
        if links.get("recording") and not mine.get("recording"):
            mine["recording"] = links["recording"]
        videos = [o for o in links.get("other") or [] if str(o.get("title", "")).startswith("Recording: ")]
        if videos and not any(str(o.get("title", "")).startswith("Recording: ") for o in mine.get("other") or []):
            mine["other"] = [*(mine.get("other") or []), *videos]
        if not mine:
            session.pop("links")
