"""The images stage: remote images downloaded from a local HTTP server (or
reported), local images sized from their files, wide rasters downscaled,
rasters given smaller copies in a srcset."""

import io
import posixpath
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from PIL import Image

from tests.pelican_import.conftest import ROOT, photo_png, post_from
from tools.pelican_import import pictures
from tools.pelican_import.body import markdown_body
from tools.pelican_import.images import COLUMN, SIZES, heaviest, prepare
from tools.pelican_import.pictures import MAX_WIDTH, VARIANT_IF_UNDER, VARIANT_WIDTHS, Refused, download, file_name
from tools.pelican_import.links import Linker

REMOTE_POST = ROOT / "tests" / "fixtures" / "pelican_real" / "remote" / "remote-images.md"
TEST_TIMEOUT = 0.5  # seconds; the slow answer takes four times as long


def png(size: tuple[int, int], mode: str = "RGB", color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, "PNG")
    return out.getvalue()


LOGO = png((40, 20))


class Answers(BaseHTTPRequestHandler):
    """A good PNG, a 404, a page, slow answers, a redirect, a PNG with no extension or no length."""

    def do_GET(self):
        path = urlsplit(self.path).path
        if path in ("/logo.png", "/badge"):
            self.answer(200, "image/png", LOGO)
        elif path == "/page.html":
            self.answer(200, "text/html", b"<p>not a picture</p>")
        elif path == "/slow.png":
            time.sleep(TEST_TIMEOUT * 4)
            self.answer(200, "image/png", LOGO)
        elif path == "/trickle.png":  # each piece within the timeout, the whole well over it
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            for piece in range(8):
                self.wfile.write(LOGO[piece::8])
                self.wfile.flush()
                time.sleep(TEST_TIMEOUT / 2)
        elif path == "/unsized.png":  # no Content-Length: the limit is checked as it comes
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(LOGO)
        elif path == "/moved.png":
            self.send_response(302)
            self.send_header("Location", "/logo.png")
            self.end_headers()
        else:
            self.answer(404, "text/plain", b"not found")

    def answer(self, status: int, kind: str, data: bytes):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_stage(tmp_path: Path, site, text: str, files: dict[str, bytes] = {}, localize: bool = False):
    """The post made of `text` (a file in tmp_path, beside `files`), through
    the Linker and the images stage, as the importer runs them."""
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    post = post_from(text)
    post.source.path = tmp_path / "post.md"
    linker = Linker(post, tmp_path, site, {})
    body = markdown_body(post.source.body, post.source.body_line, post.title, linker.line)
    assert linker.problems == []
    return post, prepare(post, site, body, linker.copies, localize)


@pytest.fixture
def remote(tmp_path, site, server, monkeypatch):
    monkeypatch.setattr(pictures, "TIMEOUT", TEST_TIMEOUT)
    text = REMOTE_POST.read_text(encoding="utf-8").replace("{server}", server)
    return text, lambda localize: run_stage(tmp_path, site, text, localize=localize)


def test_remote_images_are_downloaded_and_linked_like_local_ones(remote, site, server):
    _, stage = remote
    post, result = stage(True)
    body = "\n".join(result.body)
    assert result.files == {"logo.png": LOGO, "moved.png": LOGO, "badge.png": LOGO, "logo-2.png": LOGO}
    width, height = Image.open(io.BytesIO(LOGO)).size
    size = f'{{ width="{width}" height="{height}" }}'
    assert f"![Good Corp](../images/{post.slug}/logo.png){size}" in body
    assert f'![Moved Corp](../images/{post.slug}/moved.png "It moved"){size}' in body  # the redirect was followed
    assert f"![Badge Corp][badge]{size}" in body and f"[badge]: ../images/{post.slug}/badge.png" in body
    # Raw HTML is left alone by MkDocs: its link is relative to the post's built page.
    img = BeautifulSoup(body, "lxml").find("img", alt="Good Corp again")
    page = site.post_page(post)
    assert posixpath.normpath(posixpath.join(page, img["src"])) == f"{site.rules.blog_dir}/images/{post.slug}/logo-2.png"
    assert (img["width"], img["height"]) == (str(width), str(height))
    fixes = [p for p in result.problems if p.fixed]
    assert len(fixes) == 4 and all(server in p.reason for p in fixes)


