"""Synthetic Pelican posts for the benches (bench/scale, bench/serve), and a
throw-away copy of the site to import them into. Standard library, PyYAML
and Pillow only: it runs in the site's .venv.

The posts mix what a real blog holds (a conference blog of about 270 posts
and pyvec/blog.python.cz were the models): one category per year, several
authors and some posts by two, tags, about a third of the posts without a
Summary (the blog then computes an excerpt), lengths from about 1 to 12 KB,
inline links and images inside paragraphs, photos and screenshots as
JPEG/PNG files at camera and screen sizes, lists, tables, fenced and
indented code, raw HTML figures, quotes. A few carry what the importer
mends on purpose, as real posts do: a first heading at ### (--fix-headings)
and a link target without https:// (--fix-links). Seeded: the same
arguments give the same files."""

from __future__ import annotations

import io
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageOps

from tests.support import ROOT, VARIANTS

VARIANT = VARIANTS["bench scale"]
# The importer's fixes the benches ask for, as a user moving a blog would
# (not --localize-images: the benches use no network).
IMPORT_OPTIONS = ["--fix-links", "--fix-headings", "--fix-colours"]
# The share of posts with a Summary header: a real blog's (facts: about 30 % without).
SUMMARIES = 0.7

# One category per year, as the old blog had: those the variant allows.
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
HOSTS = ["docs.python.org", "github.com", "pypi.org", "www.youtube.com", "speakerdeck.com", "peps.python.org"]
# The images: name -> (width, height). Photos and screenshots at the sizes
# cameras and screens give, small logos shown inline, and drawings.
IMAGES = {
    **{f"photo-{n}.jpg": (1200, 800) for n in range(1, 5)},
    "photo-5.jpg": (1024, 768),
    **{f"screenshot-{n}.png": (1280, 720) for n in range(1, 3)},
    **{f"logo-{n}.png": (240, 120) for n in range(1, 3)},
    **{f"diagram-{n}.svg": (600, 400) for n in range(1, 3)},
}
PICTURES = [name for name in IMAGES if not name.startswith("logo-")]
INLINE_IMAGES = [name for name in IMAGES if name.startswith(("logo-", "diagram-"))]

# Pelican's settings for the same posts: the old blog's (10 posts per page,
# ARTICLE_URL '{date:%Y}/{slug}.html', default theme), with its feeds on, as
# the site writes its RSS and JSON feeds on every build.
PELICANCONF = """\
SITENAME = "PyCon India"
SITEURL = "https://in.pycon.org/2021/blog"
FEED_DOMAIN = SITEURL
RELATIVE_URLS = True
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
ARTICLE_URL = "{date:%Y}/{slug}.html"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}.html"
STATIC_PATHS = ["images"]
# Pelican's default feeds, written out: the whole blog, each category, each author.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/{slug}.rss.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
"""
# A reference as light as a real blog's own build: Pelican's `simple` theme
# (one base template, no stylesheet to copy), feeds off, as the old
# conference blog builds everywhere but its publishing job; half the work of
# the default theme with its feeds.
PELICANCONF_LIGHT = PELICANCONF + """\
THEME = "simple"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
"""


# Images ----------------------------------------------------------------------


