"""Every internal link and #fragment on every built page resolves.

MkDocs' own `validation:` (strict) checks links written in Markdown before
they are rendered; lychee checks the built HTML, where the theme's and the
blog plugin's links (navigation, listings, pagination, 404 page) live too.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import BIN


def lychee(webroot: Path, site_dir: Path):
    return subprocess.run(
        [
            BIN / "lychee", "--offline", "--no-progress",
            "--include-fragments", "--index-files", "index.html",
            "--root-dir", webroot, "--format", "compact",
            *sorted(site_dir.rglob("*.html")),
        ],
        capture_output=True,
        text=True,
    )


def test_every_internal_link_and_fragment_resolves(site):
    result = lychee(site.webroot, site.dir)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "planted",
    ['<a href="../no-such-page/">gone</a>', '<a href="#no-such-heading">gone</a>'],
)
def test_link_check_catches_a_broken_link(site, tmp_path, planted):
    webroot = tmp_path / "webroot"
    shutil.copytree(site.webroot, webroot)
    copy = webroot / site.dir.relative_to(site.webroot)
    page = copy / "blog/index.html"
    page.write_text(re.sub("</article>", planted + "</article>", page.read_text(), count=1))
    result = lychee(webroot, copy)
    assert result.returncode != 0
    assert "blog/index.html" in result.stdout + result.stderr
