"""The manifest, the authors file and the report, on plain values."""

import yaml

from tools.pelican_import.output import Authors, manifest_text, read_manifest
from tools.pelican_import.report import Problem, Tally, print_problems


def test_the_manifest_reads_back(tmp_path):
    path = tmp_path / ".pelican-import.yml"
    entries = {"yes": "2021/yes.md", "post": "post.md"}
    path.write_text(manifest_text(entries), encoding="utf-8")
    assert read_manifest(path) == entries


def test_new_authors_are_appended_after_the_existing_ones(tmp_path, site):
    path = tmp_path / ".authors.yml"
    existing = "# ours\nauthors:\n  team:\n    name: Team\n    description: Us\n    avatar: a.svg\n"
    path.write_text(existing, encoding="utf-8")
    authors = Authors(path, site)
    assert [authors.id_for("asha  RAO"), authors.id_for("Asha Rao"), authors.id_for("team")] == ["asha-rao"] * 2 + ["team"]
    merged = authors.merged_text()
    assert merged.startswith(existing)
    assert yaml.safe_load(merged)["authors"]["asha-rao"] == {
        "name": "asha RAO",
        "description": f"Author on the {site.name} blog",
        "avatar": "a.svg",
    }


def test_problems_are_printed_by_file_and_line(capsys):
    print_problems([Problem("b.md", 1, "x"), Problem("a.md", 9, "y"), Problem("a.md", 2, "z")])
    assert capsys.readouterr().err.splitlines() == ["a.md:2: z", "a.md:9: y", "b.md:1: x"]


def test_the_summary_counts_what_a_run_did():
    problems = [Problem("a", 1, "x"), Problem("a", 2, "y", fixed=True)]
    tally = Tally(imported=3, written=2, skipped=1, copied=4, redirects=3, via_old_urls=1, problems=problems)
    assert tally.summary(pages=2, authors=1, dry_run=False) == (
        "Summary: imported 3 (2 written, 1 unchanged), skipped 1, problems 1, fixed 1, redirects 3 (1 via old_urls); "
        "files copied 4, authors added 1; 2 Pelican page(s) under pages/ left out"
    )


def test_a_kind_met_often_is_one_line_with_its_count_and_first_places(capsys):
    many = [Problem(f"p{n}.md", n, f"linked file not found: x{n}.png", "linked file not found") for n in range(1, 6)]
    print_problems([*many, Problem("a.md", 1, "unknown Status 'x'", "unknown Status")])
    assert capsys.readouterr().err.splitlines() == [
        "a.md:1: unknown Status 'x'",
        "5 × linked file not found: p1.md:1, p2.md:2, p3.md:3 and 2 more (--verbose lists each)",
    ]
    print_problems(many, verbose=True)
    assert capsys.readouterr().err.splitlines() == [str(p) for p in many]


def test_fixes_are_listed_before_what_is_left_for_a_person(capsys):
    print_problems([Problem("a.md", 2, "left"), Problem("a.md", 1, "mended", fixed=True)])
    assert capsys.readouterr().err.splitlines() == ["a.md:1: fixed: mended", "a.md:2: left"]
