"""The site's rules for blog posts, asked by the hooks, the Pelican importer
and the tests alike, so that they cannot disagree: where Material's blog
plugin publishes a post, what fills the old blog's address pattern, which
pages are posts, and how a page's front matter is read.

Not a hook (it is not listed under `hooks:` in mkdocs.yml): a module the hooks
import.
"""

# Beside the hooks: MkDocs 1.6 puts a hook's folder on sys.path as it loads it; tools and tests import overrides.hooks.site_rules.

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import yaml
from babel.dates import format_date, format_datetime
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import YAML_RE


@dataclass(frozen=True)
class BlogRules:
    """The blog plugin's settings that decide a post's addresses."""

    blog_dir: str  # normalized, relative to docs_dir: "blog"
    post_url_format: str
    post_url_date_format: str
    max_categories: int
    categories_slugify: Callable[[str, str], str]
    categories_separator: str
    post_slugify: Callable[[str, str], str]
    post_separator: str
    locale: str
    directory_urls: bool

    @classmethod
    def of(cls, config: MkDocsConfig) -> BlogRules:
        """The rules of a loaded configuration; a clear error without the blog plugin."""
        blog = config.plugins.get("material/blog") or config.plugins.get("blog")
        if blog is None:
            raise ValueError(f"{config.config_file_path} does not use Material's blog plugin")
        settings = blog.config
        return cls(
            blog_dir=posixpath.normpath(settings.blog_dir),
            post_url_format=settings.post_url_format,
            post_url_date_format=settings.post_url_date_format,
            max_categories=settings.post_url_max_categories,
            categories_slugify=settings.categories_slugify,
            categories_separator=settings.categories_slugify_separator,
            post_slugify=settings.post_slugify,
            post_separator=settings.post_slugify_separator,
            locale=config.theme["language"].replace("-", "_"),
            directory_urls=config.use_directory_urls,
        )

    def category_slug(self, name: str) -> str:
        """A category's slug, as Material forms it for `{categories}` and category pages."""
        return self.categories_slugify(name, self.categories_separator)

    def post_slug(self, post: Post) -> str:
        """The slug Material gave a post: its `slug:`, else its title's slug."""
        return post.config.slug or self.post_slugify(post.title, self.post_separator)

    def url_date(self, created: datetime) -> str:
        """The `{date}` of a post's URL, formatted with babel as Material does."""
        if self.post_url_date_format in ("full", "long", "medium", "short"):
            return format_date(created, format=self.post_url_date_format, locale=self.locale)
        return format_datetime(created, format=self.post_url_date_format, locale=self.locale)

    def post_url(self, created: datetime, slug: str, categories: list[str]) -> str:
        """The post's page under the site root, as Material's
        `_format_path_for_post` and MkDocs' File name it: `blog/2021/slug/`."""
        names = [self.category_slug(name) for name in categories[: self.max_categories]]
        path = self.post_url_format.format(
            categories="/".join(names), date=self.url_date(created), file=slug, slug=slug
        )
        path = posixpath.join(self.blog_dir, posixpath.normpath(path.strip("/")))
        return f"{path}/" if self.directory_urls else f"{path}.html"

    def old_address_fields(self, created: datetime, slug: str, categories: list[str]) -> dict[str, object]:
        """What fills `extra.old_blog.article_url`: {slug}, {year}, {month},
        {day}, {date} (a datetime: `{date:%Y}`) and {category}, the first
        category's slug."""
        return {
            "slug": slug,
            "year": f"{created:%Y}",
            "month": f"{created:%m}",
            "day": f"{created:%d}",
            "date": created,
            "category": self.category_slug(categories[0]) if categories else "",
        }

    def old_address(self, pattern: str, created: datetime, slug: str, categories: list[str]) -> str:
        """The file under the blog root that answers the post's old address;
        raises ValueError when the pattern names a field there is not."""
        try:
            return old_page(pattern.format(**self.old_address_fields(created, slug, categories)))
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            raise ValueError(f"{type(error).__name__}: {error}") from None


def old_page(address: str) -> str:
    """The file a web server answers an address with, under the blog root:
    `2021/x.html` stays, `2021/x/` is `2021/x/index.html`."""
    address = address.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if not address or address.endswith("/"):
        address += "index.html"
    return posixpath.normpath(address)


def old_pages(post: Post, pattern: str, rules: BlogRules) -> list[str]:
    """The files under the old blog's root that answered the post's old addresses: its own
    date and slug in `pattern` (extra.old_blog.article_url), then any it lists under `old_urls:`."""
    urls = []
    if pattern:
        urls.append(rules.old_address(pattern, post.config.date.created, rules.post_slug(post), post.config.categories))
    return urls + [old_page(url) for url in post.meta.get("old_urls", [])]


def is_post(page: object) -> bool:
    """Whether a page is a blog post: Material's blog plugin makes each file
    under its post_dir (under blog_dir) a Post, whatever its template."""
    return isinstance(page, Post)


def split_front_matter(text: str) -> tuple[str, str]:
    """A page's front matter, as text, and the Markdown after it, split as
    Material's blog splits a post: ("", text) without front matter."""
    match = YAML_RE.match(text)
    if not match:
        return "", text
    return match[1], text[match.end() :].lstrip("\n")


def read_front_matter(text: str) -> tuple[dict, str]:
    """A page's YAML front matter and the Markdown after it, as Material's
    blog reads a post: ({}, text) without front matter; raises
    yaml.YAMLError when it is broken."""
    front, markdown = split_front_matter(text)
    meta = yaml.safe_load(front) or {}
    if not isinstance(meta, dict):
        raise yaml.YAMLError(f"front matter is a {type(meta).__name__}, not a mapping")
    return meta, markdown


def redirect_page(title: str, target: str, canonical: str, what: str = "article") -> str:
    """A page that sends a reader (and a search engine) from an old address to the new one."""
    title, target, canonical = (html.escape(s, quote=True) for s in (title, target, canonical))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This {what} has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""
