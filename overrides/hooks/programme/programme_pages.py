"""Each edition's pages, made from its data at every build, under `/<year>/`:
its home, the schedule, a page per session and per speaker, the speakers,
the recordings, and the tickets and sponsors unless the team wrote them.

Each page is a Markdown file generated in `on_files` (so it is a real page:
in search, in the sitemap, its links checked): its title, its prose from the
data (an abstract, a biography) and its headings, with a marker where the
facts go. In `on_page_context`, once every page has its title and address,
each marker is replaced by the markup of partials/programme/, rendered
through the theme's environment. The hand-written pages of the programme
(tickets, sponsors) name what they show in their front matter
(`programme: tickets`) and get it after their text.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from urllib.parse import urljoin

import programme_data
import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from programme_data import TYPE_NAMES, Programme, ProgrammeError, anchor, day_anchor, day_phrase, for_build, span

MARKER = re.compile(r"<!-- programme:([a-z-]+)(?: ([^ ]+))? -->")
# The pages of an edition the Programme tab lists, in its order (those the edition has).
MENU = ("schedule", "my-schedule", "speakers/index", "recordings", "tickets", "sponsors", "code-of-conduct", "faq")
_theme: dict = {}  # this build's theme environment and files


def markdown_text(text: str) -> str:
    """Text shown as written inside Markdown: its punctuation escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", text)


def shifted(markdown: str, levels: int = 2) -> str:
    """Prose from the data under the page's own headings: its `#` headings moved down."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and re.match(r"#{1,6} ", line):
            line = "#" * levels + line
        out.append(line)
    return "\n".join(out)


def page_source(front: dict, body: list[str]) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n\n".join(body) + "\n"


def marker(name: str, arg: str = "") -> str:
    return f"<!-- programme:{name}{' ' + arg if arg else ''} -->"


def describe(programme: Programme, session) -> str:
    names = [programme.speakers[s].name for s in session.speakers]
    who = f" by {', '.join(names)}" if names else ""
    return (f"{TYPE_NAMES[session.type]}{who} at {programme.conference['name']}: "
            f"{span(programme, session, with_day=True)}, {programme.stage_name(session)}.")


def edition_home(programme: Programme) -> str:
    """The edition's landing page: home.html draws its facts, calls to action and keynotes."""
    front = {"title": programme.conference["name"], "template": "home.html", "programme": "home", "hide": ["navigation", "toc"],
             "description": f"{programme.conference['name']}: its schedule, speakers, recordings, tickets and sponsors."}
    return page_source(front, [])


def tickets_page(programme: Programme) -> str:
    front = {"title": "Tickets", "programme": "tickets",
             "description": f"The ticket types of {programme.conference['name']}, their prices and whether they can still be bought."}
    return page_source(front, ["# Tickets"])


def sponsors_page(programme: Programme) -> str:
    front = {"title": "Sponsors and partners", "programme": "sponsors",
             "description": f"The sponsors and community partners of {programme.conference['name']}."}
    return page_source(front, ["# Sponsors and partners"])


def schedule_page(programme: Programme) -> str:
    body = ["# Schedule", marker("schedule-intro"), marker("schedule-planner")]
    for day, _sessions in programme.by_day():
        heading = day_phrase(day.date) + (f": {markdown_text(day.name)}" if day.name else "")
        body += [f"## {heading} {{ #{day_anchor(day)} }}", marker("day", day.date.isoformat())]
    # Calendars to subscribe to, and the schedule in attendees' apps (partials/programme/exports.html).
    body += ["## In your calendar or app { #in-your-calendar data-search-exclude }", marker("schedule-exports")]
    # The days are linked at the top; without the contents column the stages get its width.
    front = {"title": "Schedule", "programme": "schedule", "hide": ["toc"],
             "description": f"The schedule of {programme.conference['name']}: every session by day, time and stage."}
    return page_source(front, body)