def image_bytes(name: str, size: tuple[int, int], rng: random.Random) -> bytes:
    """A drawing of `size` pixels in the format its name says: a colour
    gradient with shapes on it, so that JPEG and PNG compress it as they
    would a photo or a screenshot, not a flat fill."""
    width, height = size
    if name.endswith(".svg"):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
                f'<rect width="{width}" height="{height}" fill="#3949ab"/>'
                f'<circle cx="{width // 2}" cy="{height // 2}" r="{height // 3}" fill="#fff"/></svg>\n').encode()
    colours = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(2)]
    image = ImageOps.colorize(Image.linear_gradient("L").resize(size).rotate(rng.randrange(360)), *colours)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(5, max(6, width // 8))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    if name.endswith(".jpg"):
        image.save(out, "JPEG", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()


# Synthetic posts -------------------------------------------------------------


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def sentence(rng: random.Random, count: int | None = None) -> str:
    text = words(rng, count or rng.randint(8, 18))
    return text[0].upper() + text[1:] + "."


def inline_link(rng: random.Random, year: int, earlier: list[str]) -> str:
    roll = rng.random()
    if earlier and roll < 0.3:
        return f"[{words(rng, 3)}]({{filename}}/{rng.choice(earlier)})"
    if roll < 0.6:
        return f"[{words(rng, 2)}](https://in.pycon.org/{year}/)"
    return f"[{words(rng, 2)}](https://{rng.choice(HOSTS)}/{rng.choice(WORDS)}/)"


def paragraph(rng: random.Random, year: int, earlier: list[str]) -> str:
    """Three or four sentences; about half hold a link inside the text and
    one in ten a small image."""
    sentences = [sentence(rng) for _ in range(rng.randint(3, 4))]
    if rng.random() < 0.5:
        at = rng.randrange(len(sentences))
        sentences[at] = f"{sentences[at][:-1]}, as {inline_link(rng, year, earlier)} says."
    if rng.random() < 0.1:
        name = rng.choice(INLINE_IMAGES)
        sentences.insert(1, f"Look for ![{words(rng, 2)}]({{static}}/images/{name}) at the desk.")
    return " ".join(sentences)


def block(rng: random.Random, year: int, earlier: list[str]) -> list[str]:
    """What follows a section's text: a list, a table, code, a picture, a
    quote, or nothing."""
    kind = rng.choices(
        ["bullets", "numbers", "table", "fenced", "indented", "picture", "figure", "quote", "none"],
        weights=[16, 8, 8, 8, 4, 16, 6, 6, 28],
    )[0]
    if kind == "bullets":
        items = [sentence(rng, 6) if rng.random() < 0.7 else f"{inline_link(rng, year, earlier)}: {sentence(rng, 4)}"
                 for _ in range(rng.randint(3, 6))]
        return [f"- {item}" for item in items] + [""]
    if kind == "numbers":
        return [f"{i}. {sentence(rng, 7)}" for i in range(1, rng.randint(3, 6))] + [""]
    if kind == "table":
        rows = ["| Time | Session | Room |", "| --- | --- | --- |"]
        rows += [f"| {9 + i}:00 | {sentence(rng, 4)[:-1]} | {rng.choice(WORDS).title()} |" for i in range(rng.randint(3, 7))]
        return rows + [""]
    if kind == "fenced":
        return ["```python", "import asyncio", "", "", "async def main():",
                f'    print("{words(rng, 3)}")', "    await asyncio.sleep(1)", "```", ""]
    if kind == "indented":
        return ["    $ python -m pip install --upgrade pip", f"    $ python -m {rng.choice(WORDS)}", ""]
    if kind == "picture":
        return [f"![{sentence(rng, 5)[:-1]}]({{static}}/images/{rng.choice(PICTURES)})", ""]
    if kind == "figure":
        name = rng.choice(PICTURES)
        width, height = IMAGES[name]
        return [
            "<figure>",
            f'  <img src="{{static}}/images/{name}" alt="{sentence(rng, 4)[:-1]}" width="{width}" height="{height}">',
            f"  <figcaption>{sentence(rng, 8)}</figcaption>",
            "</figure>",
            "",
        ]
    if kind == "quote":
        return [f"> {sentence(rng, 14)}", ""]
    return []


def post_text(n: int, rng: random.Random, earlier: list[str], summaries: float) -> tuple[str, str]:
    """The n-th post: its path under content/ and its text (about 1 to 12 KB)."""
    title = f"{sentence(rng, rng.randint(3, 6))[:-1]} {n}"
    category = rng.choice(CATEGORIES)
    year = int(category)
    created = datetime(year, 1, 1) + timedelta(minutes=rng.randrange(365 * 24 * 60))
    authors = rng.sample(AUTHORS, 2 if rng.random() < 0.2 else 1)
    headers = [
        f"Title: {title}",
        f"Date: {created:%Y-%m-%d %H:%M}",
        f"{'Authors' if len(authors) > 1 else 'Author'}: {', '.join(authors)}",
        f"Category: {category}",
        f"Tags: {', '.join(rng.sample(WORDS, rng.randint(1, 5)))}",
    ]
    if rng.random() < summaries:
        headers.append(f"Summary: {sentence(rng, 25)}")
    # A few posts start their headings at ###, as some real ones do.
    level = "###" if rng.random() < 0.05 else "##"
    body = [paragraph(rng, year, earlier), ""]
    if rng.random() < 0.4:
        body += [f"![{sentence(rng, 5)[:-1]}]({{static}}/images/{rng.choice(PICTURES)})", ""]
    sections = 1 + min(9, int(rng.expovariate(1 / 3)))
    for _ in range(sections):
        body += [f"{level} {sentence(rng, 4)[:-1]}", ""]
        body += [line for _ in range(rng.randint(1, 2)) for line in (paragraph(rng, year, earlier), "")]
        body += block(rng, year, earlier)
        if rng.random() < 0.3:
            body += [f"{level}# {sentence(rng, 3)[:-1]}", "", paragraph(rng, year, earlier), ""]
    if rng.random() < 0.03:  # published broken by Pelican: a target without https://
        body += [f"Find the venue on [its site](www.{rng.choice(WORDS)}.example.org/venue).", ""]
    body += [f"See you at [PyCon India {year}](https://in.pycon.org/{year}/)!"]
    path = f"posts/{year}/post-{n:05d}.md"
    return path, "\n".join(headers) + "\n\n" + "\n".join(body) + "\n"


def write_posts(src: Path, count: int, summaries: float = SUMMARIES) -> int:
    """N posts and their images under src; returns the posts' total size in
    bytes. `summaries` is the share of posts with a Summary header."""
    rng = random.Random(2021)
    (src / "images").mkdir(parents=True)
    for name, size in IMAGES.items():
        (src / "images" / name).write_bytes(image_bytes(name, size, rng))
    earlier, total = [], 0
    for n in range(1, count + 1):
        path, text = post_text(n, rng, earlier, summaries)
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text, encoding="utf-8")
        earlier.append(path)
        total += len(text.encode())
    return total


def site_copy(dest: Path) -> Path:
    """The site's sources in dest, its variants included."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, dest / config.name)
    return dest
