"""Name two of Material's landmarks that it leaves unnamed, so screen reader
users can tell them apart: the search dialog (axe: aria-dialog-name) and the
sidebar of a blog post, a second unnamed navigation (axe: landmark-unique).
Their templates have no block to extend, so the names are added to the
rendered page; a Material upgrade that changes the markup fails the build
instead of silently dropping the names.
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
POST_SIDEBAR_NAV = re.compile(r'(<div class="md-sidebar__inner md-post">\s*<nav class="md-nav md-nav--primary")>')


def markup_changed(what: str, where: str):
    return PluginError(f"accessible_names.py: no {what} found in '{where}'; has Material's markup changed?")


def name_search_dialog(html: str, where: str) -> str:
    if SEARCH_DIALOG not in html:
        raise markup_changed("search dialog", where)
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)


# Before the minify plugin (priority 0) rewrites the markup these look for.
@event_priority(50)
def on_post_page(output, page, config):
    output = name_search_dialog(output, page.file.src_uri)
    if page.meta.get("template") == "blog-post.html":
        output, found = POST_SIDEBAR_NAV.subn(r'\1 aria-label="About this post">', output, count=1)
        if not found:
            raise markup_changed("post sidebar", page.file.src_uri)
    return output


# The 404 page is rendered from a theme template, not from a Markdown page.
@event_priority(50)
def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        return name_search_dialog(output_content, template_name)
    return output_content
