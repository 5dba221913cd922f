"""Minify every HTML page the site publishes, with a compiled minifier.

Smaller pages for slow phones (issue 6): whitespace, comments, optional
quotes go; the text a reader sees does not change. The
minifier is minify-html (Rust), which does in milliseconds what the
pure-Python htmlmin of mkdocs-minify-plugin did in most of the build's time
(issue 9): half a second for 300 posts' 740 pages. Minifying on a second
thread while MkDocs renders (minify-html lets go of Python's lock) moved no
measured figure, so it is done here, page by page. The plugin still
minifies the site's own stylesheet.

Under `mkdocs serve` pages are left as written: a writer's preview needs no
minifying, and every save rebuilds sooner without it.
"""

import minify_html
from mkdocs.plugins import event_priority

# Material's <html> and <head> carry attributes (lang, the palette): keep them.
# Closing tags stay too: HTML5 may leave out `</p>` before a `<nav>`, but
# parsers that predate HTML5 (libxml2's, which tools and feed readers use)
# would then read the next block into the paragraph.
OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True, "minify_css": True, "minify_js": True}

serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def minify(html: str) -> str:
    return html if serving else minify_html.minify(html, **OPTIONS)


# Last: the other hooks read Material's markup as Material writes it.
@event_priority(-100)
def on_post_page(output: str, *, page, config) -> str:
    return minify(output)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config) -> str:
    return minify(output_content) if template_name.endswith(".html") else output_content
