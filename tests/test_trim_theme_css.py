"""The stylesheet trimmer keeps a rule unless nothing on the site can match it."""

import importlib.util

from tests.support import ROOT, mkdocs_build

spec = importlib.util.spec_from_file_location("trim_theme_css", ROOT / "overrides/hooks/site/trim_theme_css.py")
trim = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trim)


def trimmed(css: str, classes: set[str], colors=frozenset({"indigo"})) -> str:
    return trim.serialize(trim.trim_rules(trim.parse(css), set(classes), set(colors)))


def test_a_rule_for_an_unused_class_goes_and_one_for_a_used_class_stays():
    css = ".md-typeset .admonition{color:red}.md-typeset p{margin:0}"
    assert trimmed(css, {"md-typeset"}) == ".md-typeset p{margin:0}"


def test_only_the_unmatchable_selectors_of_a_list_go():
    assert trimmed(".tabbed-set,.md-nav{x:1}", {"md-nav"}) == ".md-nav{x:1}"


def test_a_missing_class_inside_not_does_not_drop_the_rule():
    css = ".md-typeset code:not(.focus-visible){outline:none}"
    assert trimmed(css, {"md-typeset"}) == css


def test_dots_in_attribute_values_and_strings_are_not_classes():
    css = '.md-typeset a[href$=".pdf"]{x:1}.md-typeset q:before{content:".quote"}'
    assert trimmed(css, {"md-typeset"}) == css


def test_rules_inside_media_queries_are_trimmed_and_empty_queries_go():
    css = "@media screen{.admonition{x:1}}@media print{.md-nav{x:1}}@charset \"UTF-8\";"
    assert trimmed(css, {"md-nav"}) == '@media print{.md-nav{x:1}}@charset "UTF-8";'


def test_palette_rules_for_unused_colours_go():
    css = "[data-md-color-primary=red]{x:1}[data-md-color-primary=indigo]{x:2}"
    assert trimmed(css, set()) == "[data-md-color-primary=indigo]{x:2}"


def test_custom_properties_nothing_reads_go_and_chains_are_followed():
    rules = trim.parse(":root{--a:1;--b:var(--c);--c:2;--unused:3}p{color:var(--b)}")
    used = trim.used_custom_properties(rules, read_elsewhere=set())
    assert trim.serialize(trim.trim_custom_properties(rules, used)) == ":root{--b:var(--c);--c:2}p{color:var(--b)}"


def main_stylesheet(site) -> str:
    return next((site / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")


def test_a_build_with_the_classes_of_the_last_one_takes_its_stylesheet_from_the_cache(project_copy, tmp_path):
    assert mkdocs_build(project_copy, tmp_path / "first").returncode == 0
    for entry in (project_copy / ".cache/trim-theme-css").glob("*.css"):  # main and palette
        entry.write_text(entry.read_text(encoding="utf-8") + "/* from the cache */", encoding="utf-8")
    assert mkdocs_build(project_copy, tmp_path / "second").returncode == 0
    assert main_stylesheet(tmp_path / "second").endswith("/* from the cache */")

    # A page that starts using content tabs gets their rules back: a new entry, not the old one.
    page = project_copy / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<div class="tabbed-set">Tabs</div>\n', encoding="utf-8")
    assert mkdocs_build(project_copy, tmp_path / "third").returncode == 0
    assert ".tabbed-set" in main_stylesheet(tmp_path / "third")
    assert ".tabbed-set" not in main_stylesheet(tmp_path / "first")
