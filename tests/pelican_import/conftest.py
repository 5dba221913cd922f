"""Records for the importer's stage tests: a post from a few lines of
Pelican source, and the site's rules from the production mkdocs.yml."""

import io
from datetime import timezone
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from tools.pelican_import.reader import make_post, parse_source
from tools.pelican_import.records import Post
from tools.pelican_import.site import Site, load_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_AUTHOR = "PyCon India Content Team"


def post_from(text: str, name: str = "post.md") -> Post:
    """The post the importer makes of `text`, a file content/<name>."""
    source = parse_source(text, Path("content") / name, name, f"content/{name}")
    return make_post(source, timezone.utc, DEFAULT_AUTHOR)[0]


@pytest.fixture(scope="session")
def site() -> Site:
    return load_site(ROOT / "mkdocs.yml")


def photo_png(size: tuple[int, int]) -> bytes:
    """A PNG that compresses like a photo (smooth light with grain): a 3000×2000 one is several MB."""
    grain = Image.effect_noise(size, 30).filter(ImageFilter.GaussianBlur(2))
    light = Image.linear_gradient("L").resize(size)
    out = io.BytesIO()
    Image.merge("RGB", (grain, light, Image.blend(grain, light, 0.5))).save(out, "PNG", compress_level=1)
    return out.getvalue()
