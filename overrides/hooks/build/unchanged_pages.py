"""Render again only the pages whose inputs changed since the last build.

Material's base template, rendered for every page, is the largest part of a
warm build (issue 23). This hook keeps each page's rendered template in
`.cache/pages/` under a key made of everything the page is made from, and
when a page's key is the one it was rendered under, hands MkDocs that text
instead of rendering the template again. The page is still read, converted
and indexed as before; only the template's render is skipped, and what
follows it (the post_page hooks, the minifier) runs as always.

A page's key names its inputs completely, coarsely rather than finely:

- the site's: the configuration as loaded (every plugin's settings, the
  environment's SITE_URL through site_url, `mkdocs serve`'s address), every
  file of the theme's overrides and of the hooks' folders (templates,
  partials, hooks, the rules they import), the version of every installed
  package (MkDocs, Material, Markdown, the plugins), every file under docs/
  by address (so a new, moved or deleted page or image, or a post whose date
  moves it, renders every page again), the text of every data file there
  (each edition's `edition.yml`, whose facts every page's banner and menu show,
  docs/blog/.authors.yml) and of every page that is not a post (the
  navigation's titles come from them);
- the page's own: its source (front matter and text), its address, and what
  the build made of it just before the template (title, metadata, HTML,
  table of contents);
- for a page of the blog's listings (index, archive, category, author): every
  post's address, title and metadata (their order, the pagination, the menu's
  archive and categories) and the source of each post it shows (its excerpts);
- for the pages made with home.html, which show the newest post's teaser:
  every post's source and address. A post that links others by its `links:`
  front matter is treated as such a page;
- for every other page but a post (the programme's pages): every post's
  address, title and metadata, not its text. What such a page shows of a
  post is in its own HTML, in its key already (a session's page lists the
  posts that link it by title);
- for the pages the programme's hooks fill from its data (its own pages and
  the home page, reads_programme_data()): the editions' programme data files
  (docs/<year>/schedule.yml, speakers.yml, ..., calendar.yml).

So a post's text edit renders that post, the listings' pages that show it
and the home page; its title or metadata, every listing and the programme's
pages too; an
edit of the programme's data, the programme's pages and the home page (and
a post whose HTML shows the session); any other change renders every page. A render that logs a warning is not kept
(a strict build must see it again), nor is a page shown as a draft.

It relies on MkDocs 1.6's `_build_page`: the template fetched with
`env.get_template(page.meta.get('template', 'main.html'))` is rendered with
`template.render(context)` right after the page_context event; on load it
checks that, and fails the build naming what is gone if not.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
import logging
import os
import re
from pathlib import Path, PurePosixPath

from jinja2 import Environment, Template
from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import Post, View
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# What _build_page does, in this order, that the short cut stands in for.
RELIED_ON = (
    "template = env.get_template(page.meta.get('template', 'main.html'))",
    "context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)",
    "output = template.render(context)",
)
_source = inspect.getsource(mkdocs_build._build_page)
_at = [_source.find(line) for line in RELIED_ON]
if -1 in _at or _at != sorted(_at):
    raise PluginError(
        "unchanged_pages.py: MkDocs' _build_page no longer renders a page as this hook follows; no "
        + (", no ".join(line for line, at in zip(RELIED_ON, _at) if at == -1) or "these steps in this order: " + "; ".join(RELIED_ON))
    )

# A kept listing skips the blog plugin's rendering of its excerpts (Material 9.x:
# BlogPlugin._render renders each through _render_post(excerpt, view)).
def names_used(code) -> set[str]:
    """The names a function's code looks up, its comprehensions' included."""
    if code is None:
        return set()
    return set(code.co_names).union(*(names_used(c) for c in code.co_consts if inspect.iscode(c)))


# A listing's page shows its share of the listing's posts, cut as Material 9.x's
# BlogPlugin._render cuts it (shown_posts() below).
RENDER_NAMES = {"_render_post", "_config_pagination", "_config_pagination_per_page", "pages", "posts", "index"}
if not RENDER_NAMES <= names_used(getattr(getattr(BlogPlugin, "_render", None), "__code__", None)) or list(
    inspect.signature(getattr(BlogPlugin, "_render_post", lambda: 0)).parameters
) != ["self", "excerpt", "view"]:
    raise PluginError("unchanged_pages.py: Material's blog plugin no longer renders a listing's page as this hook follows: "
                      "its share of the posts, cut by _config_pagination and _config_pagination_per_page, "
                      "each excerpt through _render_post(excerpt, view)")


def shown_posts(view: View, blog: BlogPlugin) -> list[Post]:
    """The posts a listing's page shows: all of them, or its page's share."""
    posts = view.posts
    if view.pages and blog._config_pagination(view):
        step = blog._config_pagination_per_page(view)
        at = view.pages.index(view)
        posts = posts[at * step:at * step + step]
    return posts

FORMAT = b"unchanged_pages 1\n"  # a change to how keys or entries are made changes every key
DATA_SUFFIXES = {".yml", ".yaml", ".json", ".toml", ".csv"}
ADDRESS = re.compile(r" at 0x[0-9a-f]+")
log = logging.getLogger("mkdocs.hooks.unchanged_pages")


def sha(*parts: bytes | str) -> str:
    digest = hashlib.sha256(FORMAT)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def stable_repr(value) -> str:
    """An object's repr without the memory address a function's carries (it differs at every run)."""
    return ADDRESS.sub("", repr(value))


def plain(value) -> str:
    """A value as JSON, its keys sorted; what is not plain data by its repr."""
    return json.dumps(value, sort_keys=True, default=stable_repr, ensure_ascii=False)


def tree_files(folder: Path):
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name != "__pycache__" and not name.endswith(".pyc"):
                yield Path(root, name)


def code_inputs(config: MkDocsConfig) -> list[str]:
    """The theme's overrides and the hooks' folders, file by file, and every installed package's version."""
    folders = {Path(config.theme.custom_dir).resolve()} if config.theme.custom_dir else set()
    folders |= {Path(path).resolve().parent.parent for path in config.hooks}  # a hook's folder and its neighbours' rules
    parts = []
    for folder in sorted(folders):
        for path in tree_files(folder):
            parts += [str(path), sha(read(path))]
    parts += sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return parts


