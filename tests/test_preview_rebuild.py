"""Under `mkdocs serve`, a saved post rebuilds its page and its listings
only, and an edit of one edition's programme data what that data feeds
(overrides/hooks/build/preview_rebuild.py); the writer then sees what a full
build would show them. Any other change, and bad data, gets the full build."""

import re
import types
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.support import EDITION, QUIET, load_hook
from tests.test_build_scale import after_edit, different_files, write_posts

# Where `mkdocs serve` serves the site (MkDocs passes the same address to the build).
SERVE_URL = "http://127.0.0.1:8000/pycon-india-2021/"
# Only the search index waits for the next full build (the feeds, too, but
# different_files leaves them out: they carry the time of the build).
LEFT_FOR_THE_FULL_BUILD = ["search/search_index.json"]


class Preview:
    """The site as `mkdocs serve` builds it, with the server's builder as
    the hook leaves it, in this process."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site, self.full_builds = project, site, 0
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=False)
        build(self.config, serve_url=SERVE_URL)
        hook = next(plugin for key, plugin in self.config.plugins.items() if key.endswith("preview_rebuild.py"))
        self.server = hook.on_serve(types.SimpleNamespace(builder=self.full_build), config=self.config, builder=None)

    def load(self, site: Path | None = None, config: str = "mkdocs.yml"):
        config = load_config(str(self.project / config), site_dir=str(site or self.site))
        config.site_url = SERVE_URL
        return config

    def full_build(self):
        self.full_builds += 1
        build(self.load(), serve_url=SERVE_URL)

    def save(self, post: str, change):
        path = self.project / "docs/blog/posts" / f"{post}.md"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        self.server.builder()

    def page_of(self, post: str) -> str:
        """The served page of a post, found by its slug (blog/<year>/<slug>/)."""
        (page,) = self.site.glob(f"blog/*/{post}/index.html")
        return page.read_text(encoding="utf-8")

    def built_in_full(self, site: Path, config: str = "mkdocs.yml") -> Path:
        build(self.load(site, config), serve_url=SERVE_URL)
        return site

    def close(self):
        self.config.plugins.on_startup(command="build", dirty=False)  # the hooks' state, as other tests expect it
        self.config.plugins.on_shutdown()


@pytest.fixture
def preview(project_copy, tmp_path, monkeypatch):
    write_posts(project_copy)
    monkeypatch.chdir(project_copy)
    for name, value in QUIET.items():
        monkeypatch.setenv(name, value)
    preview = Preview(project_copy, tmp_path / "served")
    yield preview
    preview.close()


def test_the_hook_relies_on_what_mkdocs_has():
    assert load_hook("preview_rebuild").missing_steps() == []


def test_a_saved_file_is_looked_for_five_times_a_second(tmp_path):
    """watch_interval.py: every folder the server watches is polled at its interval, not MkDocs' half second."""
    from mkdocs.livereload import LiveReloadServer

    hook = load_hook("watch_interval")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        assert [emitter.timeout for emitter in server.observer.emitters] == [0.5]  # MkDocs' own
        server = hook.on_serve(server, config=None, builder=None)
        server.watch(str(tmp_path / "later"))  # a folder of mkdocs.yml's watch:, added after the event
        assert len(server.observer.emitters) == 2
        assert {emitter.timeout for emitter in server.observer.emitters} == {hook.INTERVAL} and hook.INTERVAL < 0.5
    finally:
        server.server_close()


@pytest.mark.parametrize("post", ["no-description", "setext"])  # its listings show its text; on the index's second page
def test_a_saved_post_shows_as_a_full_build_would_show_it(preview, tmp_path, post):
    preview.save(post, lambda text: text + "\nA sentence the writer has just added.\n")
    assert preview.full_builds == 0, "the short path was not taken"
    assert "A sentence the writer has just added." in preview.page_of(post)
    assert different_files(preview.site, preview.built_in_full(tmp_path / "full")) == LEFT_FOR_THE_FULL_BUILD


@pytest.mark.parametrize("post", ["plain", "no-description", "machine-learning-pycon"])  # linked by a post; in listings; newest, on the home page
def test_a_new_title_shows_everywhere_as_a_full_build_would_show_it(preview, tmp_path, post):
    """The post, its listings, the pages that link it and its old addresses' pages."""
    preview.save(post, lambda text: re.sub(r"^# (.+)$", r"# \1, retitled", text, count=1, flags=re.MULTILINE))
    assert preview.full_builds == 0, "the short path was not taken"
    assert ", retitled" in (preview.site / "blog/index.html").read_text(encoding="utf-8")
    assert different_files(preview.site, preview.built_in_full(tmp_path / "full")) == LEFT_FOR_THE_FULL_BUILD


def test_other_front_matter_gets_the_full_build(preview):
    preview.save("plain", lambda text: text.replace("categories:", "tags:\n  - new\ncategories:"))
    assert preview.full_builds == 1


