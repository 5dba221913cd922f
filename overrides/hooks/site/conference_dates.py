"""The conference's dates as one phrase, "September 17–20, 2021".

The one implementation of the phrase: templates get it as the
`conference_dates` filter (partials/conference.html), and the share images
(share_images.py) import it, so the home page and the cards cannot disagree.
"""

from datetime import date

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def dates_parts(start: date, end: date) -> list[str]:
    """The phrase's two ends, to be joined by an en dash: the month or year
    is repeated only where it changes; a one-day event is one part."""
    if start == end:
        return [f"{start:%B} {start.day}, {start.year}"]
    if start.year != end.year:
        return [f"{start:%B} {start.day}, {start.year}", f"{end:%B} {end.day}, {end.year}"]
    last = f"{end:%B} {end.day}" if start.month != end.month else f"{end.day}"
    return [f"{start:%B} {start.day}", f"{last}, {end.year}"]


def dates_phrase(start: date, end: date) -> str:
    """"September 17–20, 2021", "September 30–October 2, 2021"."""
    return "–".join(dates_parts(start, end))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["conference_dates"] = lambda conference: dates_parts(conference["start"], conference["end"])
    return env
