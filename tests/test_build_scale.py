"""The build-time hooks (overrides/hooks/build/post_lookup.py, summary_excerpts.py,
excerpt_heads.py, libyaml_front_matter.py, shared_nav.py, template_bytecode.py,
unchanged_pages.py, unchanged_markdown.py, kept_minified.py, kept_search_entries.py) change how much work the build does, never what it
writes: the site built with them is byte for byte the site built without
them, on a first build and on a second one, from their cache, after each kind
of edit; and the work they save is counted (not timed), so that a Material
upgrade that bypasses them shows here. bench/scale measures the time."""

import functools
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from tests.conftest import IMPORT_FIXES, IMPORTED_KINDS, REAL_WORLD
from tests.support import EDITION, ROOT, VARIANTS, load_hook, mkdocs_build

HOOKS = [
    "overrides/hooks/build/post_lookup.py",
    "overrides/hooks/build/summary_excerpts.py",
    "overrides/hooks/build/excerpt_heads.py",
    "overrides/hooks/build/libyaml_front_matter.py",
    "overrides/hooks/build/shared_nav.py",
    "overrides/hooks/build/template_bytecode.py",
    "overrides/hooks/build/unchanged_pages.py",
    "overrides/hooks/build/unchanged_markdown.py",
    "overrides/hooks/build/kept_minified.py",
    "overrides/hooks/build/kept_search_entries.py",
]
DESCRIPTION = "description: A summary that the listings show as the teaser.\n"


def post(slug: str, year: int, heading: str, body: str = "Some text.\n", *, description=True, extra=""):
    front = f"---\ndate:\n  created: {year}-03-0{1 + year % 9} 10:00:00+00:00\n"
    front += f'authors:\n  - pycon-india-content-team\ncategories:\n  - "2021"\nslug: {slug}\n'
    front += (DESCRIPTION if description else "") + extra + "---\n\n"
    return slug, front + (f"{heading}\n\n" if heading else "") + body


# Posts that take each path through summary_excerpts.py, and enough of them
# (with the site's own) for a second page of the blog index.
POSTS = [
    post("plain", 2019, "# A plain post"),
    post("markup-title", 2019, "# Tips & tricks for *asyncio* in `3.11`"),
    post("custom-id", 2020, "# A heading with its own id { #own-id }"),
    post("with-more", 2020, "# Described, with a separator", "Teaser.\n\n<!-- more -->\n\nThe rest.\n"),
    post("no-description", 2020, "# Not described", "Whole text [home](../../index.md).\n", description=False),
    post("no-description-more", 2021, "# Not described, with more", "Teaser.\n\n<!-- more -->\n\nRest.\n", description=False),
    post("meta-title", 2021, "", "Text without a heading.\n", extra="title: A title from the front matter\n"),
    post("heading-later", 2021, "", "A first paragraph.\n\n# The heading comes second\n\nMore.\n"),
    post("setext", 2018, "A setext title\n==============", "Text.\n"),
    post("same-title-a", 2018, "# Same title"),
    post("same-title-b", 2017, "# Same title"),
    post("links", 2017, "# Links and anchors", "See [plain](plain.md) and [here](#links-and-anchors).\n\n## Part\n\nText.\n"),
    post("oldest", 2016, "# The oldest, not described", "Old text.\n", description=False),
]


def write_posts(project: Path, posts=POSTS):
    for slug, text in posts:
        (project / "docs/blog/posts" / f"{slug}.md").write_text(text, encoding="utf-8")


def without_hooks(project: Path) -> Path:
    """The project's configuration without the build-time hooks."""
    return project / VARIANTS["without build hooks"].name


def test_the_variant_leaves_out_only_the_build_time_hooks(config):
    variant = load_config(str(VARIANTS["without build hooks"]))
    assert list(variant.hooks) == [hook for hook in config.hooks if hook not in HOOKS]
    assert set(HOOKS) <= set(config.hooks)


