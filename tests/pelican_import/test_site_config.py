"""Adding the categories an import brings to mkdocs.yml, in place."""

import pytest

from tests.conftest import ROOT
from tools.pelican_import.site_config import CannotEdit, add_allowed_categories

SITE_CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_new_categories_are_added_under_the_existing_ones_and_nothing_else_changes():
    edited = add_allowed_categories(SITE_CONFIG, ["2019", 'Say "hi"'])
    before, after = SITE_CONFIG.splitlines(), edited.splitlines()
    assert len(after) == len(before) + 2
    at = next(i for i, line in enumerate(after) if line.strip() == '- "2019"')
    assert after[at - 1].strip().startswith("- ")  # right after the list's last item
    assert after[at + 1] == after[at].replace('"2019"', '"Say \\"hi\\""')
    assert after[:at] + after[at + 2:] == before


def test_a_config_that_allows_every_category_is_left_alone():
    text = "site_name: x\nplugins:\n  - blog:\n      blog_toc: true\n"
    assert add_allowed_categories(text, ["2019"]) == text


def test_a_list_in_flow_style_is_left_for_a_person_with_the_edit_to_make():
    text = 'site_name: x\nplugins:\n  - blog:\n      categories_allowed: ["2021"]\n'
    with pytest.raises(CannotEdit, match='- "2019"'):
        add_allowed_categories(text, ["2019"])
