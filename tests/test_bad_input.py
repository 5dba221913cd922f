"""A content mistake stops the build with a message that names the file and
the problem, and `make build` then leaves the published folder as it was."""

import re
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT, VENV, edition_years, mkdocs_build

POST = "docs/blog/posts/machine-learning-pycon.md"


def edit(project: Path, path: str, old: str, new: str):
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}: the fault was not planted"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def plant_second_post_with_same_slug(project: Path):
    original = (project / POST).read_text(encoding="utf-8")
    (project / "docs/blog/posts/copy-of-the-article.md").write_text(
        original.replace("# Machine learning:", "# Another post:"), encoding="utf-8"
    )


FAULTS = {
    "post without a date": (
        lambda p: edit(p, POST, "date:\n  created: 2021-08-24 12:05:00+00:00\n", ""),
        [POST.removeprefix("docs/"), "date"],
    ),
    "date that is not a date": (
        lambda p: edit(p, POST, "2021-08-24 12:05:00+00:00", "24th of August"),
        [POST.removeprefix("docs/"), "date"],
    ),
    "unknown author": (
        lambda p: edit(p, POST, "  - pycon-india-content-team", "  - nobody-we-know"),
        [POST.removeprefix("docs/"), "nobody-we-know"],
    ),
    "malformed front matter": (
        lambda p: edit(p, POST, "slug: machine-learning-pycon", "slug: [machine-learning-pycon"),
        [POST.removeprefix("docs/"), "flow sequence"],
    ),
    "link to a missing page": (
        lambda p: edit(p, POST, "Yes, and machine", "See [the schedule](../schedule.md). Yes, and machine"),
        [POST.removeprefix("docs/"), "schedule.md", "not found"],
    ),
    "missing image": (
        lambda p: edit(p, POST, "ai-ml-relations.svg", "no-such-figure.svg"),
        [POST.removeprefix("docs/"), "no-such-figure.svg", "not found"],
    ),
    "two posts with one slug": (
        plant_second_post_with_same_slug,
        ["blog/posts/copy-of-the-article.md", POST.removeprefix("docs/"), "blog/2021/machine-learning-pycon/"],
    ),
}


@pytest.mark.parametrize("fault", FAULTS, ids=FAULTS)
def test_bad_input_fails_the_build_naming_file_and_problem(project_copy, tmp_path, fault):
    plant, expected = FAULTS[fault]
    plant(project_copy)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0, f"the build passed despite: {fault}"
    for words in expected:
        assert words in result.stderr, f"{words!r} not in the error:\n{result.stderr}"


# What all editions share, in mkdocs.yml (overrides/hooks/site/conference_facts.py):
# what is written there, what a slip makes of it, and what the error must name.
CONFERENCE_FAULTS = {
    "organiser missing": ("    organiser: the Python community in India\n", "", ["organiser", "Required"]),
    "misspelt field": ("    tagline:", "    tag_line:", ["tagline", "tag_line"]),
}


@pytest.mark.parametrize("fault", CONFERENCE_FAULTS, ids=CONFERENCE_FAULTS)
def test_bad_conference_facts_fail_the_build_naming_the_field(project_copy, tmp_path, fault):
    old, new, fields = CONFERENCE_FAULTS[fault]
    edit(project_copy, "mkdocs.yml", old, new)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0, f"the build passed despite: {fault}"
    assert "mkdocs.yml" in result.stderr and f"extra.conference.{fields[0]}" in result.stderr, result.stderr
    assert all(words in result.stderr for words in fields[1:]), result.stderr


# Each edition's facts, in docs/<year>/edition.yml (programme_data.py, EditionFacts): a
# slip in any edition stops the build, named with the edition's file and the field.
EDITION_FAULTS = {
    "day that is not a date": (r"(?m)^start: .*$", "start: September 17", "start: Input should be a valid date"),
    "end before the start": (r"(?m)^end: .*$", "end: 1999-01-01", "end: Value error, 1999-01-01 is before start"),
    "website over http": (r"(?m)^  website: https://", "  website: http//", "links.website: Value error, 'http//"),
    "unknown phase": (r"(?m)^phase: .*$", "phase: finished", "phase: Input should be 'proposals', 'tickets'"),
}


# Each fault planted in one edition, taking the editions in turn: every edition is tried, each build costs seconds.
PLANTED = [(fault, edition_years()[n % len(edition_years())]) for n, fault in enumerate(EDITION_FAULTS)]


@pytest.mark.parametrize("fault, year", PLANTED, ids=[f"{fault}-{year}" for fault, year in PLANTED])
def test_bad_edition_facts_fail_the_build_naming_the_edition_and_the_field(project_copy, tmp_path, fault, year):
    pattern, new, message = EDITION_FAULTS[fault]
    facts = project_copy / "docs" / str(year) / "edition.yml"
    text, planted = re.subn(pattern, new, facts.read_text(encoding="utf-8"), count=1)
    assert planted, f"{fault}: not planted in {year}/edition.yml"
    facts.write_text(text, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0, f"the build passed despite: {fault}"
    assert f"{year}/edition.yml: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_failed_make_build_keeps_the_published_site(project_copy):
    (project_copy / "Makefile").write_text((ROOT / "Makefile").read_text())
    published = project_copy / "site"
    published.mkdir()
    (published / "index.html").write_text("the site as last published")
    edit(project_copy, POST, "ai-ml-relations.svg", "no-such-figure.svg")
    result = subprocess.run(
        ["make", "build", f"VENV={VENV}"], cwd=project_copy, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert [p.name for p in published.iterdir()] == ["index.html"]
    assert (published / "index.html").read_text() == "the site as last published"
