"""An imported post with a photo of several megabytes, a small logo and a
photo its author gave a width, as a reader gets it: the photo downscaled,
sized and offered in lighter copies, the author's width completed with the
height that keeps its shape, the first image fetched first and the others
lazily, the strict build passing."""

import io
import re
import shutil

from mkdocs.config import load_config
from PIL import Image

from tests.pelican_import.conftest import photo_png
from tests.test_pelican_import import ROOT, build, read_post, run
from tools.pelican_import.pictures import MAX_WIDTH, VARIANT_IF_UNDER, VARIANT_WIDTHS

HEAVY = ROOT / "tests" / "fixtures" / "pelican_real" / "images"
SLUG = "the-conference-in-pictures"
AUTHORS_WIDTH = 500  # px, as the author wrote it for the stage photo


def test_an_imported_heavy_photo_is_light_sized_and_builds(capsys, project_copy, tmp_path):
    src = tmp_path / "content"
    shutil.copytree(HEAVY, src)
    (src / "images").mkdir()
    (src / "images" / "hall-photo.png").write_bytes(photo_png((3000, 2000)))
    Image.new("RGB", (64, 32), (20, 90, 160)).save(src / "images" / "small-logo.png")
    Image.open(io.BytesIO(photo_png((1200, 900)))).save(src / "images" / "stage.jpg", quality=90)
    with (src / "heavy-photos.md").open("a", encoding="utf-8") as post:
        post.write(f'\n\n![The stage]({{static}}/images/stage.jpg){{: width="{AUTHORS_WIDTH}px" .center }}\n')
    before = sum(p.stat().st_size for p in (src / "images").iterdir())
    assert before > 3_000_000

    dest = project_copy / "docs" / "blog"
    code, _, err = run(capsys, src, dest, config=project_copy / "mkdocs.yml")
    assert code == 0, err
    served = [p for p in (dest / "images" / SLUG).iterdir() if not re.search(r"-\d+w\.", p.name)]
    after = sum(p.stat().st_size for p in served)
    assert f"heaviest posts (images): {src / 'heavy-photos.md'} {before / 1e6:.1f} MB -> {round(after / 1e3)} KB" in err
    assert after < before / 10
    _, body = read_post(dest / "posts" / f"{SLUG}.md")
    assert "hall-photo.jpg" in body and "hall-photo.png" not in body

    site = build(project_copy, tmp_path / "webroot")
    page = f"blog/2021/{SLUG}/index.html"
    first, second, third = site.page(page).select("article.md-content__inner img")
    for img in (first, second):
        file = site.resolve(page, img["src"])
        with Image.open(file) as image:
            assert (img["width"], img["height"]) == (str(image.width), str(image.height))
            assert image.width <= MAX_WIDTH
    assert first["fetchpriority"] == "high" and not first.has_attr("loading")
    assert second["loading"] == "lazy" and re.search("small-logo.png$", second["src"])
    assert (third["width"], third["height"]) == (str(AUTHORS_WIDTH), str(round(AUTHORS_WIDTH * 900 / 1200)))

    # The lighter copies: each link of a srcset is a file of the width it says.
    assert not second.has_attr("srcset")  # 64 px: nothing lighter to offer
    for img in (first, third):
        full = site.resolve(page, img["src"])
        links = [candidate.split() for candidate in img["srcset"].split(",")]
        *copies, (last, last_width) = [(site.resolve(page, link), int(width.removesuffix("w"))) for link, width in links]
        assert last == full and Image.open(full).width == last_width
        assert [width for _, width in copies] == [w for w in VARIANT_WIDTHS if w <= last_width * VARIANT_IF_UNDER]
        for file, width in copies:
            with Image.open(file) as copy:
                assert copy.width == width
            assert file.stat().st_size < full.stat().st_size / 2
        assert img["sizes"]


def srcset_files(site, page: str, img) -> list[tuple[object, int]]:
    """Each file an image's srcset links to from `page`, and the width it says."""
    return [(site.resolve(page, link), int(width.removesuffix("w")))
            for link, width in (candidate.split() for candidate in img["srcset"].split(","))]


def test_a_posts_opening_photos_come_in_phone_sizes_on_the_post_and_its_listings(capsys, project_copy, tmp_path):
    """Posts without a summary that open with three camera-sized photos, as on
    the conference blog, one of them in raw HTML: listings show those photos. One post is the newest,
    one is older than a listing page holds, so it is on a later page. On each
    post and on every listing page, each image's srcset links files of the
    widths it says, narrower than the photo itself."""
    per_page = load_config(str(project_copy / "mkdocs.yml")).plugins["material/blog"].config.pagination_per_page
    src = tmp_path / "content"
    (src / "images").mkdir(parents=True)
    photos = [f"stage-{n}.jpg" for n in range(3)]
    for n, name in enumerate(photos):
        Image.open(io.BytesIO(photo_png((MAX_WIDTH, 1067 + n)))).save(src / "images" / name, quality=90)
    opening = "".join(f"![Photo {n} of the day]({{static}}/images/{name})\n\n" for n, name in enumerate(photos))
    # The last one in raw HTML, as the conference blog writes photos to be opened full size.
    opening = opening.replace(f"![Photo 2 of the day]({{static}}/images/{photos[2]})",
                              f'<a href="{{static}}/images/{photos[2]}">\n  <img src="{{static}}/images/{photos[2]}"\n'
                              f'       alt="Photo 2 of the day" width="{AUTHORS_WIDTH}">\n</a>')
    for slug, date in (("newest-photos", "2023-06-01"), ("older-photos", "2019-01-01")):
        (src / f"{slug}.md").write_text(f"Title: {slug}\nSlug: {slug}\nDate: {date}\nCategory: {date[:4]}\n\n"
                                        f"{opening}The day in pictures.\n\nMore words below.\n")
    for n in range(per_page):  # newer than the older post: it moves to a later page
        (src / f"news-{n}.md").write_text(f"Title: News {n}\nDate: 2022-01-{n + 1:02}\nCategory: 2022\nSummary: News.\n\nText.\n")
    code, _, err = run(capsys, src, project_copy / "docs" / "blog", config=project_copy / "mkdocs.yml")
    assert code == 0, err
    site = build(project_copy, tmp_path / "webroot")

    shown = {}  # page -> the photos it shows with a srcset
    for page in (page for page in site.html_files() if page.startswith("blog/")):
        for img in site.page(page).select("article img[srcset]"):
            copies = srcset_files(site, page, img)
            full = site.resolve(page, img["src"])
            assert copies[-1] == (full, Image.open(full).width), page
            for file, width in copies[:-1]:
                with Image.open(file) as copy:
                    assert copy.width == width < copies[-1][1], (page, file)
            shown.setdefault(page, []).append(img["alt"])
            if img.parent.name == "a":  # the raw HTML photo's link, to open it full size
                assert site.resolve(page, img.parent["href"]).is_file(), page
    later = [page for page in shown if page.startswith("blog/page/")]
    assert shown.get("blog/index.html") and later, shown
    posts = ["blog/2023/newest-photos/index.html", "blog/2019/older-photos/index.html"]
    for page in ["blog/index.html", *later, *posts]:
        assert shown[page] == [f"Photo {n} of the day" for n in range(len(photos))], page
    # The first image fetched at once, the others as the reader scrolls to them, on posts and listings alike.
    for page in shown:
        first, *others = site.page(page).select("article img")
        assert not first.has_attr("loading") and (first.get("fetchpriority") == "high") == (page in posts), page
        assert others and all(img["loading"] == "lazy" for img in others), page
