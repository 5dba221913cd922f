"""Records for the importer's stage tests: a post from a few lines of
Pelican source, and the site's rules from the production mkdocs.yml."""

from datetime import timezone
from pathlib import Path

import pytest

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
