"""Links Pelican published broken, and frames from other hosts: found on
plain lines, fixed only where there is one reading."""

import pytest

from tools.markdown_links import PATH, check, fix_line, frames


@pytest.mark.parametrize(
    ("target", "fixed"),
    [
        ("in.pycon.org/2025", "https://in.pycon.org/2025"),
        ("www.example.com/", "https://www.example.com/"),
        ("example.org", "https://example.org"),
        ("contact@example.org", "mailto:contact@example.org"),
    ],
)
def test_a_target_with_one_reading_is_mended(target, fixed):
    assert check(target).fixed == fixed


@pytest.mark.parametrize("target", ["https://x.org", "mailto:a@b.org", "#anchor", "{static}/a.png", "|filename|a.md"])
def test_good_targets_and_pelicans_own_links_are_left_alone(target):
    assert check(target) is None


@pytest.mark.parametrize("target", ["notes.md", "setup.py", "old-page.html", "../2019/post.html", "/theme/x.css"])
def test_a_path_into_the_old_blogs_output_is_reported_for_a_person(target):
    fault = check(target)
    assert fault.fixed is None and fault.kind == PATH


def test_a_line_with_every_kind_is_mended_in_place_and_each_change_reported():
    line = "[a](www.example.com/) [b](contact@example.org) [c]((https://example.org/s)) ![d](e.png)"
    text, faults = fix_line(line, fix=True)
    assert text == "[a](https://www.example.com/) [b](mailto:contact@example.org) [c](https://example.org/s) ![d](e.png)"
    assert [f.target for f in faults] == ["www.example.com/", "contact@example.org", "https://example.org/s", "e.png"]
    assert fix_line(line, fix=False)[0] == line


def test_a_reference_definition_is_mended_too():
    assert fix_line("[venue]: example.org/venue 'The venue'", fix=True)[0] == "[venue]: https://example.org/venue 'The venue'"


def test_a_frame_from_another_host_becomes_a_link_with_its_title():
    line = '<iframe src="https://charts.example.com/t?a=1&amp;b=2" title="Ticket sales"></iframe>'
    text, faults = frames(line, fix=True)
    assert text == '<p><a href="https://charts.example.com/t?a=1&amp;b=2">Ticket sales</a></p>'
    assert [f.target for f in faults] == ["https://charts.example.com/t?a=1&b=2"]


def test_a_frame_without_a_title_names_its_host():
    text, _ = frames('<iframe src="//video.example.com/embed/1"></iframe>', fix=True)
    assert text == '<p><a href="https://video.example.com/embed/1">Embedded content on video.example.com</a></p>'


def test_a_frame_of_the_site_is_kept_and_one_over_several_lines_is_reported():
    assert frames('<iframe src="chart.html" title="x"></iframe>', fix=True) == ('<iframe src="chart.html" title="x"></iframe>', [])
    text, faults = frames('<iframe width="560"', fix=True)
    assert text == '<iframe width="560"' and faults[0].fixed is None


# A link read whole, as Python-Markdown reads it, whatever its text holds; {target} is where its target goes.
LINK_FORMS = {
    "an image as its text": "[![Sponsor](https://cdn.example.org/logo.png)]({target})",
    "brackets in its text": "[the [2023] sponsors]({target} \"The call\")",
    "code in its text": "[`pip install` sponsor]({target})",
    "emphasis in its text": "[*in-kind* sponsors]({target})",
    "an image inside an image's alt": "![![nested]]({target})",
    "a reference definition": "[partner]: {target}",
    "an HTML link around an image": '<a href="{target}"><img src="logo.png" alt="Bronze sponsor"></a>',
}


@pytest.mark.parametrize("form", LINK_FORMS)
@pytest.mark.parametrize("target", ["www.example.com", "example.org/partners", "contact@example.org"])
def test_a_link_gets_the_same_reading_whatever_its_text_holds(form, target):
    line = LINK_FORMS[form].format(target=target)
    text, faults = fix_line(line, fix=True)
    assert text == LINK_FORMS[form].format(target=check(target).fixed)
    assert [f.target for f in faults] == [target]


def test_a_link_in_a_code_span_or_behind_an_escaped_bracket_is_no_link():
    line = "`[x](www.example.com)` and \\[y](www.example.org) stay as written"
    assert fix_line(line, fix=True) == (line, [])
