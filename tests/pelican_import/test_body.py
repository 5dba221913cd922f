"""A post's body made ready for the site, on plain lines."""

from tools.pelican_import.body import markdown_body, rst_body


def unchanged(text: str, number: int) -> str:
    return text


def test_the_heading_that_repeats_the_title_goes():
    body = ["", "Sprints & dev sprints!", "======================", "", "Text."]
    assert markdown_body(body, 5, "Sprints &  DEV sprints!", unchanged) == ["", "Text."]


def test_another_first_heading_stays():
    body = ["## Why", "", "Text."]
    assert markdown_body(body, 5, "Sprints", unchanged) == body


def test_the_summary_marker_becomes_materials():
    assert markdown_body(["Teaser.", "<!-- PELICAN_END_SUMMARY -->"], 5, "T", unchanged) == ["Teaser.", "<!-- more -->"]


def test_rewrites_see_source_line_numbers_and_skip_code():
    seen = []

    def rewrite(text: str, number: int) -> str:
        seen.append(number)
        return text.upper()

    body = ["link", "```", "code", "```", "after  ", "trailing "]
    assert markdown_body(body, 10, "T", rewrite) == ["LINK", "```", "code", "```", "AFTER  ", "TRAILING"]
    assert seen == [10, 14, 15]


def test_restructuredtext_becomes_markdown_with_headings_below_the_title():
    lines = rst_body(["Some *text*.", "", ".. PELICAN_END_SUMMARY", "", "Part", "----", "", "More."], 4, unchanged)
    text = "\n".join(lines)
    assert "Some *text*." in text
    assert "<!-- more -->" in text
    assert "## Part" in text
