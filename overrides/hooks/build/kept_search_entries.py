"""Index a page for search only when what the index reads of it changed.

Material's search plugin parses every page's HTML again, in Python, to cut
it into the sections of the search index: the largest part of a warm build
once templates and Markdown are kept (issue 23). The entries a page gives
depend only on what `SearchIndex.add_entry_from_context(page)` reads: the
page's HTML, table of contents, address, title and metadata, and the
plugin's settings and version. This hook keeps each page's entries in
`.cache/search-entries.json` under a hash of those, and gives the index the
kept entries when the hash is the same; the index, and the file Material
writes from it, are the same.

It relies on Material 9.x's SearchIndex (its `entries` list, filled by
`add_entry_from_context(page)` through `create_entry_for_section`); on load
it checks that, and fails the build naming what is gone if not.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import json
import os
import sys
from pathlib import Path

from material.plugins.search import plugin as search
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unchanged_pages import plain, sha, toc_entries  # noqa: E402  (the same ways of hashing)

SearchIndex = getattr(search, "SearchIndex", None)
RELIED_ON = {
    "material.plugins.search.plugin.SearchIndex": SearchIndex is not None,
    "SearchIndex.add_entry_from_context(self, page)": SearchIndex is not None
    and list(inspect.signature(getattr(SearchIndex, "add_entry_from_context", lambda: 0)).parameters) == ["self", "page"],
    "SearchIndex.create_entry_for_section appending to self.entries": SearchIndex is not None
    and {"entries", "append"} <= set(getattr(getattr(SearchIndex, "create_entry_for_section", None), "__code__", None).co_names
                                     if hasattr(SearchIndex, "create_entry_for_section") else set()),
}
if not all(RELIED_ON.values()):
    raise PluginError(
        "kept_search_entries.py: Material's search plugin has changed what this hook follows; no "
        + ", no ".join(what for what, there in RELIED_ON.items() if not there)
    )

index = SearchIndex.add_entry_from_context


class State:
    active = False
    path: Path | None = None
    salt = ""
    kept: dict[str, list] = {}
    used: dict[str, list] = {}


state = State()


def add_entry_from_context(self, page) -> None:
    if not state.active:
        return index(self, page)
    key = sha(state.salt, page.url, str(page.title), plain(page.meta), page.content or "", plain(toc_entries(page.toc)))
    entries = state.kept.get(key)
    if entries is None:
        start = len(self.entries)
        index(self, page)
        entries = self.entries[start:]
    else:
        self.entries.extend(json.loads(json.dumps(entries)))  # copies: the plugin may change them
    state.used[key] = entries
    return None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search_plugin = config.plugins.get("material/search")
    state.active = search_plugin is not None
    if not state.active:
        return config
    SearchIndex.add_entry_from_context = add_entry_from_context  # undone after the build
    state.salt = plain([dict(search_plugin.config), importlib.metadata.version("mkdocs-material"), search.jieba is not None])
    state.path = Path(config.config_file_path).parent / ".cache" / "search-entries.json"
    try:
        state.kept = json.loads(state.path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state.kept = {}
    state.used = {}
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    SearchIndex.add_entry_from_context = index
    if not state.active:
        return
    state.active = False
    state.path.parent.mkdir(parents=True, exist_ok=True)
    partial = state.path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(state.used, ensure_ascii=False), encoding="utf-8")
    partial.replace(state.path)  # only the entries of this build's pages: the file does not grow
    state.kept, state.used = {}, {}


def on_build_error(*, error: Exception) -> None:
    SearchIndex.add_entry_from_context = index
    state.active = False
