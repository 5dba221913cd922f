"""Under `mkdocs serve`, rebuild only what a saved post or programme changes.

MkDocs rebuilds the whole site on every save: seconds with a few hundred
posts, while the writer waits to see one paragraph (issue 9). When the only
file that changed since the last build is a post, and only below its front
matter, this hook builds again that post's page and the listings that show
it (blog index pages, archive, category and author pages), from the state
of the last full build, and writes them over the served copy; when its
title changed (and its slug, so its address, did not), also the pages whose
HTML links it (the home page's teaser, a session's page) and the redirect
pages of its old addresses.

When the only files that changed are one edition's programme data
(docs/<year>/schedule.yml, speakers.yml, sponsors.yml, tickets.yml,
calendar.yml; not its edition.yml, which every page shows), it loads and
checks that edition's data as the build does, makes the edition's pages'
Markdown, its calendars and its exports again with the programme hooks' own
functions, and builds again the home page, the posts that show a changed
session (programme_blog.py) and those of the edition's pages whose title,
content or facts from the data differ from the last build's (issue 23); a
stale calendars' memory warns, as the full build does under `mkdocs serve`.

Anything else (a new, moved or deleted file, other front matter, a page
that is not a post, the configuration, data that would make another set of
pages or files or link posts to other sessions) gets the full build, as
does any error on a short path (bad data among them), so a writer never
sees less than MkDocs would show. The search index and the feeds are those
of the last full build until the next one.

`mkdocs build` and `mkdocs gh-deploy` never take these paths: they exist
only in the server's builder. They rely on MkDocs 1.6's page steps
(`_populate_page`, `get_context`, `_build_page` and `_build_theme_template`
in mkdocs.commands.build) and on Material 9.8.2's posts (a Post reads its
file when made; its authors and reading time are filled in while it is
built); without them it logs why and leaves the server's builder as it is.
"""

from __future__ import annotations

import copy
import inspect
import json
import logging
import os
import sys
import time
from pathlib import Path

from material.plugins.blog.structure import Post, View
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
sys.path.insert(0, str(Path(__file__).resolve().parent))  # unchanged_pages.py beside this hook
from site_rules import split_front_matter  # noqa: E402
from unchanged_pages import shown_posts  # noqa: E402  (a listing page's posts, cut as Material cuts them)

log = logging.getLogger("mkdocs.hooks.preview_rebuild")

# What the short path calls, as MkDocs 1.6 defines it.
STEPS = {
    "_populate_page": ["page", "config", "files", "dirty"],
    "_build_page": ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"],
    "get_context": ["nav", "files", "config", "page", "base_url"],
    "_build_theme_template": ["template_name", "env", "files", "config", "nav"],
}


def missing_steps() -> list[str]:
    return [
        f"mkdocs.commands.build.{name}({', '.join(parameters)})"
        for name, parameters in STEPS.items()
        if list(inspect.signature(getattr(mkdocs_build, name, lambda: None)).parameters) != parameters
    ]


class LastBuild:
    """What the last full build made, kept for the short path."""

    config: MkDocsConfig | None = None
    files: Files | None = None
    nav: Navigation | None = None
    env = None
    # Every watched file (see watched()): (modification time, size) at the end of the build.
    sources: dict[str, tuple[int, int]] = {}
    # Each post's front matter as the build read it, by source path.
    front_matter: dict[str, str] = {}
    # Each page of the programme (front matter `programme:`) as converted, before the data's
    # blocks are filled in: (HTML, table of contents), by source path.
    converted: dict[str, tuple] = {}


last = LastBuild()


def watched(config: MkDocsConfig) -> list[str]:
    """What `mkdocs serve` watches: the docs, the configuration and its `watch:` list."""
    return [config.docs_dir, config.config_file_path, *config.watch]


def snapshot(roots: list[str]) -> dict[str, tuple[int, int]]:
    """Every file under the roots, but hidden ones (editors' swap and lock
    files; MkDocs leaves them out of the site too): (modification time, size)."""
    found = {}

    def add(path: str) -> None:
        try:
            stat = os.stat(path)
        except OSError:  # gone since it was listed, or a dangling lock link
            return
        found[path] = (stat.st_mtime_ns, stat.st_size)

    for root in roots:
        if os.path.isfile(root):
            add(root)
        for folder, folders, names in os.walk(root):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    add(os.path.join(folder, name))
    return found


