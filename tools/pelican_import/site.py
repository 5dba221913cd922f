"""What the importer needs from the site: mkdocs.yml read with MkDocs' own
loader, and the site's rules for a post's addresses (overrides/hooks/site_rules.py,
which the build's hooks use too)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from overrides.hooks.site_rules import BlogRules
from tools.pelican_import.records import Post
from tools.pelican_import.site_config import CannotEdit, add_allowed_categories


@dataclass
class Site:
    name: str
    avatar: str
    old_pattern: str  # extra.old_blog.article_url
    blog_folder: Path
    categories_allowed: list[str]
    rules: BlogRules

    def post_page(self, post: Post) -> str:
        """The post's page under the site root, as the build publishes it."""
        return self.rules.post_url(post.created, post.slug, post.categories)

    def under_blog(self, page: str) -> str:
        """A page's address relative to the blog root."""
        rel = posixpath.relpath(page, self.rules.blog_dir)
        return rel + "/" if page.endswith("/") else rel


def load_site(config_file: Path) -> Site:
    """Read mkdocs.yml with MkDocs' own loader: it resolves !ENV tags and
    fills in the blog plugin's defaults."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    try:
        rules = BlogRules.of(config)
    except ValueError:
        raise SystemExit(f"error: {config_file} does not use Material's blog plugin") from None
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    return Site(
        name=config.site_name,
        avatar=config.theme.get("logo") or config.theme.get("favicon") or "assets/images/favicon.svg",
        old_pattern=(config.extra.get("old_blog") or {}).get("article_url", ""),
        blog_folder=Path(os.path.normpath(Path(config.docs_dir) / blog.config.blog_dir)),
        categories_allowed=list(blog.config.categories_allowed or []),
        rules=rules,
    )


def inherited(text: str) -> str | None:
    """The file a build variant names under INHERIT:, if any."""
    import yaml

    class Loader(yaml.SafeLoader):  # reads !ENV and other tags as plain values
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    data = yaml.load(text, Loader=Loader)
    return data.get("INHERIT") if isinstance(data, dict) else None


def missing_categories(posts: list[Post], site: Site) -> list[str]:
    """The posts' categories the blog would refuse: those outside
    `categories_allowed`, when it lists any; in the order first met."""
    if not site.categories_allowed:
        return []
    names = (post.category for post in sorted(posts, key=lambda p: p.created) if post.category)
    return [name for name in dict.fromkeys(names) if name not in site.categories_allowed]


def allow_categories(config_file: Path, site: Site, names: list[str], dry_run: bool) -> str:
    """Add `names` to categories_allowed in mkdocs.yml, keeping the rest of
    the file as it is; returns what was done, for the report. Raises
    CannotEdit, saying the edit to make by hand, when the list cannot be
    edited line by line."""
    text = config_file.read_text(encoding="utf-8")
    edited = add_allowed_categories(text, names)
    if edited == text:  # a build variant: the list is in the file it inherits
        parent = inherited(text)
        if parent is None:
            raise CannotEdit(f"categories_allowed is not in {config_file}; add {', '.join(map(repr, names))} to it")
        return allow_categories(config_file.parent / parent, site, names, dry_run)
    if not dry_run:
        config_file.write_text(edited, encoding="utf-8")
    site.categories_allowed += names
    verb = "would add" if dry_run else "added"
    return f"{config_file}: {verb} {', '.join(repr(n) for n in names)} to the blog's categories_allowed"
