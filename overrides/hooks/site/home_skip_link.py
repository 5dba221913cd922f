"""Give the home page a "Skip to content" link.

Material draws its skip link to the first entry of a page's table of
contents; the home page's heading comes from its template, not from
Markdown, so its table of contents would be empty and it would get none.
"""

from mkdocs.structure.toc import get_toc

HERO_HEADING_ID = "pi-hero-title"  # the id of home.html's <h1>


def on_page_content(html, page, config, files):
    if page.meta.get("template") == "home.html" and not page.toc.items:
        name = page.meta.get("title") or config.extra["edition"]["name"]  # an edition's home, or the site's
        page.toc = get_toc([{"level": 1, "id": HERO_HEADING_ID, "name": name, "children": []}])
    return html