def test_each_failed_download_is_reported_and_its_link_kept(remote, server):
    text, stage = remote
    started = time.monotonic()
    _, result = stage(True)
    assert time.monotonic() - started < TEST_TIMEOUT * 4  # the slow answer was not waited for
    left = {p.reason.rsplit(": ", 1)[1].split(" ")[0]: p for p in result.problems if not p.fixed}
    assert sorted(left) == [f"{server}/missing.png", f"{server}/page.html", f"{server}/slow.png"]
    assert "HTTP 404" in left[f"{server}/missing.png"].reason
    assert "not an image (Content-Type text/html)" in left[f"{server}/page.html"].reason
    assert f"timed out after {TEST_TIMEOUT:g} s" in left[f"{server}/slow.png"].reason
    for url, found in left.items():
        assert found.line == text.splitlines().index(next(line for line in text.splitlines() if url + ")" in line)) + 1
        assert url + ")" in "\n".join(result.body)


def test_without_the_flag_each_remote_image_is_reported(remote, server):
    text, stage = remote
    _, result = stage(False)
    assert result.files == {}
    reported = [p for p in result.problems if p.kind == "image from another host"]
    assert len(reported) == len(result.problems) == text.count(server)
    for url in ("logo.png", "missing.png", "page.html", "slow.png", "moved.png", "badge", "logo.png?size=2"):
        assert any(f"{server}/{url} " in p.reason for p in reported)


def test_a_download_over_the_limit_is_refused(server):
    with pytest.raises(Refused, match="too big"):
        download(f"{server}/logo.png", timeout=TEST_TIMEOUT, limit=len(LOGO) - 1)
    with pytest.raises(Refused, match="too big"):
        download(f"{server}/unsized.png", timeout=TEST_TIMEOUT, limit=len(LOGO) - 1)
    assert download(f"{server}/logo.png", timeout=TEST_TIMEOUT, limit=len(LOGO)) == (LOGO, "image/png")
    assert download(f"{server}/unsized.png", timeout=TEST_TIMEOUT, limit=len(LOGO)) == (LOGO, "image/png")


def test_an_answer_trickling_in_past_the_timeout_is_refused(server):
    started = time.monotonic()
    with pytest.raises(Refused, match=f"timed out after {TEST_TIMEOUT:g} s"):
        download(f"{server}/trickle.png", timeout=TEST_TIMEOUT)
    assert time.monotonic() - started < TEST_TIMEOUT * 2


def test_downloads_get_safe_file_names():
    assert file_name("https://x.org/a/Our%20Logo!.png?v=2", "image/png") == "Our-Logo.png"
    assert file_name("https://x.org/logo", "image/svg+xml") == "logo.svg"
    assert file_name("https://x.org/photo.php", "image/jpeg") == "photo.jpg"
    assert file_name("https://x.org/../", "image/png") == "image.png"


SVG_BOX = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"/>'
SVG_SIZED = b'<svg xmlns="http://www.w3.org/2000/svg" width="30px" height="15" viewBox="0 0 120 60"/>'


def test_local_images_get_their_width_and_height(tmp_path, site):
    text = (
        "Title: Sizes\nDate: 2021-08-01\n\n"
        "![raster]({static}/a.png) ![box]({static}/box.svg)\n\n"
        "![mine]({static}/a.png){ width=\"9\" }\n\n"
        "![half]({static}/a.png){: width=\"50%\" .center }\n\n"
        '<img src="{static}/sized.svg" alt="html"> <img src="{static}/a.png" width="5" alt="own">\n\n'
        "```\n![code]({static}/a.png)\n```\n"
    )
    post, result = run_stage(tmp_path, site, text, {"a.png": png((33, 11)), "box.svg": SVG_BOX, "sized.svg": SVG_SIZED})
    body = "\n".join(result.body)
    assert '![raster](../images/sizes/a.png){ width="33" height="11" }' in body
    assert '![box](../images/sizes/box.svg){ width="120" height="60" }' in body  # from its viewBox
    # The author's width is kept, with the height that keeps the file's shape.
    assert f'![mine](../images/sizes/a.png){{ width="9" height="{round(9 * 11 / 33)}" }}' in body
    assert '![half](../images/sizes/a.png){: width="50%" .center }' in body  # a share of the column: left as it is
    soup = BeautifulSoup(body, "lxml")
    assert (soup.find("img", alt="html")["width"], soup.find("img", alt="html")["height"]) == ("30", "15")
    assert (soup.find("img", alt="own")["width"], soup.find("img", alt="own")["height"]) == ("5", str(round(5 * 11 / 33)))
    assert "![code]({static}/a.png)" in body
    assert post.slug == "sizes"