def config_inputs(config: MkDocsConfig) -> str:
    # Where the site is written and which file named the settings change no page.
    leave_out = ("plugins", "theme", "nav", "hooks", "site_dir", "config_file_path")
    settings = {key: value for key, value in config.items() if key not in leave_out}
    settings["plugins"] = {name: dict(plugin.config) if hasattr(plugin, "config") else None
                           for name, plugin in config.plugins.items() if not name.endswith(".py")}
    settings["theme"] = {**dict(config.theme), "dirs": config.theme.dirs}
    settings["nav"], settings["hooks"] = config.nav, list(config.hooks)
    return plain(settings)


def source(file) -> bytes:
    return file.content_bytes


def read(path: Path) -> bytes:
    """A file's bytes; a link to nowhere (an editor's lock) reads as such, not as an error."""
    try:
        return path.read_bytes()
    except OSError as error:
        return f"unreadable: {error.strerror}".encode()


def size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return -1


# The programme (overrides/hooks/programme/): each edition's data files under docs/<year>/,
# and the pages made from them as they are rendered. The one place this hook names the
# programme. An edition's facts (edition.yml) are not among them: every page shows the
# current edition in its banner and every edition's name in its menu.
PROGRAMME_DATA = "[0-9][0-9][0-9][0-9]/*.yml"
EDITION_FACTS = "edition.yml"


def is_programme_data(uri: str) -> bool:
    path = PurePosixPath(uri)
    return path.match(PROGRAMME_DATA) and path.name != EDITION_FACTS


def reads_programme_data(page: Page) -> bool:
    """The programme's own pages (front matter `programme:`) and the home page (its
    keynotes and calls to action): programme_pages.py fills them from the data. A
    page that shows a session otherwise (a post linking one) has it in its HTML."""
    return bool(page.meta.get("programme")) or page.is_homepage


