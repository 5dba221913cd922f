"""A post's images made ready for readers' phones, after its links are
rewritten: remote images downloaded into its image folder (--localize-images)
or reported, every local image given its width and height (no layout shift
as it loads), and rasters much wider than the content column downscaled and
recompressed. Each raster also gets smaller copies beside it (`srcset`), so
a phone fetches one near its screen's width. Markdown images and raw HTML
`<img>` tags (found by an HTML parser, wherever they sit and however they
are written) follow the same rules. `prepare` does it for one post;
`heaviest` says which posts weigh most in images, before and after."""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

import tinycss2
from PIL import Image

from tools.markdown_links import fence_state
from tools.pelican_import.links import relative_url
from tools.pelican_import.pictures import Picture, Refused, download, file_name, optimize, size_of, size_text, unique, widest
from tools.pelican_import.records import Post
from tools.pelican_import.report import Problem, fixed, problem
from tools.pelican_import.site import Site

# A post's content column, measured in Chromium: the screen less 32 px of
# margins below 60em; less the table of contents too (274 px) up to 76.25em;
# then between both sidebars, 688 px, 757 px from 100em, 826 px from 125em.
SIZES = "(min-width: 76.25em) 826px, (min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)"
COLUMN = 686  # px: the narrowest the column is from 60em on; an image narrower is shown at its width there
REMOTE = r"https?://[^\s)\"'<>]+"

# An author's attribute list is `list` (None when it does not close on its line).
ATTRS = r"(?P<attrs>\{(?P<list>[^{}\n]*)\}|\{)?"
MD_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\((?P<src><[^>]*>|[^\s)]+)(?P<title>\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)" + ATTRS
)
REF_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\[(?P<label>[^\]]*)\]" + ATTRS)
REF_DEFINITION = re.compile(r"^(?P<lead> {0,3}\[(?P<label>[^\]]+)\]:\s*)(?P<src><[^>]*>|\S+)")
# width=, height=, srcset=, sizes= or style= with its value, in an attribute list.
ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?P<key>width|height|srcset|sizes|style)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>}]+))""",
    re.IGNORECASE,
)
PIXELS = re.compile(r"^\s*(\d+)\s*(?:px)?\s*$", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
NOT_LOCAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|\{)", re.IGNORECASE)  # data:, mailto:, a host, an anchor, a link the Linker reported


@dataclass
class PostImages:
    """What `prepare` made of one post's images."""

    body: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # to write into DEST/images/<slug>/
    problems: list[Problem] = field(default_factory=list)
    before: int = 0  # bytes of its images as the old blog served them (downloads included)
    after: int = 0  # bytes as the site serves them


@dataclass
class HtmlImage:
    """An <img> tag in a post's body: where it starts and ends in the body's
    text, and its attributes as a browser reads them (names in lower case,
    values unquoted, the first of a name repeated)."""

    start: int
    end: int
    attrs: dict[str, str | None]
    closed: bool  # written <img ... />
    first_line: str  # the tag's first line, to find it in the source


class HtmlImages(HTMLParser):
    """The <img> tags of a Markdown text, found by Python's HTML parser:
    over several lines, in any case or quoting, inside any other tag. Code
    (fenced blocks and code spans) is blanked first, so an <img> shown as
    code is not taken for one."""

    def __init__(self, body: list[str], outside_code: list[bool]):
        super().__init__(convert_charrefs=True)
        lines = [CODE_SPAN.sub(lambda m: " " * len(m[0]), line) if keep else "" for line, keep in zip(body, outside_code)]
        self.starts = [0]  # where each line starts in "\n".join(body)
        for line in body:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.found: list[HtmlImage] = []
        self.feed("\n".join(lines))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            line, column = self.getpos()
            start, text = self.starts[line - 1] + column, self.get_starttag_text() or ""
            found: dict[str, str | None] = {}
            for key, value in attrs:
                found.setdefault(key, value)
            self.found.append(HtmlImage(start, start + len(text), found, text.endswith("/>"), text.split("\n")[0]))


