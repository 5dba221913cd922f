"""Draw the share images (the picture in link previews) at build time.

Each post gets its own 1200×630 PNG beside its page (`<post url>/share.png`)
with its title, its date and the conference, and so does each page that
names its card's lines in its front matter (`share:`, the programme's session
pages); every other page keeps the
conference card at `extra.share_image.path`, drawn here too. The text comes
from `extra.conference` and the dates phrase of conference_dates.py, as on
the home page. Fonts are Roboto from the pinned PyPI package font-roboto
(Apache 2.0), so the build needs no network and no browser. A drawn image is
kept in `.cache/share-images/` under a hash of everything it is drawn from,
so an unchanged post is not drawn again.

Templates get the post's image as `post_share_image` (overrides/main.html).
"""

import hashlib
import io
import os
import shutil
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import font_roboto
from babel.dates import format_date
from conference_dates import dates_phrase
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
import PIL
from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFont, PngImagePlugin, features

BACKGROUND, TEXT, ACCENT = "#283593", "#ffffff", "#ffcc80"  # indigo 800, white, orange 200
# Antialiasing steps from the background to each text colour: 1 + 2 × 7 colours, a 4-bit PNG
# that looks as the drawing did with 64 colours quantized per card, text colours now exact.
SHADES = 7
MARGIN = 88
FONTS = {"bold": font_roboto.RobotoBold, "regular": font_roboto.Roboto}
# Anything that changes how a card looks changes the cache key: this file, both fonts, and the
# Pillow, FreeType and text layout (raqm) that draw them.
RENDERER = f"Pillow {PIL.__version__}, FreeType {features.version('freetype2')}, raqm {features.version('raqm')}"
DRAWING = hashlib.sha256(b"".join(Path(path).read_bytes() for path in (__file__, *FONTS.values())) + RENDERER.encode()).hexdigest()


@dataclass(frozen=True)
class Card:
    """The text of a card, top to bottom: a small line above, the heading,
    and the lines under it (each drawn in the accent colour if marked)."""

    kicker: str
    heading: str
    lines: tuple[tuple[str, bool], ...]

    def text(self) -> str:
        """The card's words in reading order, for its alt text and its PNG metadata."""
        return ". ".join(part for part in (self.kicker, self.heading, *(line for line, _ in self.lines)) if part)


def conference_line(edition: dict) -> str:
    """"Online · September 17–20, 2021"; the dates alone while an edition's mode is not written."""
    dates = dates_phrase(edition["start"], edition["end"])
    return f"{edition['mode']} · {dates}" if edition.get("mode") else dates


def conference_card(config: MkDocsConfig) -> Card:
    """The current edition (extra.edition, set from its edition.yml) with the tagline all editions share."""
    edition = config.extra["edition"]
    return Card("", edition["name"], ((config.extra["conference"]["tagline"], False), (conference_line(edition), True)))