def test_a_new_post_gets_the_full_build(preview):
    write_posts(preview.project, [("brand-new", (preview.project / "docs/blog/posts/plain.md").read_text().replace("plain", "brand-new"))])
    preview.server.builder()
    assert preview.full_builds == 1


def test_an_editors_swap_and_lock_files_rebuild_nothing(preview):
    posts = preview.project / "docs/blog/posts"
    (posts / ".plain.md.swp").write_bytes(b"vim's swap file")
    (posts / ".#plain.md").symlink_to("user@host.1234:1700000000")  # Emacs's lock: a link to nowhere
    preview.server.builder()
    assert preview.full_builds == 0
    preview.save("plain", lambda text: text + "\nMore text.\n")
    assert preview.full_builds == 0
    assert "More text." in preview.page_of("plain")


# The programme's data: an edit of one edition's data files rebuilds what they feed.

def in_entry(id_field: str, entry: str, **fields: str):
    """An edit of one entry of a data file (`- slug: <entry>` or `- id: <entry>`, and its indented lines), as a writer
    makes it: each named field's line given a new value, the rest of the file as it was."""
    def change(text: str) -> str:
        block = re.search(rf"^- {id_field}: {entry}\n(?:  .*\n)+", text, re.MULTILINE)
        edited = block[0]
        for field, value in fields.items():
            edited, found = re.subn(rf"^  {field}: .*$", f"  {field}: {value}", edited, count=1, flags=re.MULTILINE)
            assert found, f"{entry} has no {field}"
        return text[:block.start()] + edited + text[block.end():]
    return change


SCHEDULE, SPEAKERS = f"docs/{EDITION}/schedule.yml", f"docs/{EDITION}/speakers.yml"
# A session the site's own post (machine-learning-pycon) links by its proposal, and a keynote (on the home page).
LINKED, KEYNOTE = "how-to-log-ml-experiments", "keynote-alolita-sharma"
PROGRAMME_EDITS = {
    "a linked session's title": (SCHEDULE, in_entry("slug", LINKED, title="How To Log ML Experiments, retitled"),
                                 f"{EDITION}/sessions/{LINKED}/index.html", "How To Log ML Experiments, retitled"),
    "a keynote's title": (SCHEDULE, in_entry("slug", KEYNOTE, title="'Keynote: Alolita Sharma, retitled'"),
                          "index.html", "Keynote: Alolita Sharma, retitled"),
    # After the day's last session, on another stage: its neighbours, the sessions beside it, the calendars all move.
    "a linked session's time and stage": (SCHEDULE, in_entry("slug", LINKED, start="2021-09-19T20:30:00+05:30", stage="stage-2"),
                                          "blog/2021/machine-learning-pycon/index.html", "20:30–21:00 IST, Stage 2"),
    "a keynote speaker's name": (SPEAKERS, in_entry("id", "alolita-sharma", name="Alolita Sharma-Renamed"),
                                 "index.html", "Alolita Sharma-Renamed"),
}


def edit(preview: Preview, path: str, change) -> None:
    source = preview.project / path
    source.write_text(change(source.read_text(encoding="utf-8")), encoding="utf-8")
    preview.server.builder()


@pytest.mark.parametrize("what", PROGRAMME_EDITS)
def test_an_edit_of_the_programme_data_shows_as_a_full_build_would_show_it(preview, tmp_path, what):
    """The edition's pages, calendars and exports, the home page and the posts that link a
    session: every file as a build of the same sources without the build hooks (and their
    caches) writes it."""
    path, change, page, shown = PROGRAMME_EDITS[what]
    edit(preview, path, change)
    assert preview.full_builds == 0, "the short path was not taken"
    assert shown in (preview.site / page).read_text(encoding="utf-8")
    reference = preview.built_in_full(tmp_path / "full", config="mkdocs-without-build-hooks.yml")
    assert different_files(preview.site, reference) == LEFT_FOR_THE_FULL_BUILD


def test_the_calendars_memory_brought_up_to_date_takes_the_short_path_too(preview, tmp_path):
    """`make calendars` after the edit, as the team does (its calendar.yml is one of the edition's data files)."""
    edit(preview, SCHEDULE, in_entry("slug", LINKED, title="How To Log ML Experiments, retitled"))
    after_edit(preview.project, SCHEDULE)
    preview.server.builder()
    assert preview.full_builds == 0, "the short path was not taken"
    reference = preview.built_in_full(tmp_path / "full", config="mkdocs-without-build-hooks.yml")
    assert different_files(preview.site, reference) == LEFT_FOR_THE_FULL_BUILD


def test_bad_programme_data_gets_the_full_build_and_its_error(preview, caplog):
    with pytest.raises(Abort):
        edit(preview, SCHEDULE, in_entry("slug", LINKED, stage="stage-9"))
    assert preview.full_builds == 1
    assert f"{EDITION}/schedule.yml: sessions[53] ({LINKED}).stage: no stage 'stage-9'" in caplog.text


def test_a_session_that_loses_its_page_gets_the_full_build(preview):
    edit(preview, SCHEDULE, in_entry("slug", LINKED, type="break"))
    assert preview.full_builds == 1