class Images:
    """One post's images, found in its body after the Linker's rewrite."""

    def __init__(self, post: Post, site: Site, copies: dict[str, Path], localize: bool):
        self.post = post
        self.copies = copies
        self.localize = localize
        self.markdown_prefix = f"../images/{post.file_stem}/"
        self.html_prefix = relative_url(f"{site.rules.blog_dir}/images/{post.file_stem}/", site.post_page(post))
        self.pictures: dict[str, Picture] = {}  # by the name the Linker gave, or by remote URL
        self.shown_in: Counter[str] = Counter()  # the places in the text that show each image source
        self.result = PostImages([])

    def prepare(self, body: list[str]) -> PostImages:
        outside_code = [not in_code for in_code in code_lines(body)]
        text = [line for line, keep in zip(body, outside_code) if keep]
        image_refs = {m["label"].casefold() or m["alt"].casefold() for line in text for m in REF_IMAGE.finditer(line)}
        by_file: dict[str, tuple[str, list[dict[str, str]]]] = {}  # the post's own files by name, downloads by URL
        for source, written_as in self.uses(text, image_refs, HtmlImages(body, outside_code).found).items():
            by_file.setdefault(self.own_name(source) or source, (source, []))[1].extend(written_as)
        for source, written_as in by_file.values():
            self.picture(source, written_as, self.linked(source, text))
        taken = set(self.copies) | {p.name for p in self.pictures.values()}
        for picture in self.pictures.values():
            self.result.files[picture.name] = picture.data
            for width, data in picture.variants.items():
                picture.names[width] = unique(variant_name(picture.name, width), taken)
                self.result.files[picture.names[width]] = data
        for name, file in self.copies.items():
            if name not in self.pictures:  # a file linked but not shown as an image: copied as it is
                self.result.files.setdefault(name, file.read_bytes())
        labelled = {}  # a reference-style image's picture, by its label
        for line in text:
            if (m := REF_DEFINITION.match(line)) and m["label"].casefold() in image_refs:
                if found := self.local(m["src"].strip("<>"), html=False):
                    labelled[m["label"].casefold()] = found[1]
        body = [self.rewrite_line(line, image_refs, labelled) if keep else line for line, keep in zip(body, outside_code)]
        self.result.body = self.rewrite_html(body, [not in_code for in_code in code_lines(body)])
        return self.result

    def uses(self, text: list[str], image_refs: set[str], tags: list[HtmlImage]) -> dict[str, list[dict[str, str]]]:
        """Each image source the post shows, with the attributes each of its
        images was written with (Markdown's attribute list, or the tag's)."""
        found: dict[str, list[dict[str, str]]] = {}
        defined = {m["label"].casefold(): m["src"].strip("<>") for line in text if (m := REF_DEFINITION.match(line))}
        for line in text:
            for m in MD_IMAGE.finditer(line):
                found.setdefault(m["src"].strip("<>"), []).append(written(m["list"] or ""))
                self.shown_in[m["src"].strip("<>")] += 1
            for m in REF_IMAGE.finditer(line):
                if source := defined.get(m["label"].casefold() or m["alt"].casefold()):
                    found.setdefault(source, []).append(written(m["list"] or ""))
            if (m := REF_DEFINITION.match(line)) and m["label"].casefold() in image_refs:
                self.shown_in[m["src"].strip("<>")] += 1
        for tag in tags:
            if source := tag.attrs.get("src"):
                found.setdefault(source, []).append({key: value or "" for key, value in tag.attrs.items()})
                self.shown_in[source] += 1
            else:
                self.unplaced(tag, "an <img> without a src")
        return found

    def linked(self, source: str, text: list[str]) -> bool:
        """Whether a post's own image file is also linked to (a photo opened
        full size by a click): then it keeps its full width for the link."""
        name = self.own_name(source)
        if name is None:
            return False
        link = "|".join(re.escape(prefix + quote(name)) for prefix in (self.markdown_prefix, self.html_prefix))
        mentions = len(re.findall(rf"(?:{link})(?=[)\s\"'#?>]|$)", "\n".join(text)))
        return mentions > sum(n for other, n in self.shown_in.items() if self.own_name(other) == name)

    def own_name(self, source: str) -> str | None:
        """The file name in the post's image folder a link points to, if it does."""
        for prefix in (self.markdown_prefix, self.html_prefix):
            if source.startswith(prefix):
                return unquote(source[len(prefix) :].split("#")[0])
        return None

    def picture(self, source: str, written_as: list[dict[str, str]], linked: bool) -> None:
        """Note the image `source` names: a local file the Linker copies, or a
        remote URL. It is served at twice the width its images are shown at,
        when each of them says it and the file is not also linked to."""
        if source in self.pictures:
            return
        if re.fullmatch(REMOTE, source):
            self.remote(source, written_as, linked)
            return
        name = self.own_name(source)
        if name in self.copies and name not in self.pictures:
            data = self.copies[name].read_bytes()
            picture = optimize(name, data, widest_shown(written_as, size_of(name, data)), linked)
            if picture.name != name:
                picture.name = unique(picture.name, set(self.copies) | {p.name for p in self.pictures.values()})
            self.pictures[name] = picture
            self.result.before += len(data)
            self.result.after += len(picture.data)

    def remote(self, url: str, written_as: list[dict[str, str]], linked: bool) -> None:
        line = self.source_line(url)
        if not self.localize:
            reason = f"image from another host, which readers' browsers would call: {url} (--localize-images downloads it)"
            self.result.problems.append(problem(self.post.source, line, reason, "image from another host"))
            return
        try:
            data, kind = download(url)
            if kind != "image/svg+xml":
                Image.open(io.BytesIO(data)).verify()
        except Refused as refusal:
            reason = f"remote image not downloaded, {refusal}: {url} (the link is left as it is)"
            self.result.problems.append(problem(self.post.source, line, reason, "remote image not downloaded"))
            return
        except Exception:  # Pillow's errors for bytes that are no picture
            reason = f"remote image not downloaded, its bytes are not a {kind} picture: {url} (the link is left as it is)"
            self.result.problems.append(problem(self.post.source, line, reason, "remote image not downloaded"))
            return
        taken = set(self.copies) | {p.name for p in self.pictures.values()}
        name = unique(file_name(url, kind), taken)
        picture = optimize(name, data, widest_shown(written_as, size_of(name, data)), linked)
        if picture.name != name:  # re-encoded as another format
            picture.name = unique(picture.name, taken)
        self.pictures[url] = picture
        self.result.before += len(data)
        self.result.after += len(picture.data)
        reason = f"downloaded {url} to images/{self.post.file_stem}/{picture.name}"
        self.result.problems.append(fixed(self.post.source, line, reason, "remote image downloaded"))

    def unplaced(self, tag: HtmlImage, what: str) -> None:
        """Report a raw HTML image the importer cannot give a file of its own."""
        src = tag.attrs.get("src")
        reason = f"image in raw HTML without a file of the post, which readers would see broken: {what}" + (f": {src}" if src else "")
        line = self.source_line(tag.first_line.strip())
        self.result.problems.append(problem(self.post.source, line, reason, "image in raw HTML without a file"))

    def source_line(self, text: str) -> int:
        source = self.post.source
        return next((source.body_line + i for i, line in enumerate(source.body) if text in line), source.body_line)

    def local(self, source: str, html: bool) -> tuple[str, Picture] | None:
        """The new link and the picture of an image the post shows, if it is
        one of its own: from posts/ for Markdown, from the post's page for HTML."""
        if (picture := self.pictures.get(source)) is not None:  # a downloaded one, by its URL
            return (self.html_prefix if html else self.markdown_prefix) + quote(picture.name), picture
        prefix = next((p for p in (self.markdown_prefix, self.html_prefix) if source.startswith(p)), None)
        if prefix is None:
            return None
        name, hash_, anchor = source[len(prefix) :].partition("#")
        name = unquote(name)  # the Linker's name, or the picture's own after a rename
        picture = self.pictures.get(name) or next((p for p in self.pictures.values() if p.name == name), None)
        if picture is None:
            return None
        return (self.html_prefix if html else prefix) + quote(picture.name) + hash_ + anchor, picture

    def rewrite_line(self, line: str, image_refs: set[str], labelled: dict) -> str:
        """The line with its Markdown images' new links and attributes. Their
        copies are linked from the built post; in a line a listing shows, the
        excerpt_srcset hook makes them right on each listing page."""
        srcset = self.html_prefix
        definition = REF_DEFINITION.match(line)
        if definition and definition["label"].casefold() in image_refs:
            if found := self.local(definition["src"].strip("<>"), html=False):
                return definition["lead"] + found[0] + line[definition.end() :]
        line = MD_IMAGE.sub(lambda m: self.markdown_image(m, srcset), line)
        line = REF_IMAGE.sub(lambda m: self.reference_image(m, labelled, srcset), line)
        for old, picture in self.pictures.items():  # plain links to a file that got a new name
            if old != picture.name and not re.fullmatch(REMOTE, old):
                for prefix in (self.markdown_prefix, self.html_prefix):
                    line = re.sub(re.escape(prefix + quote(old)) + r"(?=[)\s\"'#?>]|$)", prefix + quote(picture.name), line)
        return line

    def rewrite_html(self, body: list[str], outside_code: list[bool]) -> list[str]:
        """The body with each raw HTML image's tag written anew: its link, and
        what `attributes` adds. Links in raw HTML are relative to the post's
        built page, which MkDocs leaves alone (excerpt_srcset moves them on
        listing pages)."""
        text = "\n".join(body)
        for tag in reversed(HtmlImages(body, outside_code).found):
            if new := self.html_image(tag):
                text = text[: tag.start] + new + text[tag.end :]
        return text.split("\n")

    def reference_image(self, match: re.Match, labelled: dict, srcset: str | None) -> str:
        picture = labelled.get(match["label"].casefold() or match["alt"].casefold())
        if picture is None:
            return match[0]
        return f"![{match['alt']}][{match['label']}]" + attribute_list(match, picture, srcset)

    def markdown_image(self, match: re.Match, srcset: str | None) -> str:
        found = self.local(match["src"].strip("<>"), html=False)
        if found is None:
            return match[0]
        link, picture = found
        link = shown_link(link, picture, written(match["list"] or ""))
        return f"![{match['alt']}]({link}{match['title'] or ''})" + attribute_list(match, picture, srcset)

    def html_image(self, tag: HtmlImage) -> str | None:
        """The tag written anew, or None to leave it as written."""
        src = tag.attrs.get("src")
        found = self.local(src, html=True) if src else None
        if found is None:
            if src and not NOT_LOCAL.match(src) and not re.fullmatch(REMOTE, src):
                self.unplaced(tag, "its file is not one the post links with {static}")
            return None
        link, picture = found
        author = {key: value or "" for key, value in tag.attrs.items()}
        attrs = {**tag.attrs, "src": shown_link(link, picture, author)}
        attrs.update(attributes(author, picture, self.html_prefix))
        written_attrs = " ".join(key if value is None else f'{key}="{html.escape(value)}"' for key, value in attrs.items())
        return f"<img {written_attrs}{' /' if tag.closed else ''}>"