# Last of each event: what every plugin has made of it.
@event_priority(-1000)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    last.config, last.files, last.nav = None, files, nav
    return nav


@event_priority(-1000)
def on_env(env, *, config: MkDocsConfig, files: Files):
    last.env = env
    last.converted = {}
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        keep_converted(file.page)
    return env


@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    last.config = config
    last.sources = snapshot(watched(config))
    last.front_matter = {
        file.abs_src_path: split_front_matter(Path(file.abs_src_path).read_text(encoding="utf-8-sig"))[0]
        for file in last.files.documentation_pages()
        if isinstance(file.page, Post)
    }


def changes() -> dict[str, tuple[int, int]] | None:
    """The watched files changed since the last full build, with their
    state now; None if there is no finished build to go from."""
    if last.config is None:
        return None
    now = snapshot(watched(last.config))
    return {path: now.get(path) for path in now.keys() | last.sources.keys() if now.get(path) != last.sources.get(path)}


def changed_post(changed: dict[str, tuple[int, int]]) -> Post | None:
    """The post, if the one change is below a post's front matter."""
    if len(changed) != 1:
        return None
    [(path, state)] = changed.items()
    if state is None or not path.startswith(os.path.join(last.config.docs_dir, "")):
        return None
    file = last.files.get_file_from_path(os.path.relpath(path, last.config.docs_dir).replace(os.sep, "/"))
    post = file.page if file else None
    if not isinstance(post, Post):
        return None
    front_matter, markdown = split_front_matter(Path(path).read_text(encoding="utf-8-sig"))
    if front_matter != last.front_matter.get(path):
        return None
    last.sources[path] = state
    post.markdown = markdown
    return post


def shows(view: View, post: Post, blog) -> bool:
    """Whether the listing page shows the post: its share of the listing's posts."""
    return any(shown is post for shown in shown_posts(view, blog))


def linking(post: Post, doc_files) -> list:
    """The pages of the last build whose HTML links the post (a session's page
    listing it, the home page's teaser): they show its title."""
    tail = post.url.split("/", 1)[-1]  # blog/2021/slug/ -> 2021/slug/: in every relative link to it
    found = []
    for file in doc_files:
        if file.page is None or file.page is post or isinstance(file.page, View):
            continue
        try:
            html = Path(file.abs_dest_path).read_text(encoding="utf-8")
        except OSError:
            continue
        if f"{tail}\"" in html or f"{tail}#" in html:
            found.append(file.page)
    return found


def rewrite_redirects(config: MkDocsConfig) -> None:
    """The post's old addresses answer with pages that name it (redirect_old_urls.py)."""
    for key, plugin in config.plugins.items():
        if key.replace(os.sep, "/").endswith("/redirect_old_urls.py"):
            plugin.on_post_build(config=config)


def populate(page, config: MkDocsConfig, files: Files) -> None:
    """Read and convert a page again, as a full build would."""
    if isinstance(page, Post):
        page.authors = []  # filled in again by the blog plugin
        page.config.readtime = page.meta.get("readtime")  # measured again, unless the writer set it
    mkdocs_build._populate_page(page, config, files)
    keep_converted(page)


def keep_converted(page) -> None:
    """Keep a page of the programme as converted: after an edit of the data that leaves
    its Markdown as it was, its blocks are filled in again from there."""
    if page is not None and page.meta.get("programme"):
        last.converted[page.file.src_uri] = (page.content, copy.deepcopy(page.toc))


def rebuild_post(post: Post) -> bool:
    """Build the post's page and its listings again, and when its title
    changed, the pages that link it and its old addresses' pages; False
    when its address would change with its title (no slug)."""
    config, files, nav, env = last.config, last.files, last.nav, last.env
    title = post.title
    populate(post, config, files)
    retitled = post.title != title
    if retitled and not post.meta.get("slug"):
        return False
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    blog = config.plugins["material/blog"]
    listings = [file.page for file in doc_files if isinstance(file.page, View) and shows(file.page, post, blog)]
    others = linking(post, doc_files) if retitled else []
    for page in [*listings, *others]:
        populate(page, config, files)  # a fresh table of contents for the excerpts
    for page in [post, *listings, *others]:
        mkdocs_build._build_page(page, config, doc_files, nav, env)
    post.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    if retitled:
        rewrite_redirects(config)
    return True


