"""The post file's front matter and layout, from a post record."""

import pytest
import yaml

from overrides.hooks.site_rules import read_front_matter
from tests.pelican_import.conftest import post_from
from tools.pelican_import.front_matter import folded, post_meta, render_post, yaml_scalar


@pytest.mark.parametrize("value", ["2021", "yes", "null", "3.10", "a: b", "#hash", "", " padded", "2021-08-24", "[x]"])
def test_values_that_yaml_would_misread_are_quoted(value):
    assert yaml_scalar(value).startswith('"')
    assert yaml.safe_load(f"k: {yaml_scalar(value)}") == {"k": value}


def test_plain_values_stay_plain():
    assert yaml_scalar("machine-learning-pycon") == "machine-learning-pycon"


def test_a_long_description_is_folded_and_reads_back_the_same():
    text = "A teaser long enough to need more than one line of front matter, " * 3
    block = folded("description", text.strip())
    assert block[0] == "description: >-" and len(block) > 2
    assert yaml.safe_load("\n".join(block)) == {"description": text.strip()}


def test_front_matter_keys_in_the_order_of_the_sites_posts():
    post = post_from("Title: T\nDate: 2021-08-01\nLang: hi\nSeries: S\nSummary: Teaser.\nTags: a\nCategory: 2021\n\nBody.\n")
    assert list(post_meta(post, ["asha-rao"])) == ["date", "authors", "categories", "tags", "slug", "description", "lang", "series"]


def test_a_post_file_reads_back_as_its_record():
    post = post_from("Title: Hello: world\nDate: 2021-08-01 10:00\nCategory: 2021\nStatus: draft\n\nBody.\n")
    post.old_urls = ["2021/08/hello.html"]
    meta, body = read_front_matter(render_post(post, ["team"], ["", "Body.", ""]))
    assert meta["date"]["created"] == post.created
    assert (meta["authors"], meta["categories"], meta["slug"], meta["draft"]) == (["team"], ["2021"], post.slug, True)
    assert meta["old_urls"] == post.old_urls
    assert body == "# Hello: world\n\nBody.\n"
