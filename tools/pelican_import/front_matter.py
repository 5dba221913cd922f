"""The post file: YAML front matter in the order and style of the site's own
posts, then the title as the one `# heading`, then the body."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime

import yaml

from tools.pelican_import.body import trim_blank
from tools.pelican_import.records import Post



def yaml_scalar(value: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else a
    double-quoted one: `2021`, `yes` or `a: b` must stay strings."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def folded(key: str, text: str) -> list[str]:
    """A long text as a folded block (`>-`), like the site's own posts, or
    a quoted scalar when folding would not read back as the same text."""
    lines = textwrap.wrap(
        text, width=78, initial_indent="  ", subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )
    block = [f"{key}: >-", *lines]
    try:
        if lines and yaml.safe_load("\n".join(block)) == {key: text}:
            return block
    except yaml.YAMLError:
        pass
    return [f"{key}: {yaml_scalar(text)}"]


def yaml_lines(key: str, value: object) -> list[str]:
    name = yaml_scalar(key)
    if isinstance(value, dict):
        return [f"{name}:", *(f"  {line}" for k, v in value.items() for line in yaml_lines(k, v))]
    if isinstance(value, list):
        return [f"{name}:", *(f"  - {yaml_scalar(item)}" for item in value)]
    if isinstance(value, bool):
        return [f"{name}: {'true' if value else 'false'}"]
    if isinstance(value, datetime):
        return [f"{name}: {value.isoformat(sep=' ')}"]  # an unquoted YAML timestamp
    if key == "description":
        return folded(name, str(value))
    return [f"{name}: {yaml_scalar(str(value))}"]


def post_meta(post: Post, author_ids: list[str]) -> dict[str, object]:
    """The post's front matter, in the order of the site's own posts."""
    date: dict[str, object] = {"created": post.created}
    if post.updated:
        date["updated"] = post.updated
    meta: dict[str, object] = {"date": date, "authors": author_ids}
    optional = {
        "categories": post.categories,
        "tags": post.tags,
        "slug": post.slug,
        "description": post.summary,
        "draft": post.draft or None,
        "status": post.status if post.draft and post.status != "draft" else None,
        "lang": post.lang,
        "old_urls": post.old_urls,
    }
    meta |= {key: value for key, value in optional.items() if value}
    return meta | {key: value for key, value in post.extra.items() if key not in meta}


def render_post(post: Post, author_ids: list[str], body: list[str]) -> str:
    meta = post_meta(post, author_ids)
    lines = ["---", *(line for key, value in meta.items() for line in yaml_lines(key, value)), "---"]
    lines += ["", f"# {post.title}"]
    body = trim_blank(body)
    if body:
        lines += ["", *body]
    return "\n".join(lines) + "\n"
