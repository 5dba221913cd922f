"""Fetch a post's lead image first.

The first image of a post sits in its first screen on a phone and is what
the reader waits for (its Largest Contentful Paint); the browser would
otherwise fetch it at the same priority as the sidebar's avatar. Only the
first image of a post is marked, so later images keep the default.
"""

import re

FIRST_IMG = re.compile(r"<img(?![^>]*\bfetchpriority=)", re.IGNORECASE)


def on_page_content(html, page, config, files):
    if page.file.src_uri.startswith("blog/posts/"):
        html = FIRST_IMG.sub('<img fetchpriority="high"', html, count=1)
    return html
