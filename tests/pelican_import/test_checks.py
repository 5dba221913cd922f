"""What keeps readers out of a post, found line by line; headings shifted up."""

from tools.pelican_import.body import add_more_marker
from tools.pelican_import.checks import BodyChecks


def checked(lines: list[str], fix_headings: bool = False) -> tuple[list[str], list[tuple[int, str, bool]]]:
    checks = BodyChecks()
    lines = [checks.line(text, number) for number, text in enumerate(lines, 1)]
    lines = checks.finish(lines, fix_headings)
    return lines, [(f.line, f.kind, f.fixed) for f in checks.findings]


def test_images_without_alt_text_and_links_without_text_are_found():
    _, found = checked(["![](a.png) ![ok](b.png)", '<img src="c.png"> <img alt="ok" src="d.png">', "[](https://x.org) <a href='y'> </a>"])
    assert found == [
        (1, "image without alt text", False), (2, "image without alt text", False),
        (3, "link without text", False), (3, "link without text", False),
    ]


def test_headings_that_start_at_three_are_shifted_up_when_asked():
    body = ["### Morning", "", "#### Coffee", "", "### Afternoon"]
    assert checked(body)[0] == body
    lines, found = checked(body, fix_headings=True)
    assert lines == ["## Morning", "", "### Coffee", "", "## Afternoon"]
    assert found == [(1, "headings start below ##", True)]


def test_a_heading_that_skips_a_level_is_reported():
    _, found = checked(["## A", "#### B", "## C"])
    assert found == [(2, "heading skips a level", False)]


def test_a_post_without_summary_gets_its_excerpt_after_the_first_paragraph():
    body = ["![lead](a.png)", "", "First paragraph,", "two lines.", "", "## More", "", "Rest."]
    assert add_more_marker(body) == body[:4] + ["", "<!-- more -->"] + body[4:]


def test_a_post_of_one_paragraph_or_with_a_marker_is_left_whole():
    assert add_more_marker(["Only one."]) == ["Only one."]
    assert add_more_marker(["One.", "", "<!-- more -->", "", "Two."]) == ["One.", "", "<!-- more -->", "", "Two."]


def test_an_image_captioned_with_its_own_alt_text_becomes_a_figure():
    lines, found = checked(["![The room](a.png)  ", "The [room](https://x.org)", "", "![Other](b.png)", "Not the same"])
    assert lines == [
        '<figure markdown="span">', "  ![The room](a.png)", '  <figcaption markdown="span">The [room](https://x.org)</figcaption>',
        "</figure>", "", "![Other](b.png)", "Not the same",
    ]
    assert found == [(1, "alt text repeats the caption", True)]
