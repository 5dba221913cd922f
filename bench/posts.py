"""Synthetic Pelican posts for the benches (bench/scale, bench/serve), and a
throw-away copy of the site to import them into. Standard library and PyYAML
only: it runs in the site's .venv."""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from tests.support import ROOT, VARIANTS

VARIANT = VARIANTS["bench scale"]

# The synthetic posts' categories: those the variant allows.
CATEGORIES = yaml.safe_load(VARIANT.read_text(encoding="utf-8"))["plugins"]["blog"]["categories_allowed"]
AUTHORS = [
    "PyCon India Content Team", "Anand Iyer", "Meera Krishnan", "Rahul Verma",
    "Fatima Sheikh", "Joseph D'Souza", "Priya Nair", "Vikram Singh",
]
WORDS = (
    "python conference community talk speaker volunteer sprint keynote workshop "
    "proposal review schedule online venue ticket data machine learning django "
    "flask async typing packaging testing notebook library release open source "
    "mentor beginner contributor session panel poster audience question answer "
    "india bengaluru chennai delhi hyderabad pune kolkata mumbai online hybrid"
).split()
IMAGES = [f"figure-{n}.svg" for n in range(1, 7)]

PELICANCONF = """\
SITENAME = "PyCon India"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
ARTICLE_URL = "{date:%Y}/{slug}.html"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}.html"
STATIC_PATHS = ["images"]
# No feeds, as the old blog outside its publish builds.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
RELATIVE_URLS = True
"""


# Synthetic posts -------------------------------------------------------------


def sentence(rng: random.Random, words: int | None = None) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words or rng.randint(8, 18)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 4)))


def post_text(n: int, rng: random.Random, earlier: list[str], summaries: float) -> tuple[str, str]:
    """The n-th post: its path under content/ and its text (about 4 KB)."""
    title = f"{sentence(rng, rng.randint(3, 6))[:-1]} {n}"
    created = datetime(2014, 1, 1) + timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))
    authors = rng.sample(AUTHORS, 2 if rng.random() < 0.15 else 1)
    headers = [
        f"Title: {title}",
        f"Date: {created:%Y-%m-%d %H:%M}",
        f"{'Authors' if len(authors) > 1 else 'Author'}: {', '.join(authors)}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(rng.sample(WORDS, 3))}",
    ]
    if rng.random() < summaries:  # by default most, not all, posts have a Summary
        headers.append(f"Summary: {sentence(rng, 25)}")
    body = [paragraph(rng), ""]
    body += [f"![{rng.choice(WORDS)}]({{static}}/images/{rng.choice(IMAGES)})", ""]
    for section in range(rng.randint(3, 4)):
        body += [f"## {sentence(rng, 4)[:-1]}", "", paragraph(rng), ""]
        kind = (n + section) % 4
        if kind == 0:
            body += [f"- {sentence(rng, 6)}" for _ in range(4)] + [""]
        elif kind == 1:
            body += [f"{i}. {sentence(rng, 7)}" for i in range(1, 4)] + [""]
        elif kind == 2:
            body += [
                '<figure class="pi-figure">',
                f'  <img src="{{static}}/images/{rng.choice(IMAGES)}" alt="{sentence(rng, 4)}" width="600" height="400">',
                f"  <figcaption>{sentence(rng, 8)}</figcaption>",
                "</figure>",
                "",
            ]
        else:
            body += ["    import asyncio", "", "    async def main():", "        await asyncio.sleep(1)", ""]
        body += [f"### {sentence(rng, 3)[:-1]}", "", paragraph(rng), ""]
    links = [f"[the conference site](https://in.pycon.org/{created:%Y}/)"]
    if earlier:
        links.append(f"[an earlier post]({{filename}}/{rng.choice(earlier)})")
    body += [f"Read more on {' and '.join(links)}. {paragraph(rng)}"]
    path = f"posts/{created:%Y}/post-{n:05d}.md"
    return path, "\n".join(headers) + "\n\n" + "\n".join(body) + "\n"


def write_posts(src: Path, count: int, summaries: float) -> int:
    """N posts and their images under src; returns their total size in bytes."""
    rng = random.Random(2021)
    (src / "images").mkdir(parents=True)
    for name in IMAGES:
        (src / "images" / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">'
            '<rect width="600" height="400" fill="#3949ab"/></svg>\n'
        )
    earlier, size = [], 0
    for n in range(1, count + 1):
        path, text = post_text(n, rng, earlier, summaries)
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text, encoding="utf-8")
        earlier.append(path)
        size += len(text.encode())
    return size



def site_copy(dest: Path) -> Path:
    """The site's sources in dest, its variants included."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, dest / config.name)
    return dest
