"""Convert again only the pages whose Markdown changed since the last build.

After the templates (unchanged_pages.py), converting every page's Markdown is
the largest part of a warm build (issue 23). MkDocs converts a page in
`Page.render(config, files)`: a new Markdown parser with the site's
extensions and its own (links made relative, anchors and the title taken
out). This hook keeps what that leaves on the page (its HTML, table of
contents, title from its heading, anchors and the anchors it links to) in
`.cache/markdown/`, under a key of everything the conversion reads:

- the page's Markdown as the page_markdown hooks left it, its source path
  and its address (links are written relative to it);
- the configuration as loaded (the extensions and their settings among it),
  every file of the theme's overrides and the hooks' folders, every installed
  package's version (unchanged_pages.py's, the same parts);
- every file of the site by address and whether it is published (a link is
  made, or warned about, from them).

A conversion that logs anything (a link MkDocs cannot resolve, a warning
or a note) is not kept: the next build converts it again and says it again.
Everything after the conversion (page_content hooks and plugins, the search
index, the feeds) runs as before on the kept HTML.

It relies on what MkDocs 1.6's `Page.render` sets; on load it checks that
the method still sets those attributes, and fails the build naming what is
gone if not.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unchanged_pages import code_inputs, config_inputs, sha  # noqa: E402  (the same site inputs)

# What Page.render leaves on the page, and this hook restores.
SETS = ("self.content", "self.toc", "self._title_from_render", "self.present_anchor_ids", "self.links_to_anchors")
_source = inspect.getsource(Page.render)
if any(f"{name} =" not in _source for name in SETS) or "def render(self, config: MkDocsConfig, files: Files)" not in _source:
    raise PluginError(
        "unchanged_markdown.py: MkDocs' Page.render no longer converts a page as this hook follows; "
        "it should take (config, files) and set " + ", ".join(SETS)
    )

# The extensions this site converts with (MkDocs adds the first three): none
# of them reads another file, so the key above is all a conversion reads.
# With any other, pages are converted as MkDocs does.
KNOWN_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"}
log = logging.getLogger("mkdocs.hooks.unchanged_markdown")
convert = Page.render


class State:
    site: str | None = None
    inputs = None  # (config, files) of this build, until its site key is made
    folder: Path | None = None
    converted = kept = 0


state = State()


class Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record):
        self.count += 1


def tokens(toc) -> list[dict]:
    """A table of contents as the Markdown toc extension's tokens, which get_toc reads."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": tokens(item.children)} for item in toc]


def site_key(config: MkDocsConfig, files: Files) -> str:
    addresses = [f"{f.src_uri} -> {f.url} {f.inclusion.name}" for f in sorted(files, key=lambda f: f.src_uri)]
    return sha(config_inputs(config), *code_inputs(config), *addresses)


def render(page: Page, config: MkDocsConfig, files: Files) -> None:
    if state.inputs is not None:
        state.site, state.inputs = site_key(*state.inputs), None
    if state.site is None or page.file.inclusion.is_excluded() or page.markdown is None:
        return convert(page, config, files)
    key = sha(state.site, page.file.src_uri, page.url, page.markdown)
    path = state.folder / f"{hashlib.sha256(f'{config.site_url} {page.file.src_uri}'.encode()).hexdigest()[:40]}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entry = None
    if entry is not None and entry["key"] == key:
        state.kept += 1
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if entry["links_to_anchors"] is not None and logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links_to_anchors"].items()}
        return None
    state.converted += 1
    logged = Logged()
    logging.getLogger("mkdocs").addHandler(logged)
    try:
        convert(page, config, files)
    finally:
        logging.getLogger("mkdocs").removeHandler(logged)
    if logged.count:
        return None
    links = page.__dict__.get("links_to_anchors")
    entry = {
        "key": key, "content": page.content, "toc": tokens(page.toc), "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None if links is None else {file.src_uri: dict(found) for file, found in links.items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)  # a build stopped half-way leaves no half entry
    return None


# Last: the files as every plugin has made them.
@event_priority(-1000)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state.site, state.inputs = None, (config, files)
    state.folder = Path(config.config_file_path).parent / ".cache" / "markdown"
    state.converted = state.kept = 0
    if set(config.markdown_extensions) <= KNOWN_EXTENSIONS:
        Page.render = render  # for this build only: a build without this hook converts as MkDocs does
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    Page.render = convert
    log.info("Pages converted: %d; unchanged, not converted again: %d", state.converted, state.kept)


def on_build_error(*, error: Exception) -> None:
    Page.render = convert
