"""Date a post that was never updated by its creation in the feeds.

The RSS plugin falls back to the time of the build for a post without
`date.updated`, so every build would announce every post as just updated.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import is_post  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    date = page.meta.get("date")
    if is_post(page) and isinstance(date, dict) and "updated" not in date:
        page.meta["date"] = {**date, "updated": date["created"]}
    return markdown
