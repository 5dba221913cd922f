"""Write robots.txt pointing crawlers at the sitemap, at an address that
follows site_url (and so SITE_URL)."""

from pathlib import Path


def on_post_build(config):
    Path(config.site_dir, "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n", encoding="utf-8"
    )