def my_schedule_page(programme: Programme) -> str:
    """The sessions a reader starred, kept in their browser: the page lists every session, hidden, and
    the planner's script (assets/javascripts/planner.js) shows the starred ones."""
    front = {"title": "My schedule", "programme": "my-schedule", "hide": ["toc"], "search": {"exclude": True},
             "description": f"The sessions of {programme.conference['name']} you starred, in time order, for your calendar."}
    return page_source(front, ["# My schedule", marker("my-schedule")])


def session_page(programme: Programme, session) -> str:
    body = [f"# {markdown_text(session.title)}", marker("session-planner", session.slug), marker("session-facts", session.slug)]
    if session.abstract:
        body += ["## Abstract", shifted(session.abstract)]
    if session.description:
        body += ["## Description", shifted(session.description)]
    people = [programme.speakers[s] for s in session.speakers]
    if any(p.affiliation or p.photo or p.bio for p in people):  # more to say of them than their linked names above
        body += ["## Speakers" if len(people) > 1 else "## Speaker", marker("session-speakers", session.slug)]
    body += ["## On the schedule { data-search-exclude }", marker("session-neighbours", session.slug)]
    front = {"title": session.title, "description": describe(programme, session), "programme": "session",
             "session": session.slug,
             "share": {"kicker": programme.conference["name"],
                       "lines": [span(programme, session, with_day=True), programme.stage_name(session)],
                       "edition": {key: programme.conference[key] for key in ("mode", "start", "end")}}}
    return page_source(front, body)


def speaker_page(programme: Programme, speaker) -> str:
    body = [f"# {markdown_text(speaker.name)}", marker("speaker-facts", speaker.id)]
    if speaker.bio:
        body += [shifted(speaker.bio, 1)]
    sessions = "Sessions" if len(programme.sessions_of(speaker.id)) > 1 else "Session"
    body += [f"## {sessions} {{ data-search-exclude }}", marker("speaker-sessions", speaker.id)]  # found by their own pages
    about = f", {speaker.affiliation}" if speaker.affiliation else ""
    front = {"title": speaker.name, "programme": "speaker", "speaker": speaker.id,
             "description": f"{speaker.name}{about}: speaker at {programme.conference['name']}."}
    return page_source(front, body)


def speakers_page(programme: Programme) -> str:
    front = {"title": "Speakers", "programme": "speakers",
             "description": f"The keynote speakers and every speaker of {programme.conference['name']}."}
    body = ["# Speakers"]
    if programme.keynotes():
        body += ["## Keynote speakers", marker("keynote-speakers")]
    body += ["## All speakers", marker("all-speakers")]
    return page_source(front, body)


def recordings_page(programme: Programme) -> str:
    front = {"title": "Recordings", "programme": "recordings",
             "description": f"The recorded sessions of {programme.conference['name']}, by day."}
    body = ["# Recordings", marker("recordings-intro")]
    for day, sessions in programme.by_day():
        if any(s.recordings for s in sessions):
            body += [f"## {day_phrase(day.date)}", marker("recordings", day.date.isoformat())]
    return page_source(front, body)


