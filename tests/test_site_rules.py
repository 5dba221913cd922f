"""The site's rules for posts (overrides/hooks/site_rules.py), which the
hooks, the importer and the tests share."""

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest
import yaml

from overrides.hooks.site_rules import BlogRules, old_page, read_front_matter

INDIA = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(scope="module")
def rules(config) -> BlogRules:
    return BlogRules.of(config)


def test_a_posts_url_follows_the_blog_plugins_settings(rules):
    created = datetime(2021, 1, 1, 0, 30, tzinfo=INDIA)  # still 2020 in GMT: the year is the post's own
    assert rules.post_url(created, "deep-dive", ["Machine Learning"]) == "blog/2021/deep-dive/"
    by_category = dataclasses.replace(rules, post_url_format="{categories}/{slug}", directory_urls=False)
    assert by_category.post_url(created, "deep-dive", ["Machine Learning", "AI"]) == "blog/machine-learning/deep-dive.html"


def test_the_old_address_slugs_the_category_as_material_does(rules):
    created = datetime(2021, 9, 3, tzinfo=INDIA)
    assert rules.old_address("{category}/{slug}.html", created, "deep-dive", ["Machine Learning"]) == (
        f"{rules.category_slug('Machine Learning')}/deep-dive.html"
    )
    assert rules.old_address("{date:%Y}/{month}/{slug}/", created, "x", []) == "2021/09/x/index.html"
    with pytest.raises(ValueError, match="KeyError: 'nothing'"):
        rules.old_address("{nothing}.html", created, "x", [])


def test_the_file_that_answers_an_address():
    assert old_page("/2021/x.html#top") == "2021/x.html"
    assert old_page("2021/x/") == "2021/x/index.html"


def test_front_matter_and_the_markdown_after_it():
    assert read_front_matter("---\nslug: x\n---\n\n# T\n") == ({"slug": "x"}, "# T\n")
    assert read_front_matter("# No front matter\n") == ({}, "# No front matter\n")
    with pytest.raises(yaml.YAMLError):
        read_front_matter("---\n- a list\n---\n")
