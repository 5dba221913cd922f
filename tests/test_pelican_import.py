"""The Pelican importer, tools/pelican_import, run end to end through main(): what it writes, that the
site builds with it, that a second run changes nothing, and how it reports
problems."""

import os
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from tests.conftest import ROOT, SEED, BuiltSite, mkdocs_build
from overrides.hooks.site_rules import read_front_matter
from tools.pelican_import.cli import main

FIXTURES = ROOT / "tests" / "fixtures" / "pelican_import"
SITE_POSTS = FIXTURES / "site"  # imports cleanly and builds
PROBLEM_POSTS = FIXTURES / "problems"  # one problem per file
CONFIG = ROOT / "mkdocs.yml"
SITE_POST = ROOT / "docs" / "blog" / "posts" / "machine-learning-pycon.md"
SPRINTS = "sprints-dev-sprints-at-pycon-india"
GMT = timezone.utc
PLACEHOLDER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'
OLD_MTIME = 1_000_000_000_000_000_000  # 2001-09-09


def config_copy(folder: Path) -> Path:
    """mkdocs.yml copied into `folder`, beside links to the site's docs/ and
    overrides/: the importer adds the categories it brings to the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides"):
        if not (folder / name).exists():
            (folder / name).symlink_to(ROOT / name)
    shutil.copy(CONFIG, folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def run(capsys, src: Path, dest: Path, *args: str, config: Path | None = None):
    """Run the importer in-process; returns (exit code, stdout, stderr)."""
    config = config or config_copy(dest.parent / "config")
    code = main([str(src), "--dest", str(dest), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return code, out, err


def read_post(path: Path) -> tuple[dict, str]:
    """A post's front matter, parsed, and its body."""
    meta, body = read_front_matter(path.read_text(encoding="utf-8"))
    assert meta, f"{path} has no front matter"
    return meta, body