def post_card(post: Post, config: MkDocsConfig) -> Card:
    conference = config.extra["edition"]
    blog = config.plugins["material/blog"].config
    posted = format_date(post.config.date.created, format=blog.post_date_format, locale=config.theme["language"])
    return Card(conference["name"], post.title, ((posted, False), (conference_line(conference), True)))


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[weight], size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken where it must."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while face.getlength(word) > width:
            cut = max(n for n in range(1, len(word) + 1) if face.getlength(word[:n]) <= width or n == 1)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def fit_heading(text: str, width: int, largest: int, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size (down to half of `largest`) at which the heading fits
    in `max_lines`; past that, the last line ends in an ellipsis."""
    for size in range(largest, largest // 2 - 1, -4):
        face = font("bold", size)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines:
            return face, lines
    lines = lines[:max_lines]
    while face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += "…"
    return face, lines


@cache
def palette() -> tuple[list[int], dict[str, list[int]]]:
    """One palette for every card, built once, so no card is quantized: the background, then SHADES
    even steps from it to each text colour (the antialiased edges, the last step the colour itself);
    and for each text colour, the table from a pixel's coverage by its text (0–255) to the nearest step."""
    background = ImageColor.getrgb(BACKGROUND)
    colours, coverage_to_index = [background], {}
    for ink in (TEXT, ACCENT):
        rgb, first = ImageColor.getrgb(ink), len(colours)
        colours += [tuple(round(b + (c - b) * step / SHADES) for b, c in zip(background, rgb)) for step in range(1, SHADES + 1)]
        steps = (round(coverage * SHADES / 255) for coverage in range(256))
        coverage_to_index[ink] = [first + step - 1 if step else 0 for step in steps]
    return [value for colour in colours for value in colour], coverage_to_index


def draw(card: Card, width: int, height: int) -> bytes:
    colours, coverage_to_index = palette()
    coverage = {ink: Image.new("L", (width, height)) for ink in (TEXT, ACCENT)}
    pens = {ink: ImageDraw.Draw(layer) for ink, layer in coverage.items()}
    inner = width - 2 * MARGIN
    is_post = bool(card.kicker)
    heading_face, heading = fit_heading(card.heading, inner, 76 if is_post else 104, 4 if is_post else 2)
    line_face = font("regular", 38)
    blocks: list[tuple[str, ImageFont.FreeTypeFont, str, float]] = []  # text, face, colour, line height
    if card.kicker:
        blocks.append((card.kicker, font("bold", 36), ACCENT, 36 * 1.6))
    blocks += [(line, heading_face, TEXT, heading_face.size * 1.15) for line in heading]
    for line, accent in card.lines:
        blocks.append((line, font("bold", 38) if accent else line_face, ACCENT if accent else TEXT, 38 * 1.35))
    total = sum(step for *_, step in blocks) + 28
    y = (height - total) / 2
    for n, (text, face, colour, step) in enumerate(blocks):
        if n and blocks[n - 1][1] is heading_face and face is not heading_face:
            y += 28  # air between the heading and the lines under it
        pens[colour].text((MARGIN, y), text, font=face, fill=255)
        y += step
    # Only the box the text covers is mapped to palette indices; outside it, index 0 is the background.
    boxes = [box for layer in coverage.values() if (box := layer.getbbox())]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    # The accent's indices are the higher ones, so where the two colours' text met the accent would win.
    indices = ImageChops.lighter(*(layer.crop(box).point(coverage_to_index[ink]) for ink, layer in coverage.items()))
    image = Image.new("L", (width, height))
    image.paste(indices, box)
    image.putpalette(colours)
    metadata = PngImagePlugin.PngInfo()
    metadata.add_text("Description", card.text())
    out = io.BytesIO()
    # 15 colours make a 4-bit PNG; zlib's run-length strategy packs its runs of background
    # in less than half the time of zlib's default, for files 5% larger.
    image.save(out, format="PNG", pnginfo=metadata, compress_type=zlib.Z_RLE)
    return out.getvalue()


def write_card(card: Card, target: Path, *, cache: Path, width: int, height: int) -> None:
    """Write the card's PNG to `target`, drawing it only if the cache has not got it."""
    key = hashlib.sha256(repr((DRAWING, card, width, height)).encode()).hexdigest()
    cached = cache / f"{key}.png"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(draw(card, width, height))
        partial.replace(cached)  # a build stopped half-way leaves no broken image in the cache
    target.parent.mkdir(parents=True, exist_ok=True)
    # A file already there (the preview rebuilding one page, a build with --dirty) may be
    # a link to another cached card: never write through it.
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)  # MkDocs empties the site at each build; a link puts the card back without copying it
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(cached, target)


def cache_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "share-images"


def page_card(page, config: MkDocsConfig) -> Card | None:
    """A card a page names in its front matter, `share: {kicker, lines, edition}` (the programme's
    session pages): its title as the heading, its lines under it, its edition's mode and dates
    last (`edition: {mode, start, end}`; the current edition's when it names none)."""
    share = page.meta.get("share")
    if not isinstance(share, dict):
        return None
    lines = tuple((str(line), False) for line in share.get("lines", ()))
    return Card(str(share.get("kicker", "")), page.title, (*lines, (conference_line(share.get("edition") or config.extra["edition"]), True)))


def post_image_path(post) -> str:
    """Beside the post's page: blog/2021/slug/ gets blog/2021/slug/share.png
    (and blog/2021/slug.html, without directory URLs, the same); a page with its own card, the same."""
    return post.url.removesuffix(".html").rstrip("/") + "/share.png"


def on_page_context(context: dict, *, page, config: MkDocsConfig, nav: Navigation) -> dict:
    card = post_card(page, config) if isinstance(page, Post) else page_card(page, config)
    if card is None:
        return context
    share = config.extra["share_image"]
    path = post_image_path(page)
    write_card(card, Path(config.site_dir, path), cache=cache_dir(config), width=share["width"], height=share["height"])
    context["post_share_image"] = {"path": path, "alt": card.text()}
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    share = config.extra["share_image"]
    write_card(
        conference_card(config),
        Path(config.site_dir, share["path"]),
        cache=cache_dir(config),
        width=share["width"],
        height=share["height"],
    )