def variant_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w{path.suffix}"))


def written(text: str) -> dict[str, str]:
    """The width, height, srcset and sizes an author wrote in a tag or an attribute list."""
    return {m["key"].lower(): next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None) for m in ATTRIBUTE.finditer(text)}


def declarations(style: str) -> dict[str, str]:
    """A style attribute's declarations, by property (the last one of a name), as written."""
    found = {}
    for item in tinycss2.parse_blocks_contents(style, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration":
            found[item.lower_name] = tinycss2.serialize(item.value).strip()
    return found


def shown_size(author: dict[str, str], size: tuple[int, int]) -> tuple[int, int] | None:
    """The CSS px an image of `size` is shown at, as its `author` wrote it:
    the style's width, height, max-width and max-height over the width and
    height attributes, the missing one keeping the file's shape; the file's
    own size when none is given; None when one is in other units (a share
    of the column, which no file size tells)."""
    width, height = size
    style = declarations(author.get("style", ""))
    px = {}
    for key in ("width", "height", "max-width", "max-height"):
        value = style.get(key, author.get(key) if key in ("width", "height") else None)
        if value is None or value.strip().lower() in ("", "auto", "none"):
            continue
        if not (match := PIXELS.match(value)):
            return None
        px[key] = int(match[1])
    if not (width and height):
        return None
    shown_width, shown_height = px.get("width"), px.get("height")
    if shown_width is None and shown_height is None:
        shown_width, shown_height = width, height
    elif shown_width is None:
        shown_width = round(shown_height * width / height)
    elif shown_height is None:
        shown_height = round(shown_width * height / width)
    scale = min(1, px.get("max-width", shown_width) / max(1, shown_width), px.get("max-height", shown_height) / max(1, shown_height))
    return max(1, round(shown_width * scale)), max(1, round(shown_height * scale))


def widest_shown(written_as: list[dict[str, str]], size: tuple[int, int] | None) -> int | None:
    """The widest, in CSS px, an image file is shown at by the images that
    show it, or None when one of them does not say (or the file is unread)."""
    boxes = [shown_size(author, size) if size else None for author in written_as]
    return None if not boxes or None in boxes else max(box[0] for box in boxes)


def fetched(picture: Picture, box: tuple[int, int] | None) -> list[tuple[str, int]]:
    """The files an image may be fetched as, narrowest first, with their
    widths: its copies and the full file, up to the first that is as wide as
    `widest` asks for the width it is shown at (a file kept whole for a link
    to open it full size is not what its image needs)."""
    files = [(picture.names[width], width) for width in sorted(picture.names)]
    files.append((picture.name, picture.size[0] if picture.size else 0))
    if box and picture.size:
        enough = next((i for i, (_, width) in enumerate(files) if width >= widest(box[0])), len(files) - 1)
        files = files[: enough + 1]
    return files


def shown_link(link: str, picture: Picture, author: dict[str, str]) -> str:
    """An image's link to its file, made a link to the copy `fetched` ends
    with when its full file is more than it needs."""
    name = fetched(picture, shown_size(author, picture.size) if picture.size else None)[-1][0]
    head, found, tail = link.rpartition(quote(picture.name))
    return head + quote(name) + tail if found and name != picture.name else link


def attributes(author: dict[str, str], picture: Picture, srcset: str | None) -> dict[str, str]:
    """What an image needs besides what its `author` wrote: the width and
    height it is shown at (so the page does not shift as it loads), and
    its copies as a srcset of links under `srcset`, with sizes."""
    found = {}
    box = shown_size(author, picture.size) if picture.size else None
    if box:
        found = {"width": str(box[0]), "height": str(box[1])}
    files = fetched(picture, box)
    if len(files) > 1 and picture.size and srcset is not None and not {"srcset", "sizes"} & set(author):
        found["srcset"] = ", ".join(f"{srcset}{quote(name)} {width}w" for name, width in files)
        if box and box[0] <= COLUMN:  # shown at its width, or the column's on a narrower phone
            found["sizes"] = f"(max-width: {box[0] + 32}px) calc(100vw - 32px), {box[0]}px"
        else:
            found["sizes"] = SIZES
    return found


def amend(text: str, found: dict[str, str]) -> str:
    """`text` (a tag less its end, or an attribute list's inside) with the
    `found` attributes replacing the author's of the same name, the others added."""
    left = dict(found)

    def replace(match: re.Match) -> str:
        key = match["key"].lower()
        return f'{key}="{left.pop(key)}"' if key in left else match[0]

    text = ATTRIBUTE.sub(replace, text)
    return text.rstrip() + "".join(f' {key}="{value}"' for key, value in left.items())


def attribute_list(match: re.Match, picture: Picture, srcset: str | None) -> str:
    """A Markdown image's attribute list: the author's amended, or a new one."""
    if match["attrs"] and match["list"] is None:  # not closed on its line: left as it is
        return match["attrs"]
    inside = match["list"] or ""
    found = attributes(written(inside), picture, srcset)
    if not found:
        return match["attrs"] or ""
    return "{" + amend(inside if inside.strip() else "", found) + " }"


def code_lines(body: list[str]) -> list[bool]:
    fence, flags = None, []
    for line in body:
        in_code, fence = fence_state(fence, line)
        flags.append(in_code)
    return flags


def prepare(post: Post, site: Site, body: list[str], copies: dict[str, Path], localize: bool) -> PostImages:
    """The post's body with its images localized and sized, the files to
    write into its image folder, and what was done or left."""
    return Images(post, site, copies, localize).prepare(body)


def heaviest(weights: list[tuple[str, int, int]], top: int = 3) -> str | None:
    """One line naming the `top` posts heaviest in images, before -> after."""
    ranked = sorted((w for w in weights if w[1]), key=lambda w: (-w[1], w[0]))[:top]
    if not ranked:
        return None
    return "heaviest posts (images): " + ", ".join(
        f"{path} {size_text(before)} -> {size_text(after)}" for path, before, after in ranked
    )