def generated_pages(programme: Programme, files: Files) -> dict[str, str]:
    """The edition's pages made from its data; tickets and sponsors only where the team wrote none."""
    pages = {programme.home_uri(): edition_home(programme), programme.schedule_uri(): schedule_page(programme),
             programme.speakers_uri(): speakers_page(programme), programme.page_uri("recordings"): recordings_page(programme),
             programme.page_uri("my-schedule"): my_schedule_page(programme)}
    for name, page in (("tickets", tickets_page), ("sponsors", sponsors_page)):
        if files.get_file_from_path(programme.page_uri(name)) is None:
            pages[programme.page_uri(name)] = page(programme)
    for session in programme.with_pages():
        pages[programme.session_uri(session)] = session_page(programme, session)
    for speaker in programme.speakers.values():
        pages[programme.speaker_uri(speaker)] = speaker_page(programme, speaker)
    return pages


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        editions = for_build(config)
    except ProgrammeError as error:
        raise PluginError("programme_pages.py: the editions' data in docs/<year>/ is wrong:\n  " + "\n  ".join(error.problems)) from None
    # The current edition's facts, for what every page shows of it (the banner, the share card).
    config.extra["edition"] = editions.current.conference
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    editions = for_build(config)
    for programme in editions.all:
        for uri, content in generated_pages(programme, files).items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"programme_pages.py: docs/{uri} is written by hand, but the edition's data makes that page: "
                                  "remove the file, or rename the session or speaker")
            files.append(File.generated(config, uri, content=content))
    for file in files.documentation_pages():
        if editions.of_uri(file.src_uri) is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV  # placed in the menu by on_nav, from extra.editions
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """After the home page: the current edition's pages as the Programme tab, and each other
    edition's as a section of Editions. Session and speaker pages stay out of the menu
    (there are dozens) but belong to their edition's section, so it is the open one on them,
    as a post's is the blog's."""
    editions = for_build(config)

    def section(title: str, programme: Programme) -> Section:
        # A past edition's section opens on its home; the current one's home is the site's, first in the menu.
        landing = () if programme is editions.current else (programme.home_uri(),)
        pages = [files.get_file_from_path(uri) for uri in (*landing, *map(programme.page_uri, MENU))]
        made = Section(title, [file.page for file in pages if file is not None])
        for file in files.documentation_pages():
            if editions.of_uri(file.src_uri) is programme and file.page is not None:
                file.page.parent = made
        return made

    sections = [section("Programme", editions.current)]
    if editions.others:
        past = Section("Editions", [section(p.conference["name"], p) for p in editions.others])
        for child in past.children:
            child.parent = past
        sections.append(past)
    home = next((i for i, item in enumerate(nav.items) if getattr(item, "is_homepage", False)), -1)
    nav.items[home + 1:home + 1] = sections
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    _theme["env"], _theme["files"] = env, files
    return env


class Links:
    """Addresses relative to the page being rendered, from the rules of programme_data."""

    def __init__(self, page: Page, files: Files, programme: Programme, site_url: str = ""):
        self.page, self.files, self.programme, self.site_url = page, files, programme, site_url

    def to(self, uri: str, fragment: str = "") -> str:
        file = self.files.get_file_from_path(uri)
        url = get_relative_url(file.url, self.page.url)
        return f"{url}#{fragment}" if fragment else url

    def session(self, session) -> str:
        return self.to(self.programme.session_uri(session))

    def speaker(self, speaker) -> str:
        return self.to(self.programme.speaker_uri(speaker))

    def in_schedule(self, session) -> str:
        return self.to(self.programme.schedule_uri(), anchor(session))

    def calendar(self, session=None) -> str:
        return self.file(self.programme.calendar_uri(session))

    def action(self, href: str) -> str:
        """A call to action's address: kept when it leaves the site or is a fragment, else the page's."""
        return href if "://" in href or href.startswith(("#", "mailto:")) else self.to(href)

    def file(self, uri: str) -> str:
        return get_relative_url(uri, self.page.url)

    def absolute(self, uri: str) -> str:
        """A generated file's address on the published site (what an app or a calendar is given)."""
        return urljoin(self.site_url, uri)

    def webcal(self, uri: str) -> str:
        """The subscription address of a calendar file: webcal:// opens most calendar apps' subscribe dialogue."""
        return "webcal://" + self.absolute(uri).split("://", 1)[1]


def edition_of(page: Page, config: MkDocsConfig) -> Programme | None:
    """The edition a page shows: its folder's; the home page, the current one."""
    editions = for_build(config)
    return editions.current if page.is_homepage else editions.of_uri(page.file.src_uri)


def page_facts(page: Page, config: MkDocsConfig) -> dict:
    """What an edition's page shows of its data besides its content, as plain data: the edition's
    name in the window's title, its first session and days for the head's script, a session's
    schema.org Event. (`mkdocs serve` compares them before and after an edit: build/preview_rebuild.py.)"""
    programme = edition_of(page, config)
    if programme is None:
        return {}
    facts, kind = {}, page.meta.get("programme")
    if not page.is_homepage and page.title != programme.conference["name"]:
        facts["edition_name"] = programme.conference["name"]  # in the window's title: "Schedule - PyCon India 2020"
    if not (kind or page.is_homepage):
        return facts
    if programme.sessions:
        facts["programme_first_start"] = programme.sessions[0].start.isoformat()
        # The edition's days in its zone: while the reader's clock is inside them, room is kept for the "now" marks.
        first, last = (datetime.combine(day, time.min, tzinfo=programme.zone) for day in (programme.facts.start, programme.facts.end))
        facts["programme_days"] = [first.isoformat(), (last + timedelta(days=1)).isoformat()]
    if kind == "session":
        facts["programme_event"] = event_data(programme, session_of(programme, page), page, config)
    return facts


