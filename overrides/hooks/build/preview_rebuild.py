"""Under `mkdocs serve`, rebuild only what a saved post changes.

MkDocs rebuilds the whole site on every save: seconds with a few hundred
posts, while the writer waits to see one paragraph (issue 9). When the only
file that changed since the last build is a post, and only below its front
matter, this hook builds again that post's page and the listings that show
it (blog index pages, archive, category and author pages), from the state
of the last full build, and writes them over the served copy; when its
title changed (and its slug, so its address, did not), also the pages whose
HTML links it (the home page's teaser, a session's page) and the redirect
pages of its old addresses. Anything else (a new, moved or deleted file,
other front matter, a page that is not a post, the configuration) gets the
full build, as does any error on the short path, so a writer never sees less
than MkDocs would show. The search index and the feeds are those of the last
full build until the next one.

`mkdocs build` and `mkdocs gh-deploy` never take this path: it exists only
in the server's builder. It relies on MkDocs 1.6's page steps
(`_populate_page` and `_build_page` in mkdocs.commands.build) and on
Material 9.8.2's posts (a Post reads its file when made; its authors and
reading time are filled in while it is built); without them it logs why and
leaves the server's builder as it is.
"""

from __future__ import annotations

import inspect
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
from site_rules import split_front_matter  # noqa: E402

log = logging.getLogger("mkdocs.hooks.preview_rebuild")

# What the short path calls, as MkDocs 1.6 defines it.
STEPS = {
    "_populate_page": ["page", "config", "files", "dirty"],
    "_build_page": ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"],
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
    """Whether the listing page shows the post: the pages of a listing share
    its posts, a page shows its share of them."""
    posts = view.posts
    if len(view.pages) > 1 and blog._config_pagination(view):
        step = blog._config_pagination_per_page(view)
        at = view.pages.index(view)
        posts = posts[at * step:at * step + step]
    return any(shown is post for shown in posts)


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
        except Exception as error:  # the full build reports it as MkDocs would
            log.debug("the short path stopped: %s", error)
        last.config = None  # until the full build has finished
        full_build()

    server.builder = builder
    return server
