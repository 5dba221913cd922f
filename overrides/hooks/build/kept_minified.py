"""Minify a page's HTML once: the same HTML again gets the kept result.

overrides/hooks/site/minify_pages.py minifies every page with minify-html at
every build; with the pages kept by unchanged_pages.py, that is most of what
is left of rendering them (issue 23). Minifying is a function of the HTML
and the minifier's settings alone, so this hook keeps each result in
`.cache/minified/` under a hash of the HTML, of minify_pages.py's source
(its options) and of minify-html's version, and hands minify_pages.py the
kept result for the same HTML. Entries no page of the last build used are
removed after it, so the folder does not grow with every edit.

Under `mkdocs serve` minify_pages.py leaves pages as they are, and this
hook does nothing. It relies on minify_pages.py's `minify(html)` and its
`serving` flag, and checks on load that they are there.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

MINIFIER = "minify_pages.py"


class State:
    module = None  # minify_pages.py as MkDocs loaded it
    minify = None  # its own minify
    folder: Path | None = None
    salt = b""
    used: set[str] = set()


state = State()


def kept_minify(html: str) -> str:
    if state.module.serving:
        return state.minify(html)
    data = html.encode("utf-8", "surrogatepass")
    key = hashlib.sha256(state.salt + data).hexdigest()
    path = state.folder / f"{key}.html"
    state.used.add(path.name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    output = state.minify(html)
    state.folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(output, encoding="utf-8")
    partial.replace(path)  # a build stopped half-way leaves no half entry
    return output


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    found = [plugin for key, plugin in config.plugins.items() if key.replace(os.sep, "/").endswith("/" + MINIFIER)]
    if not found:
        return config
    module = found[0]
    if not callable(getattr(module, "minify", None)) or not hasattr(module, "serving"):
        raise PluginError(f"kept_minified.py: {MINIFIER} no longer has the minify(html) function and serving flag it wraps")
    if module.minify is not kept_minify:
        state.module, state.minify = module, module.minify
        module.minify = kept_minify
    state.salt = hashlib.sha256(
        Path(module.__file__).read_bytes() + importlib.metadata.version("minify-html").encode()
    ).digest()
    state.folder = Path(config.config_file_path).parent / ".cache" / "minified"
    state.used = set()
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    if state.module is None or state.module.serving or not state.folder.is_dir():
        return
    for entry in state.folder.iterdir():
        if entry.name not in state.used:
            entry.unlink(missing_ok=True)