# The programme (overrides/hooks/programme/) --------------------------------

# The hooks that make an edition's files from its data: its pages, its calendars, its exports.
PROGRAMME_MAKERS = ("programme_pages.py", "programme_calendar.py", "schedule_exports.py")
# An edition's data files are programme_data.FILES and its calendars' memory; not its
# edition.yml, whose facts every page shows.
CALENDAR_MEMORY = "calendar.yml"


def hook_key(config: MkDocsConfig, name: str) -> str:
    """The key of the site's hook of that file name among its plugins."""
    return next(key for key in config.plugins if key.replace(os.sep, "/").endswith(f"/{name}"))


def hook(config: MkDocsConfig, name: str):
    """The site's hook of that file name, as MkDocs loaded it (the module)."""
    return config.plugins[hook_key(config, name)]


def changed_edition(changed: dict[str, tuple[int, int]], programme_data) -> int | None:
    """The edition, if every change is an edit of its programme data files
    (docs/<year>/schedule.yml, speakers.yml, sponsors.yml, tickets.yml, calendar.yml)."""
    years = set()
    for path, state in changed.items():
        if state is None or path not in last.sources:  # a file deleted or added
            return None
        parts = os.path.relpath(path, last.config.docs_dir).split(os.sep)
        if len(parts) != 2 or not parts[0].isdigit() or parts[1] not in (*programme_data.FILES, CALENDAR_MEMORY):
            return None
        years.add(int(parts[0]))
    return years.pop() if len(years) == 1 else None


def seen_by_posts(programme, session) -> tuple:
    """What a post shows of a session it links or announces (partials/programme/post-links.html)."""
    return session, programme.stage_name(session), tuple(programme.speakers[s] for s in session.speakers)


def put_in_order(files: Files, order: list[str]) -> bool:
    """The files named in `order` in that order, in the places they take in the collection
    (as the build appends them); the rest where they are. False if they were in order."""
    uris = list(files.src_uris)
    places = [at for at, uri in enumerate(uris) if uri in set(order)]
    if [uris[at] for at in places] == order:
        return False
    for at, uri in zip(places, order):
        uris[at] = uri
    moved = [files.get_file_from_path(uri) for uri in uris[places[0]:]]
    for file in moved:
        files.remove(file)
    for file in moved:
        files.append(file)
    return True


def toc_entries(toc) -> list:
    return [(item.id, item.title, item.level, toc_entries(item.children)) for item in toc or []]


def shown(page, facts: dict) -> tuple:
    """What a page of the programme shows, as its template gets it: its title, front matter,
    content and contents with the data's blocks filled in, and the data's facts in its context."""
    return (page.title, json.dumps(page.meta, sort_keys=True, default=str), page.content, toc_entries(page.toc),
            json.dumps(facts, sort_keys=True, default=str))