def test_the_sites_markdown_puts_the_size_and_copies_on_the_image():
    config = load_config(str(ROOT / "mkdocs.yml"))
    srcset = "../../images/p/a-480w.png 480w, ../../images/p/a.png 900w"
    html = markdown.markdown(
        f'![raster](a.png "t"){{ width="33" height="11" srcset="{srcset}" sizes="{SIZES}" }}\n\n'
        f'![author](a.png){{:width="500" :center height="9" srcset="{srcset}"}}',
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"],
    )
    raster, author = BeautifulSoup(html, "lxml").find_all("img")
    assert (raster["src"], raster["width"], raster["height"]) == ("a.png", "33", "11")
    assert (raster["srcset"], raster["sizes"]) == (srcset, SIZES)
    assert (author["width"], author["height"], author["srcset"]) == ("500", "9", srcset)


def test_a_wide_photo_png_is_downscaled_much_smaller_and_its_links_follow(tmp_path, site):
    photo = photo_png((3000, 2000))
    text = (
        "Title: Hall\nDate: 2021-08-01\n\n![hall]({static}/hall.png)\n\n"
        '<img src="{static}/hall.png" alt="again">\n\n[full size]({static}/hall.png)\n'
    )
    post, result = run_stage(tmp_path, site, text, {"hall.png": photo})
    assert list(result.files) == ["hall.jpg", *(f"hall-{width}w.jpg" for width in VARIANT_WIDTHS)]
    shown = Image.open(io.BytesIO(result.files["hall.jpg"]))
    assert shown.format == "JPEG" and shown.size == (MAX_WIDTH, round(2000 * MAX_WIDTH / 3000))
    assert (result.before, result.after) == (len(photo), len(result.files["hall.jpg"]))  # as served in full
    assert result.after < len(photo) / 10
    body = "\n".join(result.body)
    assert f'![hall](../images/hall/hall.jpg){{ width="{shown.width}" height="{shown.height}" srcset=' in body
    assert "[full size](../images/hall/hall.jpg)" in body
    img = BeautifulSoup(body, "lxml").find("img", alt="again")
    assert posixpath.basename(img["src"]) == "hall.jpg" and img["width"] == str(shown.width)
    assert "hall.png" not in body


def test_a_wide_transparent_png_stays_a_png_and_a_small_image_is_untouched(tmp_path, site):
    logo, small = png((2400, 300), "RGBA", (0, 0, 0, 0)), png((40, 20))
    text = "Title: Logos\nDate: 2021-08-01\n\n![logo]({static}/logo.png) ![small]({static}/small.png)\n"
    _, result = run_stage(tmp_path, site, text, {"logo.png": logo, "small.png": small})
    assert Image.open(io.BytesIO(result.files["logo.png"])).size == (MAX_WIDTH, 200)
    assert Image.open(io.BytesIO(result.files["logo.png"])).mode == "RGBA"
    assert result.files["small.png"] == small


def test_the_report_names_the_heaviest_posts_in_images():
    weights = [("a.md", 4_200_000, 310_000), ("b.md", 900, 900), ("c.md", 0, 0), ("d.md", 1_500_000, 1_500_000), ("e.md", 20_000, 9_000)]
    assert heaviest(weights) == "heaviest posts (images): a.md 4.2 MB -> 310 KB, d.md 1.5 MB -> 1.5 MB, e.md 20 KB -> 9 KB"
    assert heaviest([("c.md", 0, 0)]) is None


def photo_jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(photo_png(size))).save(out, "JPEG", quality=95)
    return out.getvalue()