def backdated_snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file's bytes and modification time, after setting the times in
    the past: a rewrite within the clock's granularity would keep a recent one."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD_MTIME, OLD_MTIME))
    return snapshot(folder)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The site fixtures imported once into an empty blog folder."""
    dest = tmp_path_factory.mktemp("imported") / "blog"
    code = main([str(SITE_POSTS), "--dest", str(dest), "--config", str(config_copy(dest.parent / "config"))])
    return code, dest


@pytest.fixture
def seed_src(tmp_path) -> Path:
    src = tmp_path / "content"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    return src


# The seed ---------------------------------------------------------------------


def cut_figure(body: str) -> str:
    """The body without its figure: the site's <figure> block, or the seed's
    image line and the image-credits line after it."""
    body = re.sub(r"^<figure.*?^</figure>\n", "", body, flags=re.DOTALL | re.MULTILINE)
    return re.sub(r"^!\[.*\n\(Image credits:.*\n", "", body, flags=re.MULTILINE)


def test_the_seed_becomes_the_sites_post(capsys, seed_src, tmp_path):
    code, out, err = run(capsys, seed_src, tmp_path / "blog")
    post = tmp_path / "blog" / "posts" / "machine-learning-pycon.md"
    meta, body = read_post(post)
    site_meta, site_body = read_post(SITE_POST)
    assert meta == site_meta
    assert cut_figure(body) == cut_figure(site_body)
    # The seed's image was never committed: reported, imported all the same.
    assert f"{seed_src / SEED.name}:12: linked file not found: {{static}}/images/ml-article-2021-Relations.png" in err
    assert code == 1
    assert "imported 1 " in out and "redirects 1 (0 via old_urls)" in out


def test_the_seeds_front_matter_is_written_like_the_sites(capsys, seed_src, tmp_path):
    run(capsys, seed_src, tmp_path / "blog")
    text = (tmp_path / "blog" / "posts" / "machine-learning-pycon.md").read_text(encoding="utf-8")
    front = SITE_POST.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert text.startswith(front + "\n---\n\n# Machine learning: A major cause of the Pythonic buzz\n")
    assert "old_urls" not in text  # the site's own pattern already gives its old address


def test_naive_dates_are_in_the_sites_time_zone(capsys, seed_src, tmp_path):
    run(capsys, seed_src, tmp_path / "blog", "--timezone", "Asia/Kolkata")
    post = tmp_path / "blog" / "posts" / "machine-learning-pycon.md"
    assert "  created: 2021-08-24 12:05:00+05:30\n" in post.read_text(encoding="utf-8")
    assert read_post(post)[0]["date"]["created"] == datetime(2021, 8, 24, 6, 35, tzinfo=GMT)


def test_an_unknown_time_zone_is_refused(capsys, seed_src, tmp_path):
    with pytest.raises(SystemExit) as exit:
        run(capsys, seed_src, tmp_path / "blog", "--timezone", "Mars/Olympus")
    assert exit.value.code == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


# Headers and values (unit tests of each stage: tests/pelican_import/) ----------


def test_front_matter_of_a_post_with_every_header(imported):
    meta, body = read_post(imported[1] / "posts" / f"{SPRINTS}.md")
    assert meta == {
        "date": {
            "created": datetime(2021, 9, 1, 9, 5, tzinfo=GMT),
            "updated": datetime(2021, 9, 2, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        },
        "authors": ["asha-rao", "vikram-singh"],
        "categories": ["2021"],
        "tags": ["sprints", "community"],
        "slug": SPRINTS,  # from the title: the source has no Slug
        "description": "Join the sprints: bring a laptop, an idea and a friend.",
        "lang": "en",
        "series": "PyCon India 2021",  # an unknown header, kept
    }
    assert list(meta) == ["date", "authors", "categories", "tags", "slug", "description", "lang", "series"]


def test_headers_are_read_whatever_their_case(imported):
    meta, body = read_post(imported[1] / "posts" / "welcome.md")
    assert meta["date"]["created"] == datetime(2021, 8, 1, tzinfo=GMT)  # `DATE:`
    assert body.startswith("# Welcome to PyCon India 2021\n")  # `title:`


def test_blank_author_is_the_default_author(imported):
    meta, _ = read_post(imported[1] / "posts" / "news-from-2016.md")
    assert meta["authors"] == ["pycon-india-content-team"]
    assert "categories" not in meta  # no Category header


def test_drafts_and_hidden_posts(imported):
    draft, _ = read_post(imported[1] / "posts" / "plans-for-2022.md")
    hidden, _ = read_post(imported[1] / "posts" / "volunteer-handbook.md")
    assert draft["draft"] is True and "status" not in draft
    assert hidden["draft"] is True and hidden["status"] == "hidden" and hidden["lang"] == "hi"
    published, _ = read_post(imported[1] / "posts" / "welcome.md")
    assert "draft" not in published and "status" not in published


def test_pelican_pages_are_left_out(imported):
    assert not (imported[1] / "posts" / "about.md").exists()


def test_authors_are_merged_by_name(imported):
    authors = yaml.safe_load((imported[1] / ".authors.yml").read_text(encoding="utf-8"))["authors"]
    # "Asha Rao" (2021/sprints.md) and "asha  RAO" (welcome.md) are one author; the first spelling names her.
    config = load_config(str(CONFIG))
    assert authors["asha-rao"] == {
        "name": "Asha Rao",
        "description": f"Author on the {config.site_name} blog",
        "avatar": config.theme["favicon"],  # no author has one: the site's icon
    }
    assert set(authors) == {"asha-rao", "vikram-singh", "meera-iyer", "pycon-india-content-team"}


def test_existing_authors_are_kept_untouched(capsys, tmp_path):
    dest = tmp_path / "blog"
    dest.mkdir()
    existing = (ROOT / "docs" / "blog" / ".authors.yml").read_text(encoding="utf-8")
    (dest / ".authors.yml").write_text(existing, encoding="utf-8")
    run(capsys, SITE_POSTS, dest)
    merged = (dest / ".authors.yml").read_text(encoding="utf-8")
    assert merged.startswith(existing)
    assert merged.count("pycon-india-content-team:") == 1
    authors = yaml.safe_load(merged)["authors"]
    assert authors["asha-rao"]["avatar"] == authors["pycon-india-content-team"]["avatar"]  # like the existing entry


def test_a_bom_and_crlf_line_endings(capsys, tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    text = "Title: Windows post\r\nDate: 2021-08-24 12:05\r\nCategory: 2021\r\n\r\nWritten on Windows. \r\nSecond line.\r\n"
    (src / "windows.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, _, err = run(capsys, src, tmp_path / "blog")
    assert code == 0, err
    data = (tmp_path / "blog" / "posts" / "windows-post.md").read_bytes()
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8").endswith("# Windows post\n\nWritten on Windows.\nSecond line.\n")


# Bodies and links ---------------------------------------------------------------


def test_body_of_a_markdown_post(imported):
    _, body = read_post(imported[1] / "posts" / f"{SPRINTS}.md")
    assert body.count("Sprints & dev sprints at PyCon India!") == 1  # the repeated heading is gone
    assert "Sprints are where the code gets written.  \n" in body  # a hard break keeps its spaces
    assert "Everyone is welcome.\n<!-- more -->\n" in body  # one trailing space goes
    assert "\n\n```text\n" in body  # a whitespace-only line becomes empty


def test_links_are_rewritten_and_files_copied(imported):
    dest = imported[1]
    _, body = read_post(dest / "posts" / f"{SPRINTS}.md")
    images = dest / "images" / SPRINTS
    assert f"![The sprint board](../images/{SPRINTS}/sprints.svg)" in body
    assert f"[the notes](../images/{SPRINTS}/notes.txt)" in body  # {attach}, relative to the post's folder
    assert "[welcome post](welcome.md#what-to-expect)" in body  # {filename} to another post
    assert "Links in code stay as they are: {static}/images/sprints.svg" in body
    assert (images / "sprints.svg").read_bytes() == (SITE_POSTS / "images" / "sprints.svg").read_bytes()
    assert (images / "notes.txt").read_bytes() == (SITE_POSTS / "2021" / "notes.txt").read_bytes()
    # Raw HTML passes through; MkDocs leaves it alone, so its links are relative to the built page.
    # (the images stage adds its width and height: tests/pelican_import/test_images.py)
    assert f'<p class="board"><img src="../../images/{SPRINTS}/sprints.svg" alt="The sprint board, in raw HTML"' in body
    _, welcome = read_post(dest / "posts" / "welcome.md")
    assert f'<a href="../{SPRINTS}/">sprints</a>' in welcome


def test_a_restructuredtext_post_is_converted(imported):
    meta, body = read_post(imported[1] / "posts" / "talks-2021.md")
    assert meta["authors"] == ["vikram-singh", "meera-iyer"]
    assert meta["date"]["created"] == datetime(2021, 8, 20, 18, 30, tzinfo=GMT)
    assert meta["tags"] == ["talks", "programme"]
    assert body.startswith("# Talks to look forward to\n\nThe programme is out, and it is *full* of good things.\n")
    assert "<!-- more -->" in body
    assert "![A talk in progress](../images/talks-2021/talks.svg)" in body
    assert "## Machine learning" in body
    assert "    -   with open-source tools" in body  # nested four spaces deep, as Python-Markdown reads lists
    assert "[welcome post](welcome.md)" in body
    assert (imported[1] / "images" / "talks-2021" / "talks.svg").is_file()


def test_link_corner_cases(capsys, tmp_path, monkeypatch):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "images" / "logo.svg").write_text(PLACEHOLDER_SVG, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside the content folder\n", encoding="utf-8")
    (content / "posts" / "links.md").write_text(
        "Title: Links\nDate: 2021-08-01\n\n"
        "![old syntax](|static|/images/logo.svg)\n"
        "[escape]({static}/../secret.txt)\n"
        "[draft]({filename}draft.md)\n",
        encoding="utf-8",
    )
    (content / "posts" / "draft.md").write_text("Title: Draft\nDate: 2021-08-02\nStatus: draft\n\nSoon.\n", encoding="utf-8")
    (content / "posts" / "gone.rst").write_text("Gone\n####\n\n:date: 2021-08-03\n\n.. image:: {static}/images/gone.png\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # SRC given relative to the working folder
    code, _, err = run(capsys, Path("content"), tmp_path / "blog")
    assert code == 1
    _, body = read_post(tmp_path / "blog" / "posts" / "links.md")
    assert "![old syntax](../images/links/logo.svg)" in body
    assert "[escape]({static}/../secret.txt)" in body
    assert "content/posts/links.md:5: linked file not found: {static}/../secret.txt" in err
    assert "[draft](draft.md)" in body
    assert "content/posts/links.md:6: links to a draft, which the site does not publish: {filename}draft.md" in err
    _, gone = read_post(tmp_path / "blog" / "posts" / "gone.md")
    assert "{static}/images/gone.png" in gone  # pandoc's %7B…%7D is undone
    assert "content/posts/gone.rst:6: linked file not found: {static}/images/gone.png" in err


def test_a_missing_source_folder_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit:
        main([str(tmp_path / "nowhere"), "--dest", str(tmp_path / "blog")])
    assert exit.value.code == 2
    assert "is not a folder" in capsys.readouterr().err


def test_the_site_fixtures_import_without_problems(imported):
    assert imported[0] == 0


# Old addresses -------------------------------------------------------------------


def test_old_urls_only_when_the_sites_pattern_does_not_give_the_old_address(capsys, seed_src, tmp_path):
    dest = tmp_path / "blog"
    run(capsys, seed_src, dest, "--url-pattern", "{lang}/{author}/{category}/{date:%Y}/{date:%m}/{slug}/")
    meta, _ = read_post(dest / "posts" / "machine-learning-pycon.md")
    assert meta["old_urls"] == ["en/pycon-india-content-team/2021/2021/08/machine-learning-pycon/index.html"]
    run(capsys, seed_src, dest, "--url-pattern", "{category}/{slug}.html")  # gives 2021/…: the site's own
    assert "old_urls" not in read_post(dest / "posts" / "machine-learning-pycon.md")[0]


def test_an_unknown_placeholder_is_reported(capsys, seed_src, tmp_path):
    code, _, err = run(capsys, seed_src, tmp_path / "blog", "--url-pattern", "{nothing}/{slug}.html")
    assert "--url-pattern cannot be filled for this post (KeyError: 'nothing')" in err
    assert code == 1


# Building ----------------------------------------------------------------------


def build(project: Path, webroot: Path, config: str = "mkdocs.yml") -> BuiltSite:
    site = BuiltSite(webroot, load_config(str(project / config)))
    result = mkdocs_build(project, site.dir, config_file=project / config)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
    return site


def refresh_target(site: BuiltSite, page: str) -> Path:
    content = site.page(page).find("meta", attrs={"http-equiv": "refresh"})["content"]
    return site.resolve(page, content.split("url=", 1)[1])


def test_imported_posts_build_and_answer_their_old_addresses(capsys, project_copy, tmp_path):
    code, _, err = run(capsys, SITE_POSTS, project_copy / "docs" / "blog", config=project_copy / "mkdocs.yml")
    assert code == 0, err
    site = build(project_copy, tmp_path / "webroot")
    for old, new in [
        (f"blog/2021/{SPRINTS}.html", f"blog/2021/{SPRINTS}/index.html"),
        ("blog/2021/welcome.html", "blog/2021/welcome/index.html"),
        ("blog/2021/talks-2021.html", "blog/2021/talks-2021/index.html"),
        ("blog/2016/news-from-2016.html", "blog/2016/news-from-2016/index.html"),
        ("blog/2021/machine-learning-pycon.html", "blog/2021/machine-learning-pycon/index.html"),
    ]:
        assert refresh_target(site, old) == site.dir / new
    # The image in raw HTML resolves on the built page, like the Markdown one.
    page = f"blog/2021/{SPRINTS}/index.html"
    sources = {img["alt"]: site.resolve(page, img["src"]) for img in site.page(page).find_all("img", alt=re.compile("sprint board"))}
    assert len(sources) == 2 and all(path.is_file() for path in sources.values())
    assert len(set(sources.values())) == 1
    assert not (site.dir / "blog/2021/plans-for-2022").exists()  # drafts are not published


def test_another_old_pattern_is_answered_through_old_urls(capsys, project_copy, tmp_path):
    pattern = "{date:%Y}/{date:%m}/{slug}.html"
    code, out, err = run(capsys, SITE_POSTS, project_copy / "docs" / "blog", "--url-pattern", pattern, config=project_copy / "mkdocs.yml")
    assert code == 0, err
    assert "redirects 4 (4 via old_urls)" in out
    meta, _ = read_post(project_copy / "docs" / "blog" / "posts" / "welcome.md")
    assert meta["old_urls"] == ["2021/08/welcome.html"]
    site = build(project_copy, tmp_path / "webroot")
    assert refresh_target(site, "blog/2021/08/welcome.html") == site.dir / "blog/2021/welcome/index.html"
    assert refresh_target(site, f"blog/2021/09/{SPRINTS}.html") == site.dir / f"blog/2021/{SPRINTS}/index.html"
    assert refresh_target(site, "blog/2016/07/news-from-2016.html") == site.dir / "blog/2016/news-from-2016/index.html"
    assert (site.dir / "blog/2021/welcome.html").is_file()  # the site's own pattern still answers too


@pytest.mark.parametrize(
    ("pattern", "old", "args"),
    [
        # Pelican slugs the category: "Machine Learning" was machine-learning/.
        ("{category}/{slug}.html", "blog/machine-learning/deep-dive.html", []),
        # Just after midnight in India is still the old year in GMT: the year is the post's own.
        ("{year}/{slug}.html", "blog/2021/deep-dive.html", ["--timezone", "Asia/Kolkata"]),
    ],
)
def test_the_importer_and_the_build_agree_on_old_addresses(capsys, project_copy, tmp_path, pattern, old, args):
    # A build variant of the site with the old blog's pattern; the importer
    # adds the category to the file it inherits.
    config = project_copy / "mkdocs-old-pattern.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nextra:\n  old_blog:\n    article_url: {pattern!r}\n", encoding="utf-8")
    src = tmp_path / "content"
    src.mkdir()
    (src / "deep-dive.md").write_text(
        "Title: Deep dive\nDate: 2021-01-01 00:30\nCategory: Machine Learning\n\nInto the models.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, src, project_copy / "docs" / "blog", "--url-pattern", pattern, *args, config=config)
    assert code == 0, err
    assert "redirects 1 (0 via old_urls)" in out  # the site's pattern gives the old address
    site = build(project_copy, tmp_path / "webroot", config.name)
    assert refresh_target(site, old) == site.dir / "blog/2021/deep-dive/index.html"


# Running again ------------------------------------------------------------------


def test_a_second_run_changes_nothing(capsys, tmp_path):
    dest = tmp_path / "blog"
    first = run(capsys, SITE_POSTS, dest)
    before = backdated_snapshot(dest)
    second = run(capsys, SITE_POSTS, dest)
    assert snapshot(dest) == before  # same bytes, and no file rewritten
    assert second[0] == first[0] == 0
    assert "imported 6 (0 written, 6 unchanged)" in second[1]
    assert "duplicate" not in second[2]


def test_a_post_already_in_the_blog_keeps_its_slug(capsys, seed_src, project_copy):
    dest = project_copy / "docs" / "blog"
    site_post = (dest / "posts" / "machine-learning-pycon.md").read_bytes()
    code, _, err = run(capsys, seed_src, dest, config=project_copy / "mkdocs.yml")
    assert "duplicate slug 'machine-learning-pycon': also used by" in err
    assert "already in the blog, which keeps it; this post is imported as 'machine-learning-pycon-2'" in err
    assert (dest / "posts" / "machine-learning-pycon.md").read_bytes() == site_post
    assert (dest / "posts" / "machine-learning-pycon-2.md").is_file()
    assert code == 1


# Problems ------------------------------------------------------------------------


def test_problems_are_reported_with_file_line_and_reason(capsys, tmp_path):
    dest = tmp_path / "blog"
    code, out, err = run(capsys, PROBLEM_POSTS, dest)
    src = PROBLEM_POSTS
    expected = [
        f"{src}/bad-date.md:2: cannot read the date '2021-13-45 10:00' in Date: the file is skipped",
        f"{src}/dup-second.md:3: duplicate slug 'same-slug': also used by {src}/dup-first.md, which keeps it (earlier date); this post is imported as 'same-slug-2'",
        f"{src}/missing-link.md:6: linked file not found: {{static}}/images/nowhere.png (the link is left as it is)",
        f"{src}/missing-link.md:8: linked file not found: {{static}}/images/gone.png (the link is left as it is)",
        f"{src}/missing-link.md:10: a {{tag}} link has no page to point to on the site: {{tag}}python (the link is left as it is)",
        f"{src}/no-date.md:1: no Date header, nor a date at the start of the file's name: the file is skipped",
        f"{src}/no-title.md:1: no Title header: the file is skipped",
        f"{src}/reserved.md:4: unknown Status 'archived': imported as a draft",
    ]
    assert [line for line in err.splitlines() if not line.startswith("note:")] == [
        f"{dest.parent / 'config' / 'mkdocs.yml'}: added 'Machine Learning' to the blog's categories_allowed",
        f"{src}/reserved.md:3: fixed: header 'Template' would change the page in MkDocs; kept as 'pelican_template'",
        *expected,
    ]
    # Redirects: not the draft, nor same-slug-2, whose old address was same-slug's.
    assert out.splitlines()[-1] == (
        "Summary: imported 4 (4 written, 0 unchanged), skipped 3, problems 8, fixed 1, "
        "redirects 2 (0 via old_urls); files copied 0, authors added 1"
    )
    assert code == 1
    posts = dest / "posts"
    assert sorted(path.name for path in posts.iterdir()) == [
        "a-header-mkdocs-would-read.md", "missing-files.md", "same-slug-2.md", "same-slug.md"
    ]
    assert read_post(posts / "same-slug.md")[0]["date"]["created"].month == 1
    second, _ = read_post(posts / "same-slug-2.md")
    assert second["slug"] == "same-slug-2" and "old_urls" not in second
    _, body = read_post(posts / "missing-files.md")
    assert "![Nowhere]({static}/images/nowhere.png)" in body
    reserved, _ = read_post(posts / "a-header-mkdocs-would-read.md")
    assert reserved["pelican_template"] == "custom" and "template" not in reserved
    assert reserved["draft"] is True and reserved["status"] == "archived"


# Command line --------------------------------------------------------------------


def test_help_explains_each_option(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    text = capsys.readouterr().out
    for option in ["SRC", "--dest", "--url-pattern", "--timezone", "--default-author", "--config", "--dry-run"]:
        assert option in text
    assert "{date:%Y}" in text


def test_a_dry_run_writes_nothing(capsys, tmp_path):
    dest = tmp_path / "blog"
    code, out, _ = run(capsys, SITE_POSTS, dest, "--dry-run")
    assert not dest.exists()
    assert f"would write {dest / 'posts' / 'welcome.md'}" in out
    assert f"would write {dest / 'images' / SPRINTS / 'sprints.svg'}" in out
    assert f"would write {dest / '.authors.yml'}" in out
    assert out.splitlines()[-1].startswith("Dry run: imported 6 (6 would write, 0 unchanged)")
    assert code == 0


def test_a_dry_run_after_an_import_has_nothing_to_write(capsys, tmp_path):
    dest = tmp_path / "blog"
    run(capsys, SITE_POSTS, dest)
    before = backdated_snapshot(dest)
    _, out, _ = run(capsys, SITE_POSTS, dest, "--dry-run")
    assert "would write" not in out.replace("would write,", "")
    assert snapshot(dest) == before


def test_the_module_runs_as_a_command(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tools.pelican_import", str(SITE_POSTS), "--dest", str(tmp_path / "blog"), "--config", str(CONFIG), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Dry run: imported 6" in result.stdout
