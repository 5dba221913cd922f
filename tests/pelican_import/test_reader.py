"""Reading Pelican sources: headers, values, and the post made of them."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.pelican_import.conftest import DEFAULT_AUTHOR, post_from
from tools.pelican_import.reader import (
    author_id,
    make_post,
    parse_date,
    parse_md_headers,
    parse_rst_headers,
    parse_source,
    slugify,
    split_list,
)
from tools.pelican_import.records import ImportFailed

GMT = timezone.utc


def values(headers) -> dict[str, tuple[str, int]]:
    return {key: (header.value, header.line) for key, header in headers.items()}


def test_markdown_headers_with_their_lines_and_the_body_start():
    lines = ["Title: Hello", "DATE: 2021-08-01", "Summary: A long", "    summary", "", "Body."]
    headers, start = parse_md_headers(lines)
    assert values(headers) == {"title": ("Hello", 1), "date": ("2021-08-01", 2), "summary": ("A long summary", 3)}
    assert headers["date"].name == "DATE"
    assert lines[start:] == ["Body."]


def test_markdown_headers_between_yaml_style_fences():
    headers, start = parse_md_headers(["---", "Title: Hello", "---", "Body."])
    assert values(headers) == {"title": ("Hello", 2)}
    assert start == 3


def test_a_markdown_file_without_headers_is_all_body():
    assert parse_md_headers(["# Just a heading", "", "Text."]) == ({}, 0)


def test_rst_title_and_field_list():
    lines = ["Talks", "#####", "", ":date: 2021-08-20 18:30", ":tags: talks,", "   programme", "", "Body."]
    headers, start = parse_rst_headers(lines)
    assert values(headers) == {"title": ("Talks", 1), "date": ("2021-08-20 18:30", 4), "tags": ("talks, programme", 5)}
    assert lines[start:] == ["", "Body."]


def test_rst_title_between_overline_and_underline():
    headers, _ = parse_rst_headers(["=====", "Talks", "=====", ":date: 2021-08-20"])
    assert values(headers) == {"title": ("Talks", 2), "date": ("2021-08-20", 4)}


def test_a_source_numbers_its_body_from_the_file():
    source = parse_source("Title: T\nDate: 2021-08-01\n\nFirst.\n", Path("t.md"), "t.md", "content/t.md")
    assert (source.body, source.body_line, source.is_rst) == (["First."], 4, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-08-24 12:05", datetime(2021, 8, 24, 12, 5, tzinfo=GMT)),
        ("2016-07-1 14:30", datetime(2016, 7, 1, 14, 30, tzinfo=GMT)),
        ("2021-08-24", datetime(2021, 8, 24, tzinfo=GMT)),
        ("2021-08-24 9:05", datetime(2021, 8, 24, 9, 5, tzinfo=GMT)),
        ("2021-08-24 12:05:30", datetime(2021, 8, 24, 12, 5, 30, tzinfo=GMT)),
        ("2021-08-24_12:05", datetime(2021, 8, 24, 12, 5, tzinfo=GMT)),
        ("2021-08-24T12:05:00+05:30", datetime(2021, 8, 24, 6, 35, tzinfo=GMT)),
        ("2021-08-24T12:05Z", datetime(2021, 8, 24, 12, 5, tzinfo=GMT)),
    ],
)
def test_dates_in_every_form_pelican_reads(text, expected):
    parsed = parse_date(text, GMT)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_an_iso_date_keeps_its_own_offset():
    parsed = parse_date("2021-08-24T12:05:00+05:30", GMT)
    assert parsed.utcoffset() == timedelta(hours=5, minutes=30)


@pytest.mark.parametrize("text", ["2021-13-45 10:00", "soon", ""])
def test_unreadable_dates(text):
    with pytest.raises(ValueError):
        parse_date(text, GMT)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Machine learning: A major cause of the Pythonic buzz", "machine-learning-a-major-cause-of-the-pythonic-buzz"),
        ("Sprints & dev sprints at PyCon India!", "sprints-dev-sprints-at-pycon-india"),
        ("  Café -- naïve   résumé  ", "cafe-naive-resume"),
        ("snake_case stays", "snake_case-stays"),
        ("PyCon  India Content Team", "pycon-india-content-team"),
        ("<em>Tagged</em> title", "tagged-title"),
    ],
)
def test_slugify_like_pelican(title, slug):
    assert slugify(title) == slug


def test_list_headers_split_on_semicolons_before_commas():
    assert split_list("Rao, Asha; Singh, Vikram") == ["Rao, Asha", "Singh, Vikram"]
    assert split_list("sprints, community,") == ["sprints", "community"]


def test_author_ids_ignore_case_and_spacing_and_never_are_empty():
    assert author_id("asha  RAO") == author_id("Asha Rao") == "asha-rao"
    assert author_id("日本").startswith("author-")


def test_a_post_from_its_headers():
    post = post_from(
        "Title: Sprints!\nDate: 2021-09-01 09:05\nAuthors: Asha Rao; Vikram Singh\nCategory: 2021\n"
        "Tags: sprints, community\nStatus: hidden\nSeries: PyCon\n\nBody.\n"
    )
    assert (post.title, post.slug, post.category, post.status, post.draft) == ("Sprints!", "sprints", "2021", "hidden", True)
    assert post.authors == ["Asha Rao", "Vikram Singh"]
    assert post.tags == ["sprints", "community"]
    assert post.extra == {"series": "PyCon"}


def test_a_post_without_an_author_gets_the_default_one():
    assert post_from("Title: T\nDate: 2021-08-01\nAuthor:\n\nBody.\n").authors == [DEFAULT_AUTHOR]


def test_problems_found_while_making_a_post():
    text = "Title: T\nDate: 2021-08-01\nSlug: a&b\nTemplate: custom\nStatus: archived\n\nBody.\n"
    source = parse_source(text, Path("t.md"), "t.md", "content/t.md")
    post, problems = make_post(source, GMT, DEFAULT_AUTHOR)
    assert [(found.line, found.reason, found.fixed) for found in problems] == [
        (3, "slug 'a&b' cannot be a file name; it becomes 'ab' (its old address is kept)", True),
        (5, "unknown Status 'archived': imported as a draft", False),
        (4, "header 'Template' would change the page in MkDocs; kept as 'pelican_template'", True),
    ]
    assert post.slug == "ab" and post.extra == {"pelican_template": "custom"}
    assert post.pelican_slug == "a&b"  # the old address keeps it


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Date: 2021-08-01\n\nBody.\n", 1, "no Title header: the file is skipped"),
        ("Title: T\n\nBody.\n", 1, "no Date header, nor a date at the start of the file's name: the file is skipped"),
        ("Title: T\nDate: soon\n\nBody.\n", 2, "cannot read the date 'soon' in Date: the file is skipped"),
    ],
)
def test_a_file_that_cannot_be_a_post(text, line, reason):
    source = parse_source(text, Path("t.md"), "t.md", "content/t.md")
    with pytest.raises(ImportFailed) as failure:
        make_post(source, GMT, DEFAULT_AUTHOR)
    assert (failure.value.line, failure.value.reason) == (line, reason)


def test_a_draft_without_a_date_is_left_with_a_reason_a_person_can_act_on():
    with pytest.raises(ImportFailed, match="a draft without a Date header, which Pelican did not publish"):
        post_from("Title: Soon\nStatus: draft\n\nBody.\n")
