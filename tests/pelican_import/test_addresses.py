"""A post's slug and old address, decided on post records."""

from pathlib import Path

from tests.pelican_import.conftest import post_from
from tools.pelican_import.addresses import assign_old_urls, assign_slugs, mark_translations, pelican_address


def test_the_earlier_post_keeps_a_shared_slug():
    later = post_from("Title: Same\nDate: 2021-02-01\n\nB.\n", "b.md")
    earlier = post_from("Title: Same\nDate: 2021-01-01\n\nA.\n", "a.md")
    problems = assign_slugs([later, earlier], {}, {}, Path("posts"))
    assert (earlier.slug, later.slug) == ("same", "same-2")
    assert [str(found) for found in problems] == [
        "content/b.md:1: duplicate slug 'same': also used by content/a.md, which keeps it (earlier date); "
        "this post is imported as 'same-2'"
    ]


def test_a_post_already_in_the_blog_keeps_its_slug_unless_this_source_wrote_it():
    post = post_from("Title: Same\nDate: 2021-01-01\n\nA.\n", "a.md")
    assert assign_slugs([post], {"same": "same.md"}, {"same": "a.md"}, Path("posts")) == []
    assert post.slug == "same"
    assign_slugs([post], {"same": "same.md"}, {}, Path("posts"))
    assert post.slug == "same-2"


def test_pelicans_address_fields():
    post = post_from("Title: Deep dive\nDate: 2021-01-01 00:30\nCategory: Machine Learning\nAuthor: Asha Rao\n\nB.\n")
    assert pelican_address("{category}/{slug}.html", post) == "machine-learning/deep-dive.html"
    assert pelican_address("{author}/{date:%Y}/{month}/{slug}/", post) == "asha-rao/2021/01/deep-dive/index.html"


def test_old_urls_only_where_the_sites_pattern_misses(site):
    same = post_from("Title: Same\nDate: 2021-03-01\nCategory: 2021\n\nB.\n")
    assert assign_old_urls([same], "{year}/{slug}.html", site) == []
    assert same.redirected and same.old_urls == []
    other = post_from("Title: Other\nDate: 2021-03-01\nCategory: 2021\n\nB.\n")
    assign_old_urls([other], "{year}/{month}/{slug}.html", site)
    assert other.old_urls == ["2021/03/other.html"]


def test_an_unfillable_pattern_is_a_problem(site):
    post = post_from("Title: T\nDate: 2021-03-01\n\nB.\n")
    problems = assign_old_urls([post], "{nothing}/{slug}.html", site)
    assert [found.reason for found in problems] == [
        "--url-pattern cannot be filled for this post (KeyError: 'nothing'); its old address is not kept"
    ]
    assert not post.redirected


def test_a_slug_used_again_in_another_year_is_kept(site):
    first = post_from("Title: Sponsor\nDate: 2020-06-01\nCategory: 2020\n\nA.\n", "a.md")
    again = post_from("Title: Sponsor\nDate: 2023-06-01\nCategory: 2023\n\nB.\n", "b.md")
    assert assign_slugs([again, first], {}, {}, Path("posts"), address=site.post_page) == []
    assert (first.slug, again.slug) == ("sponsor", "sponsor")
    assert (first.file_stem, again.file_stem) == ("sponsor", "sponsor-2023")  # two files, two addresses


def test_a_translation_takes_pelicans_slug_lang_and_its_old_address(site):
    article = post_from("Title: Oh yeah\nDate: 2021-06-01\nCategory: 2021\n\nA.\n", "a.md")
    other = post_from("Title: Oh ouais\nDate: 2021-06-01\nCategory: 2021\nSlug: oh-yeah\nLang: fr\n\nB.\n", "a-fr.md")
    mark_translations([other, article])
    assert (article.translation, other.translation) == (False, True)
    assert assign_slugs([other, article], {}, {}, Path("posts"), address=site.post_page) == []
    assert (article.slug, other.slug) == ("oh-yeah", "oh-yeah-fr")
    assign_old_urls([other, article], "{year}/{slug}.html", site)
    assert other.old_urls == ["oh-yeah-fr.html"]


def test_a_slug_pelican_wrote_with_an_ampersand_keeps_that_old_address(site):
    post = post_from("Title: T\nDate: 2017-08-01\nCategory: 2017\nSlug: ticket-transfer-&-cancel\n\nA.\n")
    assign_old_urls([post], "{year}/{slug}.html", site)
    assert post.slug == "ticket-transfer-cancel"
    assert post.old_urls == ["2017/ticket-transfer-&-cancel.html"]


def test_a_post_pelican_saved_elsewhere_keeps_that_address(site):
    post = post_from("Title: Baz\nDate: 2010-03-14\nSave_as: tag/baz.html\nUrl: tag/baz.html\n\nA.\n")
    assign_old_urls([post], "{year}/{slug}.html", site)
    assert post.old_urls == ["tag/baz.html"]


def test_a_file_named_by_its_date_needs_no_date_header():
    post = post_from("Title: From the name\n\nA.\n", "2012-11-30_from-the-name.md")
    assert post.created.date().isoformat() == "2012-11-30"