def rebuild_programme(year: int) -> int | None:
    """Make the edition's files from its data again, as the build's hooks make
    them, and build again those of its pages that show something else now,
    the home page and the posts that show a changed session; the number of
    pages built, or None (the full build) when the data would make another
    set of files, or link posts and anchors otherwise, than the last build's."""
    config, files, nav, env = last.config, last.files, last.nav, last.env
    pages_hook = hook(config, "programme_pages.py")
    programme_data = pages_hook.programme_data
    editions = programme_data.for_build(config)
    old = editions.by_year.get(year)
    if old is None:  # a folder extra.editions does not list
        return None
    new = programme_data.load(Path(config.docs_dir), year)  # the build's checks; the full build reports what they find

    def linked(programme) -> tuple:
        """The addresses posts link a session by (programme_blog.py), and every session's anchor on the schedule."""
        return ({key: s.slug for key, s in programme.by_proposal().items()},
                {key: s.slug for key, s in programme.by_announcement().items()}, sorted(s.slug for s in programme.sessions))

    if linked(new) != linked(old):
        log.debug("the short path stopped: the data links posts or anchors otherwise")
        return None
    # The edition's files, made as the build's hooks make them; the same set, or the full build.
    written = Files([file for file in files if file.generated_by is None])  # tickets and sponsors may be the team's
    made = pages_hook.generated_pages(new, written)
    calendars, stale = hook(config, "programme_calendar.py").edition_files(new, files, config)
    made.update(calendars)
    made.update(hook(config, "schedule_exports.py").edition_files(new, files, config))
    makers = [hook_key(config, name) for name in PROGRAMME_MAKERS]
    folders = tuple(f"{folder}/" for folder in (new.folder, new.facts.old_folder) if folder)
    if made.keys() != {file.src_uri for file in files if file.generated_by in makers and file.src_uri.startswith(folders)}:
        log.debug("the short path stopped: the data makes another set of files")
        return None
    # A session at another time moves its page, and its calendar, in the build's order of files (the sitemap's).
    reordered = put_in_order(files, list(made))
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    # The pages the data feeds (unchanged_pages.py's reads_programme_data), as the last build left them.
    readers = [file.page for file in doc_files if file.page is not None and (
        file.page.is_homepage or (file.page.meta.get("programme") and editions.of_uri(file.src_uri) is old))]
    before = {page.file.src_uri: shown(page, pages_hook.page_facts(page, config)) for page in readers}
    sessions = {s.slug: s for s in new.sessions}
    changed = {s.slug for s in old.sessions if seen_by_posts(old, s) != seen_by_posts(new, sessions[s.slug])}
    posts = {post.file.src_uri: post for slug in changed for post in old.mentions.get(slug, {}).values()}

    # From here on, the new data is the build's.
    for slug, mentioned in old.mentions.items():  # posts link the same sessions (compared above)
        new.mentions[slug].update(mentioned)
    editions.all[editions.all.index(old)] = editions.by_year[year] = new
    if editions.current is old:
        editions.current = new
    hook(config, "programme_calendar.py").report(stale)
    remade = set()
    for uri, content in made.items():
        file = files.get_file_from_path(uri)
        content = content.encode("utf-8") if isinstance(content, str) else content
        if file.content_bytes != content:
            remade.add(uri)
            file.content_bytes = content
            if not file.is_documentation_page():
                file.copy_file()
    # A page whose template gets only plain facts of the data is built again when
    # what it shows has changed; one whose template gets the edition itself (home.html) always.
    rebuilt = list(posts.values())
    for page in readers:
        if page.file.src_uri in remade or page.file.src_uri not in last.converted:
            populate(page, config, files)
        else:  # its Markdown as it was: converted as it was
            page.content, toc = last.converted[page.file.src_uri]
            page.toc = copy.deepcopy(toc)
        context = mkdocs_build.get_context(nav, doc_files, config, page)
        given = set(context)
        context = pages_hook.on_page_context(context, page=page, config=config, nav=nav)
        facts = pages_hook.page_facts(page, config)
        if set(context) - given - set(facts) or shown(page, facts) != before[page.file.src_uri]:
            rebuilt.append(page)
    for page in rebuilt:
        populate(page, config, files)  # its blocks filled in once, by its build
    for page in rebuilt:
        mkdocs_build._build_page(page, config, doc_files, nav, env)
    for page in rebuilt:
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    hook(config, "old_addresses.py").on_post_build(config=config)  # the edition's old addresses' pages name its pages
    if reordered:
        mkdocs_build._build_theme_template("sitemap.xml", env, files, config, nav)
    return len(rebuilt)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    if missing_steps():
        log.warning("every save rebuilds the whole site: MkDocs no longer has %s", ", ".join(missing_steps()))
        return server
    full_build = server.builder

    def builder() -> None:
        started = time.monotonic()
        changed = changes()
        if changed == {}:  # a hidden file: an editor's swap or lock file
            log.info("Nothing the site is built from has changed")
            return
        try:
            post = changed_post(changed) if changed else None
            if post is not None and rebuild_post(post):
                log.info("Rebuilt %s and its listings in %.2f seconds", post.file.src_uri, time.monotonic() - started)
                return
            year = None
            if changed and post is None:
                year = changed_edition(changed, hook(last.config, "programme_pages.py").programme_data)
            built = rebuild_programme(year) if year is not None else None
            if built is not None:
                last.sources.update(changed)
                edited = ", ".join(sorted(os.path.relpath(path, last.config.docs_dir) for path in changed))
                log.info("Rebuilt what %s feeds (its calendars, exports and %d pages) in %.2f seconds",
                         edited, built, time.monotonic() - started)
                return
        except Exception as error:  # the full build reports it as MkDocs would
            log.debug("the short path stopped: %s", error)
        last.config = None  # until the full build has finished
        full_build()

    server.builder = builder
    return server
