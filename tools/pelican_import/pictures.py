"""Image files for the importer: fetched from another host, measured,
downscaled and recompressed when much wider than the content column or
heavy, with smaller copies for `srcset`. Bytes in, bytes out: the post's
Markdown is images.py's business."""

from __future__ import annotations

import io
import mimetypes
import re
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

SVG_LENGTH = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")

# Material's content column is at most about 800 CSS px wide (61rem grid less
# its sidebars, at the largest root font size), so 1600 px is sharp on 2x
# screens; an image the post shows narrower is served at twice that width.
MAX_WIDTH = 1600
RECOMPRESS_OVER = 200_000  # bytes: a raster this heavy is recompressed even when narrow enough
JPEG_QUALITY = 80
JPEG_IF_UNDER = 0.5  # a PNG without transparency becomes a JPEG when that is under half its size
MAX_DOWNLOAD = 10_000_000  # bytes
TIMEOUT = 10.0  # seconds for a whole download
REENCODED = {"JPEG", "PNG", "WEBP"}
# Smaller copies of a raster for `srcset`: a phone at 1x takes 480 px, a
# phone at 2x or a laptop 960 px, wider screens the full image (at most
# MAX_WIDTH). A copy is made only when well under the image's own width.
VARIANT_WIDTHS = (480, 960)
VARIANT_IF_UNDER = 0.85  # of the image's width: 960 px of a 1000 px image would save little
VARIANT_QUALITY = 75  # JPEG and WebP: a copy shown at its width hides more than the full image
VARIANT_FORMATS = REENCODED | {"GIF"}
# A colour profile this heavy is a print profile (half a megabyte on a 620 px
# sponsor logo of the conference blog): the image is converted to sRGB, which
# browsers assume without one, and the profile dropped. Screen profiles
# (Display P3, Adobe RGB) are well under it and kept.
PROFILE_KEPT_UNDER = 10_000  # bytes

class Refused(Exception):
    """A download that did not give an image; the message says why."""


@dataclass
class Picture:
    name: str  # in the post's image folder
    data: bytes
    size: tuple[int, int] | None  # width and height as shown, when known
    variants: dict[int, bytes] = field(default_factory=dict)  # smaller copies, by width
    names: dict[int, str] = field(default_factory=dict)  # their file names, by width


