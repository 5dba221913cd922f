"""Answer each post's address on the old Pelican blog with a redirect page.

The old address is built from the post's own date and slug with the old
blog's ARTICLE_URL pattern (`extra.old_blog.article_url`, relative to the
blog root), plus any addresses a post lists under `old_urls:` in its front
matter. Each redirect page refreshes to the post, names it as canonical,
links to it for readers whose browser does not follow the refresh, and asks
search engines not to index it.
"""

import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import BlogRules, old_pages, redirect_page  # noqa: E402

_site_paths: set[str] = set()


# After the blog plugin (-50) has placed the posts: every path the site uses.
@event_priority(-60)
def on_files(files, config):
    _site_paths.clear()
    _site_paths.update(file.dest_uri for file in files)
    return files


def on_post_build(config):
    blog = config.plugins["material/blog"]
    rules = BlogRules.of(config)
    pattern = config.extra.get("old_blog", {}).get("article_url", "")
    site = Path(config.site_dir)
    redirected: dict[str, str] = {}
    for post in blog.blog.posts:
        try:
            olds = old_pages(post, pattern, rules)
        except ValueError as error:
            raise PluginError(f"Post '{post.file.src_uri}': extra.old_blog.article_url cannot be filled ({error})")
        for old in olds:
            path = posixpath.normpath(posixpath.join(rules.blog_dir, old))
            if path in _site_paths:
                raise PluginError(
                    f"Post '{post.file.src_uri}': its old address '{path}' is already a page of the site"
                )
            if path in redirected:
                raise PluginError(
                    f"Posts '{redirected[path]}' and '{post.file.src_uri}' both claim the old address '{path}'"
                )
            redirected[path] = post.file.src_uri
            target = posixpath.relpath(post.url, posixpath.dirname(path))
            target += "/" if post.url.endswith("/") else ""
            dest = site / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(redirect_page(post.title, target, post.canonical_url), encoding="utf-8")
