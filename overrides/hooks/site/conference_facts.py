"""Check what every edition shares (`extra.conference` in mkdocs.yml: the
conference's name, tagline and organiser) before any template reads it: a
missing or malformed field stops the build with its name, instead of a blank
on the home page. Each edition's own facts are checked with its data
(programme/programme_data.py, `EditionFacts`).

The fields are checked with MkDocs' own config options, as mkdocs.yml is.
"""


from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


class Text(c.Type):
    """Words a reader sees: a string with more than white space."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not value.strip():
            raise base.ValidationError("is empty")
        return value


class Conference(base.Config):
    name = Text()
    tagline = Text()
    organiser = Text()


def problems(facts) -> list[str]:
    """What is wrong with the facts, one line per field."""
    if not isinstance(facts, dict):
        return [f"extra.conference: expected the conference's fields, got {facts!r}"]
    conference = Conference()
    conference.load_dict(facts)
    errors, warnings = conference.validate()
    found = [f"extra.conference.{key}: {error}" for key, error in errors]
    found += [f"extra.conference.{key}: {warning}" for key, warning in warnings]  # a misspelt field, or an edition's
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    found = problems(config.extra.get("conference"))
    if found:
        raise PluginError(
            f"conference_facts.py: the conference facts in {config.config_file_path} are wrong:\n  "
            + "\n  ".join(found)
        )
    return config
