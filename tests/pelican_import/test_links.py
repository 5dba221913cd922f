"""Pelican's internal links rewritten for the site."""

from pathlib import Path

from tests.pelican_import.conftest import post_from
from tools.pelican_import.links import Linker, locate, relative_url


def test_relative_urls_between_pages():
    assert relative_url("blog/images/x/a.png", "blog/2021/x/") == "../../images/x/a.png"
    assert relative_url("blog/2021/y/", "blog/2021/x/") == "../y/"
    assert relative_url("blog/2021/y.html", "blog/2021/x.html") == "y.html"


def test_pelicans_rule_for_link_targets():
    src, folder = Path("/c"), Path("/c/2021")
    assert locate("/images/a.png", src, folder) == Path("/c/images/a.png")
    assert locate("notes%20one.txt?v=2", src, folder) == Path("/c/2021/notes one.txt")
    assert locate("../../secret.txt", src, folder) is None


def linker_for(tmp_path: Path, site, text: str) -> Linker:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"png")
    post = post_from(text)
    post.source.path = tmp_path / "post.md"
    return Linker(post, tmp_path, site, {})


def test_a_static_link_in_markdown_and_in_html(tmp_path, site):
    linker = linker_for(tmp_path, site, "Title: Post\nDate: 2021-08-01\n\nBody.\n")
    assert linker.line("![a]({static}/images/a.png#x)", 4) == "![a](../images/post/a.png#x)"
    assert linker.line('<img src="{static}/images/a.png">', 5) == '<img src="../../images/post/a.png">'
    assert linker.copies == {"a.png": tmp_path / "images" / "a.png"}
    assert linker.problems == []


def test_links_with_no_page_here_are_kept_and_reported(tmp_path, site):
    linker = linker_for(tmp_path, site, "Title: Post\nDate: 2021-08-01\n\nBody.\n")
    assert linker.line("[python]({tag}python) [gone]({static}/gone.png)", 7) == "[python]({tag}python) [gone]({static}/gone.png)"
    assert [(found.line, found.reason) for found in linker.problems] == [
        (7, "a {tag} link has no page to point to on the site: {tag}python (the link is left as it is)"),
        (7, "linked file not found: {static}/gone.png (the link is left as it is)"),
    ]
