"""An edition's facts and the site's list of editions, as the importer edits them: line by line, comments kept."""

from datetime import date

import yaml

from overrides.hooks.programme.programme_data import EditionFacts, editions_config
from tools.programme_import.edition import add_edition, edit, new_facts

FLOW = """extra:
  # The editions on the site.
  editions:
    current: 2021  # the home page's
    # Every edition, newest first.
    all: [2021, 2019]
"""
BLOCK = FLOW.replace("    all: [2021, 2019]\n", "    all:\n      - 2021  # online\n      - 2019\n")


def editions(text: str) -> tuple[int, list[int]]:
    return editions_config(yaml.safe_load(text)["extra"]["editions"])


def test_a_year_joins_the_list_newest_first_in_either_style_and_only_that_changes():
    for text in (FLOW, BLOCK):
        for year, expected in ((2031, [2031, 2021, 2019]), (2020, [2021, 2020, 2019]), (2010, [2021, 2019, 2010])):
            edited = add_edition(text, year, current=False)
            assert editions(edited) == (2021, expected)
            assert [line for line in edited.splitlines() if line.lstrip().startswith("#")] == \
                [line for line in text.splitlines() if line.lstrip().startswith("#")]
        assert add_edition(text, 2019, current=False) == text  # listed already: no byte changes


def test_current_is_edited_in_place_keeping_its_comment():
    edited = add_edition(FLOW, 2031, current=True)
    assert editions(edited) == (2031, [2031, 2021, 2019])
    assert "    current: 2031  # the home page's\n" in edited


def test_a_new_editions_facts_pass_the_model_and_an_update_keeps_the_comments():
    found = {"name": "PyCon India 2031: Bengaluru", "start": date(2031, 9, 26), "end": date(2031, 9, 28)}
    text = new_facts(found, "Asia/Kolkata", True, "schedule.json")
    facts = EditionFacts.model_validate(yaml.safe_load(text))
    assert (facts.name, facts.start, facts.end, facts.timezone) == (found["name"], found["start"], found["end"], "Asia/Kolkata")
    assert facts.mode is None and facts.venue is None and facts.links.website is None
    updated = edit(text, {"end": date(2031, 9, 29), "name": "PyCon India 2031"})
    assert yaml.safe_load(updated)["end"] == date(2031, 9, 29) and yaml.safe_load(updated)["name"] == "PyCon India 2031"
    assert len(updated.splitlines()) == len(text.splitlines())
    assert [line for line in updated.splitlines() if line.startswith("#")] == [line for line in text.splitlines() if line.startswith("#")]