class Keys:
    """The site's, the posts' and the programme's parts of the keys, worked out once per build."""

    def __init__(self, config: MkDocsConfig, files: Files):
        docs, site, posts, seen, programme = [], [], [], [], []
        for file in sorted(files, key=lambda f: f.src_uri):
            docs.append(f"{file.src_uri} -> {file.url} {file.inclusion.name}")
            page = file.page
            if isinstance(page, Post):
                posts += [file.src_uri, file.url, sha(source(file))]
                seen += [file.src_uri, file.url, str(page.title), plain(page.meta)]
            elif file.inclusion.is_excluded():  # not in the site (an editor's lock file among them): its address only
                continue
            elif file.is_documentation_page():
                # A page in the navigation lends it its title; one outside it (a session's) only its own key.
                if file.inclusion != InclusionLevel.NOT_IN_NAV:
                    site += [file.src_uri, sha(source(file))]
            elif not file.generated_by and file.abs_src_path and Path(file.src_uri).suffix.lower() not in DATA_SUFFIXES:
                docs.append(str(size(file.abs_src_path)))
        # Data files, published or not (exclude_docs), by their text: the hooks read them.
        for path in tree_files(Path(config.docs_dir)):
            if path.suffix.lower() in DATA_SUFFIXES:
                uri = path.relative_to(config.docs_dir).as_posix()
                (programme if is_programme_data(uri) else site).extend([uri, sha(read(path))])
        self.site = sha(config_inputs(config), *code_inputs(config), *docs, *site)
        self.posts = sha(*posts)
        self.posts_seen = sha(*seen)
        self.programme = sha(*programme)
        self.blog = config.plugins.get("material/blog")

    def key(self, page: Page) -> str:
        own = [page.file.src_uri, page.url, sha(source(page.file)), str(page.title), plain(page.meta),
               page.content or "", plain(toc_entries(page.toc))]
        if isinstance(page, View) and self.blog is not None:
            # Its posts' order, dates and titles (the pagination, the archive and categories
            # in its menu) and the text of the posts it shows.
            posts = sha(self.posts_seen, *(part for post in shown_posts(page, self.blog)
                                           for part in (post.file.src_uri, sha(source(post.file)))))
        elif shows_posts_text(page):
            posts = self.posts
        else:
            posts = "" if isinstance(page, Post) else self.posts_seen
        return sha(self.site, *own, posts, self.programme if reads_programme_data(page) else "")


def shows_posts_text(page: Page) -> bool:
    """The blog's listings (their excerpts), the pages made with home.html (the newest
    post's teaser, latest_post.py) and a post that links others by `links:`."""
    return isinstance(page, View) or page.is_homepage or page.meta.get("template") == "home.html" or (
        isinstance(page, Post) and "links" in page.meta)


def toc_entries(toc) -> list:
    return [[item.id, item.title, item.level, item.url, toc_entries(item.children)] for item in toc or []]


class Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class State:
    keys: Keys | None = None
    files: Files | None = None
    folder: Path | None = None
    env: Environment | None = None
    armed: Template | None = None
    kept_page: Page | None = None  # the page being built, when its render is kept
    hits = misses = 0


state = State()


def entry_path(page: Page, config: MkDocsConfig) -> Path:
    """One entry per page and address of the site, so that `mkdocs serve` and `mkdocs build` keep theirs."""
    return state.folder / f"{hashlib.sha256(f'{config.site_url} {page.file.src_uri}'.encode()).hexdigest()[:40]}.html"


def read_entry(path: Path, key: str) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    stored, _, output = text.partition("\n")
    return output if stored == key else None


def write_entry(path: Path, key: str, output: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(f"{key}\n{output}", encoding="utf-8")
    partial.replace(path)  # a build stopped half-way leaves no half entry


def disarm() -> None:
    state.kept_page = None
    if state.armed is not None:
        state.armed.__dict__.pop("render", None)
        state.armed = None


@event_priority(-1000)  # last: the files as every plugin has made them
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state.files, state.keys = files, None
    state.folder = Path(config.config_file_path).parent / ".cache" / "pages"
    state.hits = state.misses = 0
    return files


@event_priority(-1000)
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    state.env = env
    blog = config.plugins.get("material/blog")
    if blog is not None and "_render_post" not in vars(blog):
        render_post = blog._render_post

        def skipping(excerpt, view):
            return excerpt if view is state.kept_page else render_post(excerpt, view)

        blog._render_post = skipping
    return env


# A page read again once the keys are made is `mkdocs serve` rebuilding a
# saved post (preview_rebuild.py): its source has changed, make the keys again.
@event_priority(-1000)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state.keys = None
    return markdown


# Before the blog plugin (-100) renders a listing's excerpts, which a kept
# page does not need: it changes the page only by adding the excerpts' titles to
# its table of contents, which come from the posts' sources, in the key already.
@event_priority(-90)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    disarm()
    if page.file.inclusion.is_excluded() or state.env is None:  # a draft gets a marker after this event
        return context
    if state.keys is None:
        state.keys = Keys(config, state.files)
    key = state.keys.key(page)
    path = entry_path(page, config)
    kept = read_entry(path, key)
    state.kept_page = page if kept is not None else None
    template = state.env.get_template(page.meta.get("template", "main.html"))

    def render(*args, **kwargs):
        disarm()
        if len(args) != 1 or args[0] is not context or kwargs:  # not the page's own render: as Jinja does it
            return Template.render(template, *args, **kwargs)
        if kept is not None:
            state.hits += 1
            return kept
        state.misses += 1
        warnings = Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            output = Template.render(template, context)
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        if not warnings.count:
            write_entry(path, key, output)
        return output

    template.render = render
    state.armed = template
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    disarm()
    log.info("Pages rendered: %d; unchanged, not rendered again: %d", state.misses, state.hits)
