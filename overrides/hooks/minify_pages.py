"""Minify every HTML page the site publishes, with a compiled minifier, on
the second core.

Smaller pages for slow phones (issue 6): whitespace, comments and optional
quotes go; the text a reader sees does not change. The minifier is
minify-html (Rust), which does in milliseconds what the pure-Python htmlmin
of mkdocs-minify-plugin did in most of the build's time (issue 9); the plugin
still minifies the site's own stylesheet.

minify-html lets go of Python's lock while it works, so pages are minified
by a worker thread while MkDocs renders the next ones: MkDocs writes each
page as rendered, the worker writes its minified copy beside it, and once
every page is built the copies take the pages' places, before any hook that
reads the written pages (trim_theme_css). A failure stops the build.

Under `mkdocs serve` pages are left as written: a writer's preview needs no
minifying, and every save rebuilds sooner without it.
"""

import os
from concurrent.futures import Future, ThreadPoolExecutor

import minify_html
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Material's <html> and <head> carry attributes (lang, the palette): keep them.
# Closing tags stay too: HTML5 may leave out `</p>` before a `<nav>`, but
# parsers that predate HTML5 (libxml2's, which tools and feed readers use)
# would then read the next block into the paragraph.
OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True, "minify_css": True, "minify_js": True}
SUFFIX = ".minified"

serving = False
worker: ThreadPoolExecutor | None = None
pending: list[tuple[Future, str]] = []


def on_startup(*, command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def minify(html: str) -> str:
    return minify_html.minify(html, **OPTIONS)


def write_minified(html: str, path: str) -> None:
    try:
        minified = minify(html)
    except Exception as error:
        raise PluginError(f"minify_pages.py: could not minify {path}: {error}") from error
    with open(path + SUFFIX, "w", encoding="utf-8", errors="xmlcharrefreplace") as file:
        file.write(minified)


def on_pre_build(*, config) -> None:
    global worker
    pending.clear()
    if not serving:
        worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="minify_pages")


# Last: the other hooks read Material's markup as Material writes it.
@event_priority(-100)
def on_post_page(output: str, *, page, config) -> str:
    if worker is not None and output.strip():  # MkDocs writes no empty page
        path = page.file.abs_dest_path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        pending.append((worker.submit(write_minified, output, path), path))
    return output


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config) -> str:
    if serving or not template_name.endswith(".html"):
        return output_content
    return minify(output_content)


def finish(*, cancel: bool) -> None:
    global worker
    if worker is not None:
        worker.shutdown(wait=True, cancel_futures=cancel)
        worker = None


# Before trim_theme_css (-100) reads the written pages.
@event_priority(-50)
def on_post_build(*, config) -> None:
    finish(cancel=False)
    for future, path in pending:
        future.result()  # a page that failed stops the build here
        os.replace(path + SUFFIX, path)
    pending.clear()


def on_build_error(*, error: Exception) -> None:
    finish(cancel=True)
    for _, path in pending:
        if os.path.exists(path + SUFFIX):
            os.remove(path + SUFFIX)
    pending.clear()
