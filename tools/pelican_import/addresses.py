"""A post's addresses: a slug no other post has, and its old address on the
Pelican blog, kept by the site's redirect hook through the site's own
pattern or, when that does not give it, through `old_urls:`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import count
from pathlib import Path

import yaml

from overrides.hooks.site_rules import old_page, read_front_matter
from tools.pelican_import.reader import author_id, read_text, slugify
from tools.pelican_import.records import ImportFailed, Post
from tools.pelican_import.report import Problem, problem
from tools.pelican_import.site import Site


def priority(post: Post) -> tuple[bool, datetime, str]:
    """Which of two posts keeps a shared slug: not a translation, then the
    earlier one, ties by path."""
    return post.translation, post.created, post.source.rel


def mark_translations(posts: list[Post], default_lang: str = "en") -> None:
    """Pelican pairs posts that share a slug as translations: the one in the
    blog's language (DEFAULT_LANG, also that of a post without Lang:) is
    the article, the others its translations."""
    by_slug: dict[str, list[Post]] = {}
    for post in posts:
        by_slug.setdefault(post.wanted_slug, []).append(post)
    for group in by_slug.values():
        if len(group) > 1:
            for post in group:
                post.translation = post.lang not in (None, default_lang)


# Slugs -----------------------------------------------------------------------


def existing_slugs(posts_dir: Path) -> dict[str, str]:
    """Slugs already taken in the blog (file names and `slug:` values), each
    with the file (relative to posts/) that takes it."""
    taken: dict[str, str] = {}
    for path in sorted(posts_dir.rglob("*.md")) if posts_dir.is_dir() else []:
        name = path.relative_to(posts_dir).as_posix()
        taken.setdefault(path.stem, name)
        slug = front_matter_of(path).get("slug")
        if isinstance(slug, str):
            taken.setdefault(slug, name)
    return taken


def front_matter_of(path: Path) -> dict:
    """A post's front matter; {} when it has none or it cannot be read."""
    try:
        return read_front_matter(read_text(path))[0]
    except (ImportFailed, yaml.YAMLError):
        return {}


def assign_slugs(
    posts: list[Post], taken: dict[str, str], owners: dict[str, str], posts_dir: Path,
    address: Callable[[Post], str] | None = None,
) -> list[Problem]:
    """Give each post an address no other post has. Posts that share a slug
    keep it when their addresses differ (`address`, e.g. the year is in it);
    the post's file is then named slug-YEAR. A translation becomes
    slug-LANG, as Pelican addresses it. Otherwise the earlier post keeps a
    shared slug, a post already in the blog from another source keeps it
    too, and the other becomes slug-2 (or -3, ...)."""
    wanted = {post.wanted_slug for post in posts}
    keepers: dict[str, Post] = {}
    addresses: set[str] = set()
    stems: set[str] = set()
    problems = []

    def foreign(slug: str, post: Post) -> bool:  # taken by a file this post did not write
        return slug in taken and owners.get(Path(taken[slug]).stem) != post.source.rel

    for post in sorted(posts, key=priority):
        slug = post.wanted_slug
        if post.translation and post.lang:
            post.slug = slug = f"{slug}-{post.lang}"
        if slug not in keepers and not foreign(slug, post):
            keepers[slug] = post
            stems.add(slug)
            addresses.add(address(post) if address else slug)
            continue
        if address and not foreign(slug, post) and address(post) not in addresses:
            addresses.add(address(post))
            post.stem = next(stem for n in count(1) if (stem := f"{slug}-{post.created:%Y}" + (f"-{n}" if n > 1 else ""))
                             not in stems and stem not in wanted and not foreign(stem, post))
            stems.add(post.stem)
            continue
        post.slug = next(
            candidate
            for n in count(2)
            if (candidate := f"{slug}-{n}") not in wanted and candidate not in keepers and not foreign(candidate, post)
        )
        keepers[post.slug] = post
        stems.add(post.slug)
        addresses.add(address(post) if address else post.slug)
        if slug in keepers:
            why = "earlier date" if keepers[slug].created < post.created else "same date, earlier path"
            holder = f"{keepers[slug].source.shown}, which keeps it ({why})"
        else:
            holder = f"{posts_dir / taken[slug]}, already in the blog, which keeps it"
        reason = f"duplicate slug '{slug}': also used by {holder}; this post is imported as '{post.slug}'"
        problems.append(problem(post.source, post.slug_line, reason, "duplicate slug"))
    return problems


# Old addresses ---------------------------------------------------------------


def pelican_fields(post: Post) -> dict[str, object]:
    """What Pelican fills ARTICLE_URL with: the headers, slug, date, lang and
    the author's and category's slugs (a missing category is the folder's
    name, else Pelican's 'misc'), plus {year}, {month} and {day}."""
    folder = Path(post.source.rel).parent.name
    created = post.created
    return {
        **{key: header.value for key, header in post.source.headers.items()},
        "slug": post.pelican_slug,
        "date": created,
        "year": f"{created:%Y}",
        "month": f"{created:%m}",
        "day": f"{created:%d}",
        "lang": post.lang or "en",
        "author": author_id(post.authors[0]),
        "category": slugify(post.category or folder or "misc"),
    }


def pelican_address(pattern: str, post: Post) -> str:
    """The file under the blog root that answered the post on the old blog:
    its own `Save_as:` header, else the pattern filled in; raises
    ValueError when the pattern cannot be filled."""
    save_as = post.source.headers.get("save_as")
    if save_as and save_as.value.strip():
        return old_page(save_as.value.strip())
    try:
        return old_page(pattern.format(**pelican_fields(post)))
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise ValueError(f"{type(error).__name__}: {error}") from None


def assign_old_urls(
    posts: list[Post], url_pattern: str, site: Site, lang_url_pattern: str = "{slug}-{lang}.html",
) -> list[Problem]:
    """Keep each post's old address: the site's pattern gives most of them;
    `old_urls:` lists the ones it does not. A translation had Pelican's
    ARTICLE_LANG_URL (`lang_url_pattern`). An address two posts had on the
    old blog stays with the post that keeps the slug."""
    claimed: set[str] = set()
    problems = []
    for post in sorted(posts, key=priority):
        try:
            old = pelican_address(lang_url_pattern if post.translation else url_pattern, post)
        except ValueError as error:
            reason = f"--url-pattern cannot be filled for this post ({error}); its old address is not kept"
            problems.append(problem(post.source, 1, reason, "old address pattern cannot be filled"))
            continue
        new = old_page(site.under_blog(site.post_page(post)))
        if old in claimed or old == new:
            continue
        claimed.add(old)
        post.redirected = True
        if old != site_address(post, site):
            post.old_urls = [old]
    return problems


def site_address(post: Post, site: Site) -> str | None:
    """The old address the site's redirect hook gives the post from
    `extra.old_blog.article_url`, if any."""
    if not site.old_pattern:
        return None
    try:
        return site.rules.old_address(site.old_pattern, post.created, post.slug, post.categories)
    except ValueError:
        return None