def download(url: str, timeout: float | None = None, limit: int | None = None) -> tuple[bytes, str]:
    """The bytes and content type of the image at `url`, following redirects;
    Refused when it is missing, not an image, too big or too slow."""
    timeout = TIMEOUT if timeout is None else timeout
    limit = MAX_DOWNLOAD if limit is None else limit
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(WebRedirectsOnly)
    request = urllib.request.Request(url, headers={"User-Agent": "tools.pelican_import (image download)"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if not kind.startswith("image/"):
                raise Refused(f"not an image (Content-Type {kind})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise Refused(f"too big ({size_text(int(length))}, the limit is {size_text(limit)})")
            chunks, total = [], 0
            while chunk := response.read1(65536):  # what has come, so the deadline is checked as it trickles
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise Refused(f"too big (over {size_text(limit)})")
                if time.monotonic() > deadline:
                    raise TimeoutError
    except urllib.error.HTTPError as error:
        raise Refused(f"HTTP {error.code} {error.reason}") from None
    except TimeoutError:
        raise Refused(f"timed out after {timeout:g} s") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise Refused(f"timed out after {timeout:g} s") from None
        raise Refused(f"cannot connect: {error.reason}") from None
    except OSError as error:
        raise Refused(f"download failed: {error}") from None
    return b"".join(chunks), kind


class WebRedirectsOnly(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-web address {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def file_name(url: str, kind: str) -> str:
    """A safe file name for a download: the URL path's last part, its
    extension from the content type when it has none that fits."""
    base = unquote(PurePosixPath(urlsplit(url).path).name)
    base = re.sub(r"-+\.", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", base)).strip(".-") or "image"
    wanted = mimetypes.guess_extension(kind) or ""
    suffix = PurePosixPath(base).suffix.lower()
    if wanted and mimetypes.guess_type(base)[0] != kind:
        return (base if suffix in (".", "") else base[: -len(suffix)] or "image") + wanted
    return base


def unique(name: str, taken: set[str]) -> str:
    path = PurePosixPath(name)
    n = 2
    while name in taken:
        name = f"{path.stem}-{n}{path.suffix}"
        n += 1
    taken.add(name)
    return name


def svg_size(data: bytes) -> tuple[int, int] | None:
    """An SVG's width and height in px: its attributes, else its viewBox."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    width, height = (SVG_LENGTH.match(root.get(a, "")) for a in ("width", "height"))
    if width and height:
        return round(float(width[1])), round(float(height[1]))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        return (round(float(box[2])), round(float(box[3]))) if len(box) == 4 else None
    except ValueError:
        return None


def has_alpha(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA"):
        return image.getchannel("A").getextrema()[0] < 255
    return "transparency" in image.info


def encode(image: Image.Image, kind: str, icc: bytes | None, quality: int = JPEG_QUALITY) -> bytes:
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if kind == "JPEG":
        image = image if image.mode in ("RGB", "L", "CMYK") else image.convert("RGB")
        image.save(out, "JPEG", quality=quality, progressive=True, optimize=True, **extra)
    elif kind == "PNG":
        image.save(out, "PNG", optimize=True, **extra)
    elif kind == "GIF":
        image.save(out, "GIF", optimize=True)
    else:
        image.save(out, kind, quality=quality, **extra)
    return out.getvalue()


def in_srgb(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """The image and the colour profile to save it with: converted to sRGB
    without one when its own profile is PROFILE_KEPT_UNDER or heavier."""
    if not icc or len(icc) < PROFILE_KEPT_UNDER or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image, icc
    try:
        own = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, own, ImageCms.createProfile("sRGB"), outputMode=mode), None
    except (ImageCms.PyCMSError, OSError, ValueError):  # a profile lcms cannot read: kept as it is
        return image, icc


def smaller_copies(image: Image.Image, kind: str, icc: bytes | None, full: int, shown: int | None = None) -> dict[int, bytes]:
    """Copies of `image` (as served, `full` bytes) at VARIANT_WIDTHS and at
    the width it is `shown` at (for 1x screens) unless one of those is near
    it, those well under its width, each kept only if lighter than the image
    itself."""
    width, height = image.size
    if image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
        image = image.convert("RGBA" if has_alpha(image) else "RGB")
    widths = set(VARIANT_WIDTHS)
    if shown and not any(shown * VARIANT_IF_UNDER <= w <= shown / VARIANT_IF_UNDER for w in widths):  # not one of them, nearly
        widths.add(shown)
    copies = {}
    for wanted in sorted(widths):
        if wanted > width * VARIANT_IF_UNDER:
            break
        copy = image.resize((wanted, max(1, round(height * wanted / width))), Image.Resampling.LANCZOS)
        data = encode(copy, kind, icc, VARIANT_QUALITY)
        if len(data) < full:
            copies[wanted] = data
    return copies


def widest(shown: int | None) -> int:
    """The widest a raster is served: twice the CSS px it is shown at (sharp
    on 2x screens), or MAX_WIDTH when that is not known or wider."""
    return MAX_WIDTH if shown is None else max(1, min(MAX_WIDTH, 2 * shown))


def size_of(name: str, data: bytes) -> tuple[int, int] | None:
    """The image's width and height as a browser shows it (turned as its EXIF says)."""
    if name.lower().endswith(".svg"):
        return svg_size(data)
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        turned = image.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return (height, width) if turned else (width, height)


def optimize(name: str, data: bytes, shown: int | None = None, linked: bool = False) -> Picture:
    """The image as the site serves it: its size as shown, and downscaled to
    `widest(shown)` (`shown`: the CSS px it is shown at, when the post says
    so; MAX_WIDTH for a file also `linked` to be opened full size) and
    recompressed when wider or heavy, if that makes it smaller. A PNG photo
    without transparency may become a JPEG (a new name). A still raster also
    gets its smaller copies, one of them at the width it is shown at."""
    if name.lower().endswith(".svg"):
        return Picture(name, data, svg_size(data))
    try:
        image = Image.open(io.BytesIO(data))
        upright = ImageOps.exif_transpose(image)  # browsers show it turned as its EXIF says
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return Picture(name, data, None)
    picture = served(name, data, image, upright, widest(None if linked else shown))
    if image.format in VARIANT_FORMATS and getattr(image, "n_frames", 1) == 1:
        if picture.data is not data:  # re-encoded: the copies are made from what is served
            upright = Image.open(io.BytesIO(picture.data))
        kind = "JPEG" if picture.name != name else image.format
        icc = (upright if picture.data is not data else image).info.get("icc_profile")
        picture.variants = smaller_copies(upright, kind, icc, len(picture.data), shown)
    return picture


def served(name: str, data: bytes, image: Image.Image, upright: Image.Image, limit: int = MAX_WIDTH) -> Picture:
    """The picture `optimize` serves in full (at most `limit` px wide), without its copies."""
    width, height = upright.size
    wide = width > limit
    icc = image.info.get("icc_profile")
    heavy = len(data) > RECOMPRESS_OVER or len(icc or b"") >= PROFILE_KEPT_UNDER
    if image.format not in REENCODED or getattr(image, "n_frames", 1) > 1 or (not wide and not heavy):
        return Picture(name, data, (width, height))
    upright, icc = in_srgb(upright, icc)
    if upright.mode in ("P", "1", "I;16"):
        upright = upright.convert("RGBA" if has_alpha(upright) else "RGB")
    if wide:
        width, height = limit, max(1, round(height * limit / width))
        upright = upright.resize((width, height), Image.Resampling.LANCZOS)
    if image.format == "PNG" and not has_alpha(upright):
        jpeg = encode(upright, "JPEG", icc)
        quick = io.BytesIO()  # optimize=True takes seconds on a photo: compare with a quick PNG first
        upright.save(quick, "PNG", compress_level=6)
        if len(jpeg) < JPEG_IF_UNDER * len(quick.getvalue()) and (wide or len(jpeg) < len(data)):
            return Picture(str(PurePosixPath(name).with_suffix(".jpg")), jpeg, (width, height))
    best = Picture(name, encode(upright, image.format, icc), (width, height))
    if not wide and len(best.data) >= len(data):
        return Picture(name, data, (width, height))
    return best


def size_text(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{round(size / 1e3)} KB"