def site_html(body: list[str]) -> BeautifulSoup:
    """The body as the site's Markdown renders it."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    html = markdown.markdown("\n".join(body), extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return BeautifulSoup(html, "lxml")


def candidates(img, page: str) -> list[tuple[str, int]]:
    """An image's srcset: each file's path in the built site (from the post's page) and its width."""
    found = []
    for candidate in img["srcset"].split(","):
        link, width = candidate.split()
        found.append((posixpath.normpath(posixpath.join(page, link)), int(width.removesuffix("w"))))
    return found


def test_rasters_get_lighter_copies_their_srcset_links_from_the_post_page(tmp_path, site):
    wide, mid, narrow = photo_jpeg((2000, 1200)), photo_jpeg((700, 500)), photo_jpeg((560, 400))
    text = (
        "Title: Copies\nDate: 2021-08-01\nSummary: Photos.\n\n"
        "![wide]({static}/wide.jpg)\n\n<img src=\"{static}/mid.jpg\" alt=\"mid\">\n\n"
        "![narrow][n]\n\n[n]: {static}/narrow.jpg\n"
    )
    post, result = run_stage(tmp_path, site, text, {"wide.jpg": wide, "mid.jpg": mid, "narrow.jpg": narrow})
    folder = f"{site.rules.blog_dir}/images/{post.slug}"
    page = site.post_page(post)
    soup = site_html(result.body)
    for alt in ("wide", "mid"):
        img = soup.find("img", alt=alt)
        full = Image.open(io.BytesIO(result.files[f"{alt}.jpg"]))
        assert img["sizes"] == (SIZES if full.width > COLUMN else f"(max-width: {full.width + 32}px) calc(100vw - 32px), {full.width}px")
        *copies, (last, last_width) = candidates(img, page)
        assert (last, last_width) == (f"{folder}/{alt}.jpg", full.width)  # the full image is the widest
        assert [w for _, w in copies] == [w for w in VARIANT_WIDTHS if w <= full.width * VARIANT_IF_UNDER]
        for path, width in copies:
            assert path.startswith(folder + "/")
            data = result.files[posixpath.relpath(path, folder)]
            with Image.open(io.BytesIO(data)) as copy:
                assert copy.size == (width, round(full.height * width / full.width))
            assert len(data) < len(result.files[f"{alt}.jpg"]) / 2
    assert len(candidates(soup.find("img", alt="mid"), page)) == 2  # 960 px would be wider than the image
    assert not soup.find("img", alt="narrow").has_attr("srcset")  # 480 px is too near its 560 px
    assert sorted(result.files) == ["mid-480w.jpg", "mid.jpg", "narrow.jpg", "wide-480w.jpg", "wide-960w.jpg", "wide.jpg"]


def test_images_a_listing_shows_get_copies_raw_html_ones_too(tmp_path, site):
    """A post without a summary shows its beginning in listings, at other
    addresses: the excerpt_srcset hook moves an image's links there, a
    Markdown image's srcset and a raw HTML one's src and srcset alike."""
    text = (
        "Title: Teaser\nDate: 2021-08-01\n\n![top]({static}/a.jpg)\n\n<img src=\"{static}/a.jpg\" alt=\"raw\">\n\n"
        "First words.\n\n<!-- more -->\n\n![below]({static}/a.jpg)\n"
    )
    post, result = run_stage(tmp_path, site, text, {"a.jpg": photo_jpeg((1000, 600))})
    soup = site_html(result.body)
    page = site.post_page(post)
    top = candidates(soup.find("img", alt="top"), page)
    assert len(top) > 1 and top == candidates(soup.find("img", alt="below"), page) == candidates(soup.find("img", alt="raw"), page)


def test_an_authors_width_in_px_gets_the_height_that_keeps_the_shape(tmp_path, site):
    photo = photo_jpeg((1000, 750))
    text = (
        "Title: Widths\nDate: 2021-08-01\nSummary: Widths.\n\n"
        '![list]({static}/p.jpg){:width="500px":center}\n\n<img src="{static}/p.jpg" alt="tag" width="350px">\n'
    )
    _, result = run_stage(tmp_path, site, text, {"p.jpg": photo})
    soup = site_html(result.body)
    for alt, shown in (("list", 500), ("tag", 350)):
        img = soup.find("img", alt=alt)
        assert (img["width"], img["height"]) == (str(shown), str(round(shown * 750 / 1000)))
        assert img["sizes"] == f"(max-width: {shown + 32}px) calc(100vw - 32px), {shown}px"
    assert soup.find("img", alt="list").has_attr(":center")  # the rest of the author's list is kept


SHOWN = 230  # px, as the conference blog's poster post shows its photos in raw HTML


def shown_files(result, page: str, img) -> list[tuple[str, int]]:
    """An image's srcset links, each as a file name in the post's image folder, and the width it says."""
    return [(posixpath.basename(path), width) for path, width in candidates(img, page)]


def test_raw_html_images_in_any_markup_are_sized_downscaled_and_given_copies(tmp_path, site):
    """<img> tags as real posts write them: over several lines inside <a>
    and <div>, in upper case, with single quotes, with each of Pelican's
    prefixes. One shown at SHOWN px is served at twice that, with a copy at
    SHOWN px for 1x screens; one also linked full size keeps its width for
    the link, and its image offers copies up to the narrowest at least twice
    as wide as it is shown."""
    photo = photo_jpeg((1920, 1280))
    text = (
        "Title: Posters\nDate: 2019-08-09\nSummary: Posters.\n\n"
        '<div class="text-center">\n'
        '    <a href="{static}/images/linked.jpg">\n'
        f'       <img src="{{static}}/images/linked.jpg" alt="linked"\n            width="{SHOWN}" style="margin: 5px">\n'
        "    </a>\n\n"
        f"    <center><IMG SRC='|static|/images/shown.jpg' ALT='shown' WIDTH='{SHOWN}'/></center>\n"
        "</div>\n\n"
        f'<p><img alt="tall" src="{{filename}}/images/tall.jpg" height="{SHOWN}"></p>\n\n'
        f'<figure><img alt="styled" src="{{static}}/images/styled.jpg" style="border: 0; width: {SHOWN}px"></figure>\n\n'
        '<img alt="capped" src="{static}/images/capped.jpg" style="max-height: 500px">\n'
    )
    names = ("linked", "shown", "tall", "styled", "capped")
    post, result = run_stage(tmp_path, site, text, {f"images/{name}.jpg": photo for name in names})
    page = site.post_page(post)
    soup = site_html(result.body)
    imgs = {img["alt"]: img for img in soup.find_all("img")}
    assert sorted(imgs) == sorted(names)
    folder = f"{site.rules.blog_dir}/images/{post.slug}"
    for name, img in imgs.items():
        width, height = Image.open(io.BytesIO(result.files[f"{name}.jpg"])).size  # its shape as served
        boxes = {"tall": (round(SHOWN * width / height), SHOWN), "capped": (round(500 * width / height), 500)}
        box = boxes.get(name, (SHOWN, round(SHOWN * height / width)))
        assert (int(img["width"]), int(img["height"])) == box, name
        assert width == (MAX_WIDTH if name == "linked" else min(MAX_WIDTH, 2 * box[0])), name
        # Copies at the usual widths and at the width it is shown at, well under its own; the
        # image offers them up to the first at least twice as wide as it is shown.
        near = any(box[0] * VARIANT_IF_UNDER <= w <= box[0] / VARIANT_IF_UNDER for w in VARIANT_WIDTHS)
        widths = [w for w in sorted({*VARIANT_WIDTHS, *([] if near else [box[0]])}) if w <= width * VARIANT_IF_UNDER]
        files = [*((f"{name}-{w}w.jpg", w) for w in widths), (f"{name}.jpg", width)]
        files = files[: next(i for i, (_, w) in enumerate(files) if w >= min(MAX_WIDTH, 2 * box[0])) + 1]
        assert posixpath.normpath(posixpath.join(page, img["src"])) == f"{folder}/{files[-1][0]}", name
        if len(files) == 1:
            assert not img.has_attr("srcset"), name
            continue
        assert shown_files(result, page, img) == files, name
        for file, w in files:
            assert Image.open(io.BytesIO(result.files[file])).width == w
        narrow = f"(max-width: {box[0] + 32}px) calc(100vw - 32px), {box[0]}px"
        assert img["sizes"] == (narrow if box[0] <= COLUMN else SIZES), name
    link = posixpath.normpath(posixpath.join(page, soup.find("a")["href"]))
    assert link == f"{folder}/linked.jpg"  # the link opens the photo full size
    assert result.problems == []


def test_markdown_images_are_served_at_twice_the_width_they_are_shown_at(tmp_path, site):
    photo = photo_jpeg((1920, 1280))
    text = f"Title: Small\nDate: 2019-08-09\nSummary: S.\n\n![small]({{static}}/small.jpg){{ width=\"{SHOWN}\" }}\n"
    _, result = run_stage(tmp_path, site, text, {"small.jpg": photo})
    assert Image.open(io.BytesIO(result.files["small.jpg"])).width == 2 * SHOWN


def test_an_img_shown_as_code_is_left_as_written(tmp_path, site):
    text = (
        "Title: Code\nDate: 2019-08-09\nSummary: S.\n\n"
        'Write `<img src="{static}/a.jpg" width="10">` in a post.\n\n<img src="{static}/a.jpg" alt="real">\n'
    )
    post, result = run_stage(tmp_path, site, text, {"a.jpg": photo_jpeg((600, 400))})
    body = "\n".join(result.body)
    assert re.search(r'`<img src="[^"]*a.jpg" width="10">`', body)  # the Linker's link, nothing added
    assert BeautifulSoup(body, "lxml").find("img", alt="real")["width"] == "600"


def test_raw_html_images_the_importer_cannot_serve_are_reported_once_per_kind(tmp_path, site, capsys):
    """A hot-linked image over several lines, an <img> whose file is missing,
    one pointing at a path of the old site: each reported by kind, with the
    places, and each left as written."""
    from tools.pelican_import.report import print_problems

    text = (
        "Title: Gaps\nDate: 2019-08-09\nSummary: S.\n\n"
        '<a href="https://example.org/">\n  <img alt="sponsor"\n       src="https://example.org/logo.png">\n</a>\n\n'
        '<img src="/images/old-site.png" alt="old site">\n\n<img alt="no source">\n'
    )
    post, result = run_stage(tmp_path, site, text)
    kinds = {p.kind: p for p in result.problems}
    assert sorted(kinds) == ["image from another host", "image in raw HTML without a file"]
    assert kinds["image from another host"].line == text.splitlines().index('       src="https://example.org/logo.png">') + 1
    gaps = sorted(p for p in result.problems if p.kind == "image in raw HTML without a file")
    lines = text.splitlines()
    assert [p.line for p in gaps] == [lines.index('<img src="/images/old-site.png" alt="old site">') + 1, lines.index('<img alt="no source">') + 1]
    assert gaps[0].reason.endswith(": /images/old-site.png")
    assert '<img src="/images/old-site.png" alt="old site">' in result.body
    print_problems(result.problems * 2)  # as many as four: one line with the count and the places
    err = capsys.readouterr().err.splitlines()
    assert [line.split(" × ")[0] for line in err if " × " in line] == ["4"]


def test_a_print_colour_profile_is_applied_and_dropped_a_screen_one_kept():
    """A sponsor's logo carried half a megabyte of print profile: the image
    is served in sRGB without it, its copies too; a light profile stays."""
    from PIL import ImageCms

    from tools.pelican_import.pictures import PROFILE_KEPT_UNDER, optimize

    light = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    heavy = (len(light) + PROFILE_KEPT_UNDER).to_bytes(4, "big") + light[4:] + bytes(PROFILE_KEPT_UNDER)
    logo = Image.open(io.BytesIO(photo_png((620, 156))))
    for profile, kept in ((heavy, False), (light, True)):
        out = io.BytesIO()
        logo.save(out, "JPEG", quality=90, icc_profile=profile)
        picture = optimize("logo.jpg", out.getvalue())
        served = Image.open(io.BytesIO(picture.data))
        assert served.size == logo.size and served.mode == "RGB"
        assert (served.info.get("icc_profile") == profile) == kept
        for copy in picture.variants.values():
            assert (Image.open(io.BytesIO(copy)).info.get("icc_profile") == profile) == kept
        if not kept:
            assert len(picture.data) < len(out.getvalue()) - PROFILE_KEPT_UNDER
            assert served.getpixel((300, 78)) == pytest.approx(logo.getpixel((300, 78)), abs=12)
