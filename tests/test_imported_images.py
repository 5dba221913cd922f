"""An imported post with a photo of several megabytes and a small logo, as
a reader gets it: the photo downscaled and sized, the first image fetched
first and the others lazily, the strict build passing."""

import re
import shutil

from PIL import Image

from tests.pelican_import.conftest import photo_png
from tests.test_pelican_import import ROOT, build, read_post, run
from tools.pelican_import.images import MAX_WIDTH

HEAVY = ROOT / "tests" / "fixtures" / "pelican_real" / "images"
SLUG = "the-conference-in-pictures"


def test_an_imported_heavy_photo_is_light_sized_and_builds(capsys, project_copy, tmp_path):
    src = tmp_path / "content"
    shutil.copytree(HEAVY, src)
    (src / "images").mkdir()
    (src / "images" / "hall-photo.png").write_bytes(photo_png((3000, 2000)))
    Image.new("RGB", (64, 32), (20, 90, 160)).save(src / "images" / "small-logo.png")
    before = sum(p.stat().st_size for p in (src / "images").iterdir())
    assert before > 3_000_000

    dest = project_copy / "docs" / "blog"
    code, _, err = run(capsys, src, dest, config=project_copy / "mkdocs.yml")
    assert code == 0, err
    after = sum(p.stat().st_size for p in (dest / "images" / SLUG).iterdir())
    assert f"heaviest posts (images): {src / 'heavy-photos.md'} {before / 1e6:.1f} MB -> {round(after / 1e3)} KB" in err
    assert after < before / 10
    _, body = read_post(dest / "posts" / f"{SLUG}.md")
    assert "hall-photo.jpg" in body and "hall-photo.png" not in body

    site = build(project_copy, tmp_path / "webroot")
    page = f"blog/2021/{SLUG}/index.html"
    first, second = site.page(page).select("article.md-content__inner img")
    for img in (first, second):
        file = site.resolve(page, img["src"])
        with Image.open(file) as image:
            assert (img["width"], img["height"]) == (str(image.width), str(image.height))
            assert image.width <= MAX_WIDTH
    assert first["fetchpriority"] == "high" and not first.has_attr("loading")
    assert second["loading"] == "lazy" and re.search("small-logo.png$", second["src"])