def session_of(programme: Programme, page: Page):
    return next(s for s in programme.sessions if s.slug == page.meta["session"])


# Before the search plugin (priority 0) indexes the page: the schedule's titles and names are searchable.
@event_priority(50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context.update(page_facts(page, config))
    kind = page.meta.get("programme")
    programme = edition_of(page, config)
    if programme is None or not (kind or page.is_homepage):
        return context
    links = Links(page, _theme["files"], programme, config.site_url or "")
    blocks = {"programme": programme, "links": links, "types": TYPE_NAMES, "pd": programme_data, "editions": for_build(config)}
    if page.is_homepage or kind == "home":
        # overrides/home.html: the edition's facts, its keynotes and its phase's calls to action
        actions = [(label, links.action(href)) for label, href in programme_data.calls_to_action(programme)]
        context.update(blocks, calls_to_action=actions)
        return context
    module = _theme["env"].get_template("partials/programme/blocks.html").make_module({**context, **blocks})
    exports = []  # the calendars' and exports' partial, made once the page names one of its blocks

    def block(match: re.Match) -> str:
        name = match[1].replace("-", "_")
        render = getattr(module, name, None)
        if render is None:
            if not exports:
                exports.append(_theme["env"].get_template("partials/programme/exports.html").make_module({**context, **blocks}))
            render = getattr(exports[0], name, None)
        if render is None:
            raise PluginError(f"programme_pages.py: partials/programme/blocks.html and exports.html have no block {match[1]!r}")
        return str(render(match[2]))

    page.content = MARKER.sub(block, page.content)
    if kind in ("tickets", "sponsors"):
        page.content += str(getattr(module, kind)(None))
    if kind == "session":
        session = session_of(programme, page)
        posts = sorted(programme.mentions.get(session.slug, {}).values(), key=lambda post: post.file.src_uri)
        if posts:
            page.content += str(module.session_posts(posts))
            items = page.toc.items
            # Under the page's h1, where its other h2s are (Material's contents column shows the h1's children).
            (items[0].children if items and items[0].level == 1 else items).append(AnchorLink("In the blog", "in-the-blog", 2))
    return context


def event_data(programme: Programme, session, page: Page, config: MkDocsConfig) -> dict:
    """schema.org's Event for the session's page (JSON-LD in overrides/main.html)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "description": page.meta.get("description"),
        "startDate": programme.local(session.start).isoformat(),
        "endDate": programme.local(session.finish).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "url": page.canonical_url,
        "organizer": {"@type": "Organization", "name": config.extra.get("publisher")},
        "superEvent": {"@type": "Event", "name": programme.conference["name"]},
    }
    website, mode = programme.conference["website"], programme.conference["mode"]
    if website:
        data["organizer"]["url"] = data["superEvent"]["url"] = website
    online = {"@type": "VirtualLocation", "url": programme.conference["stream"] or website or page.canonical_url}
    place = {"@type": "Place", "name": programme.stage_name(session), "address": programme.conference["venue"]}
    if mode == "Online":
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {**online, "name": programme.stage_name(session)}
    elif mode == "In person" and programme.conference["venue"]:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = place
    elif mode == "Hybrid" and programme.conference["venue"]:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
        data["location"] = [place, online]
    performers = [{"@type": "Person", "name": programme.speakers[s].name} for s in session.speakers]
    if performers:
        data["performer"] = performers
    if session.links.recording:
        data["recordedIn"] = {"@type": "VideoObject", "name": session.title, "url": session.links.recording}
    return data