def different_files(left: Path, right: Path) -> list[str]:
    """Files only on one side or with other bytes, as paths under the site.
    Feeds, should the site get some, carry the time of the build: left out."""

    def files(root: Path) -> dict[str, Path]:
        return {
            path.relative_to(root).as_posix(): path
            for path in root.rglob("*")
            if path.is_file() and not path.name.startswith("feed_")
        }

    ours, theirs = files(left), files(right)
    return sorted(
        name for name in ours.keys() | theirs.keys()
        if name not in ours or name not in theirs or ours[name].read_bytes() != theirs[name].read_bytes()
    )


def test_the_hooks_change_no_byte_of_the_site(project_copy, tmp_path):
    write_posts(project_copy)
    # Two pages outside the navigation, at two depths: the same items are
    # active for both, their links differ (shared_nav.py must tell them apart).
    (project_copy / "docs/guides/writing").mkdir(parents=True)
    (project_copy / "docs/guides/index.md").write_text("# Guides\n\nHow we write.\n", encoding="utf-8")
    (project_copy / "docs/guides/writing/style.md").write_text("# Style\n\nWrite plainly.\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  /guides/\n", encoding="utf-8")
    with_hooks, without = tmp_path / "with", tmp_path / "without"
    result = mkdocs_build(project_copy, with_hooks)
    assert result.returncode == 0, result.stderr
    result = mkdocs_build(project_copy, without, config_file=without_hooks(project_copy))
    assert result.returncode == 0, result.stderr
    assert len(list(with_hooks.rglob("*.html"))) > 30
    assert (with_hooks / "blog/page/2/index.html").is_file(), "the posts should fill a second index page"
    assert different_files(with_hooks, without) == []


# Second builds --------------------------------------------------------------
#
# Each edit a writer or the team makes, applied one after the other to one
# post (a post without a description, so that its listings show its text):
# (what, file, how the file's text changes).


def retitle(text: str) -> str:
    return re.sub(r"^# (.+)$", r"# \1, retitled", text, count=1, flags=re.MULTILINE)


def add_sentence(text: str) -> str:
    """A sentence in the post's first paragraph, which its excerpt shows."""
    return re.sub(r"^(# .+\n\n)", r"\1An added sentence. ", text, count=1, flags=re.MULTILINE)


def redate(text: str) -> str:
    return re.sub(r"created: (\d{4})", lambda m: f"created: {int(m[1]) - 1}", text, count=1)


def rename_session(text: str) -> str:
    assert "title: Getting Kafka-esque with Python\n" in text
    return text.replace("title: Getting Kafka-esque with Python\n", "title: Getting Kafka-esque with Python 3\n")


def rename_keynote_speaker(text: str) -> str:
    """A name the home page shows from the data alone (its keynotes), not from any page's text."""
    assert "name: Alolita Sharma\n" in text
    return text.replace("name: Alolita Sharma\n", "name: Alolita S. Sharma\n", 1)


def restyle_date(text: str) -> str:
    assert "| date }}</time>" in text
    return text.replace("| date }}</time>", "| date }} (posted)</time>", 1)


def recopyright(text: str) -> str:
    assert "copyright: Copyright &copy; PyCon India\n" in text
    return text.replace("copyright: Copyright &copy; PyCon India\n", "copyright: Copyright &copy; PyCon India and its team\n")


def rename_edition(text: str) -> str:
    """A past edition's name: every page's menu shows it (the Editions tab), though no page's text names it."""
    assert "\nname: PyCon India 2020\n" in text
    return text.replace("\nname: PyCon India 2020\n", "\nname: PyCon India 2020 Online\n", 1)


def link_a_session(text: str) -> str:
    """A link to a session's proposal in the post's text: the session's page then names the post (programme_blog.py)."""
    schedule = yaml.safe_load((ROOT / f"docs/{EDITION}/schedule.yml").read_text(encoding="utf-8"))
    proposal = next(s["links"]["proposal"] for s in schedule["sessions"] if s["type"] == "workshop" and s.get("links", {}).get("proposal"))
    return re.sub(r"^(# .+\n\n)", lambda m: f"{m[1]}See [the workshop]({proposal}). ", text, count=1, flags=re.MULTILINE)


