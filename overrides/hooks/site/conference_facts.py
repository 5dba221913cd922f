"""Check the conference facts (`extra.conference` in mkdocs.yml) before any
template reads them: a missing or malformed field stops the build with its
name, instead of a blank on the home page or a broken link in the hero.

The fields are checked with MkDocs' own config options, as mkdocs.yml is.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# The conference's phases, in order: what the home page leads to in each (overrides/home.html).
PHASES = ("proposals", "tickets", "schedule", "live", "over")


class Text(c.Type):
    """Words a reader sees: a string with more than white space."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not value.strip():
            raise base.ValidationError("is empty")
        return value


class Day(c.BaseConfigOption):
    """A day written as YYYY-MM-DD (YAML reads it as a date)."""

    def run_validation(self, value):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise base.ValidationError(f"expected a day written as YYYY-MM-DD, got {value!r}")
        return value


class SecureURL(c.URL):
    """An https address: the site is served over https and links to no http page."""

    def run_validation(self, value):
        url = super().run_validation(value)
        if not url.startswith("https://"):
            raise base.ValidationError(f"expected an https:// address, got {value!r}")
        return url


class Zone(Text):
    """An IANA time zone name, such as Asia/Kolkata: the programme's times are shown in it."""

    def run_validation(self, value):
        value = super().run_validation(value)
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise base.ValidationError(f"not a time zone: {value!r} (write e.g. Asia/Kolkata)") from None
        return value


class Conference(base.Config):
    name = Text()
    tagline = Text()
    organiser = Text()
    mode = Text()  # "Online", "In person", "Hybrid": shown as written
    start = Day()
    end = Day()
    timezone = Zone()
    phase = c.Choice(PHASES)
    website = SecureURL()
    proposals = SecureURL()
    stream = c.Optional(SecureURL())
    recordings = c.Optional(SecureURL())


def problems(facts) -> list[str]:
    """What is wrong with the facts, one line per field."""
    if not isinstance(facts, dict):
        return [f"extra.conference: expected the conference's fields, got {facts!r}"]
    conference = Conference()
    conference.load_dict(facts)
    errors, warnings = conference.validate()
    found = [f"extra.conference.{key}: {error}" for key, error in errors]
    found += [f"extra.conference.{key}: {warning}" for key, warning in warnings]  # a misspelt field
    if not errors and conference.end < conference.start:
        found.append(f"extra.conference.end: {conference.end} is before the start, {conference.start}")
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    found = problems(config.extra.get("conference"))
    if found:
        raise PluginError(
            f"conference_facts.py: the conference facts in {config.config_file_path} are wrong:\n  "
            + "\n  ".join(found)
        )
    return config
