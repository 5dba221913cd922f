"""Fetch first the images a reader waits for, and last the ones they don't.

A post's first image sits in its first screen on a phone and is what the
reader waits for (its Largest Contentful Paint): fetch it at high priority.
Its other images are loaded lazily, as the reader scrolls to them, so a post
with many photos costs only what is seen.
The author's avatar in a post's sidebar is decoration, hidden in the drawer
on a phone: load it lazily, so it no longer competes with the page.
"""

import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import is_post  # noqa: E402

FIRST_IMG = re.compile(r"<img(?![^>]*\bfetchpriority=)", re.IGNORECASE)
OTHER_IMG = re.compile(r"<img(?![^>]*\b(?:fetchpriority|loading)=)", re.IGNORECASE)
AVATAR = '<span class="md-author md-author--long">'
AVATAR_IMG = re.compile(re.escape(AVATAR) + r"(\s*)<img ")


def on_page_content(html, page, config, files):
    if is_post(page):
        html = FIRST_IMG.sub('<img fetchpriority="high"', html, count=1)
        html = OTHER_IMG.sub('<img loading="lazy"', html)
    return html


# Before the minify plugin (priority 0) rewrites the avatar's markup.
@event_priority(50)
def on_post_page(output, page, config):
    return AVATAR_IMG.sub(AVATAR + r'\1<img loading="lazy" ', output)