EDITS = [
    ("a post's text", "POST", add_sentence),
    ("a post's link to a session", "POST", link_a_session),
    # The oldest post, whose text its listings show: on the blog index's second page and the category's, not on their first.
    ("an older post's text", "docs/blog/posts/oldest.md", add_sentence),
    ("a post's title", "POST", retitle),
    ("a post's date", "POST", redate),
    ("a template", "overrides/partials/post-facts.html", restyle_date),
    ("mkdocs.yml", "mkdocs.yml", recopyright),
    ("the programme's data", f"docs/{EDITION}/schedule.yml", rename_session),
    ("the programme's speakers", f"docs/{EDITION}/speakers.yml", rename_keynote_speaker),
    ("an edition's facts", "docs/2020/edition.yml", rename_edition),
]


def after_edit(project: Path, path: str) -> None:
    """What the team runs after editing an edition's data, as the strict build asks: the calendars' memory brought
    up to date (a session's title, a speaker's name and the edition's name are in its calendar events)."""
    if re.fullmatch(r"docs/\d{4}/[a-z]+\.yml", path):
        run = subprocess.run([sys.executable, "-m", "tools.calendar_state", "--config", project / "mkdocs.yml"],
                             cwd=Path(__file__).parent.parent, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


def import_real_world(project: Path, tmp_path: Path) -> Path:
    """The fixture posts with what real blogs hold, imported as a team would (conftest's real_import)."""
    content = tmp_path / "content"
    content.mkdir()
    for kind in IMPORTED_KINDS:
        if (REAL_WORLD / kind).is_dir():
            shutil.copytree(REAL_WORLD / kind, content, dirs_exist_ok=True)
        else:
            shutil.copy(REAL_WORLD / kind, content)
    run = subprocess.run([sys.executable, "-m", "tools.pelican_import", content, "--dest", project / "docs/blog",
                          "--config", project / "mkdocs.yml", *IMPORT_FIXES], cwd=Path(__file__).parent.parent,
                         capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr  # 1: something left for a person, as the fixtures mean
    undescribed = [path for path in sorted((project / "docs/blog/posts").glob("*.md"))
                   if "\ndescription:" not in path.read_text(encoding="utf-8") and path.name != "machine-learning-pycon.md"]
    return undescribed[0]


def kept_pages(stderr: str, done: str = "rendered") -> tuple[int, int]:
    """unchanged_pages.py's count (or unchanged_markdown.py's, done="converted"):
    (pages rendered again, pages kept from the last build)."""
    found = re.search(rf"Pages {done}: (\d+); unchanged, not {done} again: (\d+)", stderr)
    assert found, stderr
    return int(found[1]), int(found[2])


@pytest.mark.parametrize("posts", ["synthetic", "imported"])
def test_a_second_build_after_each_kind_of_edit_is_the_site_built_afresh(posts, project_copy, tmp_path):
    """With the hooks, each build after an edit reuses the last one's cache;
    without them, each is built from nothing (no .cache/ at all). They must be byte for byte the
    same, and each edit must change the site (else a stale page would not show)."""
    if posts == "synthetic":
        write_posts(project_copy)
        post_file = project_copy / "docs/blog/posts/no-description.md"
    else:
        post_file = import_real_world(project_copy, tmp_path)
    assert post_file.is_file()
    result = mkdocs_build(project_copy, tmp_path / "with-0")
    assert result.returncode == 0, result.stderr
    assert kept_pages(result.stderr)[1] == 0  # a first build: nothing to keep
    result = mkdocs_build(project_copy, tmp_path / "with-again")
    for done in ("rendered", "converted"):
        redone, kept = kept_pages(result.stderr, done)
        assert redone == 0 and kept > 30, f"nothing changed, yet {redone} pages {done} again"
    assert different_files(tmp_path / "with-0", tmp_path / "with-again") == []
    # The imported posts are what real blogs hold: their own edits are tried on them; the site's (a template,
    # mkdocs.yml, the editions' data) do not depend on the posts and are tried on the synthetic ones.
    edits = EDITS if posts == "synthetic" else [edit for edit in EDITS if edit[1] == "POST"]
    for n, (what, path, change) in enumerate(edits, 1):
        file = post_file if path == "POST" else project_copy / path
        file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")
        after_edit(project_copy, path)
        with_hooks, without = tmp_path / f"with-{n}", tmp_path / f"without-{n}"
        result = mkdocs_build(project_copy, with_hooks)
        assert result.returncode == 0, result.stderr
        rendered, kept = kept_pages(result.stderr)
        if what == "a post's text":  # every other post is kept, and the programme's pages; the pages that show it are not
            others = len(list((project_copy / "docs/blog/posts").glob("*.md"))) - 1
            # Each edition's home is made with home.html, which may show the newest post: not counted.
            programme = sum(1 for year in (project_copy / "docs").glob("[0-9][0-9][0-9][0-9]")
                            for page in (with_hooks / year.name).rglob("*.html") if page != with_hooks / year.name / "index.html")
            # and the listings' pages that do not show it (another index page, another year's archive)
            assert programme > 30 and kept > others + programme, f"after {what}, {rendered} pages rendered again and {kept} kept"
            assert kept_pages(result.stderr, "converted")[0] == 1, "only the post's Markdown is converted again"
        if what == "the programme's data":  # the posts and listings are kept
            assert kept >= len(list((project_copy / "docs/blog/posts").glob("*.md"))), f"after {what}, {kept} pages kept"
        # From nothing: a copy without .cache/, so that no cache of any hook (share images,
        # calendars, the trimmed stylesheet) can hand both builds the same stale file.
        afresh = tmp_path / f"afresh-{n}"
        shutil.copytree(project_copy, afresh, ignore=shutil.ignore_patterns(".cache"))
        result = mkdocs_build(afresh, without, config_file=without_hooks(afresh))
        shutil.rmtree(afresh)
        assert result.returncode == 0, result.stderr
        assert different_files(with_hooks, tmp_path / f"with-{n - 1}"), f"{what}: the edit changed no page"
        assert different_files(with_hooks, without) == [], f"after {what}"


def test_a_listing_shows_the_excerpt_of_a_post_without_description(project_copy, tmp_path):
    write_posts(project_copy)
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site/blog/archive").rglob("*.html"))
    assert "Whole text" in html and "Teaser." in html  # excerpts: converted
    assert "A summary that the listings show" in html
    assert "The rest." not in html and "Rest." not in html  # nothing after <!-- more -->


@pytest.fixture
def counted_build(project_copy, tmp_path, monkeypatch):
    """Build in this process, counting Markdown conversions (the characters
    converted, each), page comparisons and renderings of Material's
    navigation template."""
    calls, comparisons, navs = [], [0], [0]
    convert, equal, get_template = markdown.Markdown.convert, Page.__eq__, jinja2.Environment.get_template

    def counting(self, source):
        calls.append(len(source))
        return convert(self, source)

    @functools.wraps(equal)  # post_lookup.py checks on load what Page.__eq__ compares
    def counting_equal(self, other):
        comparisons[0] += 1
        return equal(self, other)

    def counting_navs(self, name, *args, **kwargs):
        template = get_template(self, name, *args, **kwargs)
        if name == "partials/nav.html" and not getattr(template, "counted", False):
            render = template.root_render_func

            def counted(context):
                navs[0] += 1
                return render(context)

            template.root_render_func, template.counted = counted, True
        return template

    def run(config_file: Path):
        monkeypatch.setattr(markdown.Markdown, "convert", counting)
        monkeypatch.setattr(Page, "__eq__", counting_equal)
        monkeypatch.setattr(jinja2.Environment, "get_template", counting_navs)
        monkeypatch.chdir(project_copy)
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        config = load_config(str(config_file), site_dir=str(tmp_path / f"site-{len(calls)}"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        monkeypatch.undo()
        counted = Counted(list(calls), comparisons[0], navs[0])
        calls.clear()
        comparisons[0] = navs[0] = 0
        return counted

    return run


@dataclass
class Counted:
    conversions: list[int]  # the length of each Markdown text converted
    comparisons: int
    navigations: int


def test_a_described_post_is_converted_in_full_once(project_copy, counted_build):
    """Each post and page in full once, plus the full excerpt of each post
    without a description in each of its four listings (index, archive,
    category, author); a described post's listings add one conversion of its title
    line, not of its text."""
    body = "A long paragraph of the post. " * 200 + "\n"
    posts = [post(f"post-{n}", 2015 + n % 7, f"# Post number {n}", body, description=n % 5 != 0) for n in range(40)]
    write_posts(project_copy, posts)
    sizes = counted_build(project_copy / "mkdocs.yml").conversions
    undescribed = sum(1 for n in range(40) if n % 5 == 0)
    full = [size for size in sizes if size >= len(body)]
    assert len(full) == 40 + 4 * undescribed
    plain = counted_build(without_hooks(project_copy)).conversions
    assert len([size for size in plain if size >= len(body)]) == 40 + 4 * 40  # the waste the hook removes
    assert sum(sizes) < sum(plain) / 2


def test_broken_front_matter_is_reported_as_without_libyaml(project_copy, tmp_path):
    write_posts(project_copy, [post("broken", 2020, "# Broken", extra="tags: [one, two\n")])
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert "blog/posts/broken.md" in result.stderr
    assert "while parsing a flow sequence" in result.stderr
    assert "    tags: [one, two\n          ^" in result.stderr  # the pure-Python parser's quote of the line


def test_pages_are_not_compared_with_every_post(project_copy, counted_build):
    """Page.__eq__ calls grow with pages x posts without post_lookup.py."""
    compared = {}
    for count in (30, 90):
        posts = [post(f"post-{n}", 2015 + n % 7, f"# Post number {n}") for n in range(count)]
        write_posts(project_copy, posts)
        compared[count] = counted_build(project_copy / "mkdocs.yml").comparisons
    plain = counted_build(without_hooks(project_copy)).comparisons
    assert compared[90] < 4 * compared[30]  # three times the posts: about three times the comparisons
    assert plain > 5 * compared[90]


def test_post_lookup_answers_like_a_list():
    PageList = load_hook("post_lookup").PageList

    class Item:
        def __eq__(self, other):  # equal to everything, as no post is
            return True

    a, b, c = Item(), Item(), Item()
    posts = PageList([a, b])
    assert a in posts and b in posts and c not in posts
    posts.append(c)
    assert c in posts
    posts.remove(a)  # list.remove compares with ==: it removes the first item
    assert a not in posts and posts == [b, c]
    posts[0:1] = []
    assert b not in posts and c in posts
    posts += [a]
    assert a in posts and isinstance(posts, PageList)
    del posts[:]
    assert c not in posts and len(posts) == 0


def test_posts_share_one_rendering_of_the_navigation(project_copy, counted_build):
    """Without shared_nav.py the navigation is rendered for every page; with
    it, once for all the posts (and once for each page in the navigation)."""
    posts = [post(f"post-{n}", 2015 + n % 7, f"# Post number {n}") for n in range(40)]
    write_posts(project_copy, posts)
    shared = counted_build(project_copy / "mkdocs.yml").navigations
    plain = counted_build(without_hooks(project_copy)).navigations
    assert plain > 40
    assert shared < plain - 35


def test_a_listing_converts_a_post_only_down_to_its_separator(project_copy, counted_build):
    """Without excerpt_heads.py a post without a description is converted in
    full for each of its four listings; with it, only its teaser is."""
    body = "A teaser.\n\n<!-- more -->\n\n" + "A long paragraph of the post. " * 200 + "\n"
    posts = [post(f"post-{n}", 2015 + n % 7, f"# Post number {n}", body, description=False) for n in range(40)]
    write_posts(project_copy, posts)
    full = [size for size in counted_build(project_copy / "mkdocs.yml").conversions if size >= len(body)]
    plain = [size for size in counted_build(without_hooks(project_copy)).conversions if size >= len(body)]
    assert len(full) == 40
    assert len(plain) == 40 + 4 * 40
