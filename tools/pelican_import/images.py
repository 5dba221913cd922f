"""A post's images made ready for readers' phones, after its links are
rewritten: remote images downloaded into its image folder (--localize-images)
or reported, every local image given its width and height (no layout shift
as it loads), and rasters much wider than the content column downscaled and
recompressed. Each raster also gets smaller copies beside it (`srcset`), so
a phone fetches one near its screen's width. `prepare` does it for one post;
`heaviest` says which posts weigh most in images, before and after."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from PIL import Image

from tools.markdown_links import fence_state
from tools.pelican_import.body import MORE
from tools.pelican_import.links import relative_url
from tools.pelican_import.pictures import Picture, Refused, download, file_name, optimize, size_text, unique
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
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
SRC_ATTRIBUTE = re.compile(r"""(?P<lead>\bsrc\s*=\s*)(?P<q>["']?)(?P<src>(?(q)(?:(?!(?P=q)).)*|[^\s>]+))(?P=q)""", re.IGNORECASE)
# width=, height=, srcset= or sizes= with its value, in a tag or an attribute list.
ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?P<key>width|height|srcset|sizes)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>}]+))""",
    re.IGNORECASE,
)
PIXELS = re.compile(r"^\s*(\d+)\s*(?:px)?\s*$", re.IGNORECASE)


@dataclass
class PostImages:
    """What `prepare` made of one post's images."""

    body: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # to write into DEST/images/<slug>/
    problems: list[Problem] = field(default_factory=list)
    before: int = 0  # bytes of its images as the old blog served them (downloads included)
    after: int = 0  # bytes as the site serves them


class Images:
    """One post's images, found in its body after the Linker's rewrite."""

    def __init__(self, post: Post, site: Site, copies: dict[str, Path], localize: bool):
        self.post = post
        self.copies = copies
        self.localize = localize
        self.markdown_prefix = f"../images/{post.file_stem}/"
        self.html_prefix = relative_url(f"{site.rules.blog_dir}/images/{post.file_stem}/", site.post_page(post))
        self.pictures: dict[str, Picture] = {}  # by the name the Linker gave, or by remote URL
        self.result = PostImages([])

    def prepare(self, body: list[str]) -> PostImages:
        outside_code = [not in_code for in_code in code_lines(body)]
        text = [line for line, keep in zip(body, outside_code) if keep]
        image_refs = {m["label"].casefold() or m["alt"].casefold() for line in text for m in REF_IMAGE.finditer(line)}
        for line in text:
            for source in self.image_sources(line, image_refs):
                self.picture(source)
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
        listed = listed_lines(body) if not self.post.summary else [False] * len(body)
        self.result.body = [
            self.rewrite_line(line, image_refs, labelled, in_listing) if keep else line
            for line, keep, in_listing in zip(body, outside_code, listed)
        ]
        return self.result

    def image_sources(self, line: str, image_refs: set[str]) -> list[str]:
        found = [m["src"].strip("<>") for m in MD_IMAGE.finditer(line)]
        found += [m["src"] for tag in HTML_IMG.findall(line) if (m := SRC_ATTRIBUTE.search(tag))]
        if (m := REF_DEFINITION.match(line)) and m["label"].casefold() in image_refs:
            found.append(m["src"].strip("<>"))
        return found

    def picture(self, source: str) -> None:
        """Note the image `source` names: a local file the Linker copies, or a remote URL."""
        if source in self.pictures:
            return
        if re.fullmatch(REMOTE, source):
            self.remote(source)
            return
        for prefix in (self.markdown_prefix, self.html_prefix):
            name = unquote(source[len(prefix) :].split("#")[0]) if source.startswith(prefix) else None
            if name in self.copies and name not in self.pictures:
                data = self.copies[name].read_bytes()
                picture = optimize(name, data)
                if picture.name != name:
                    picture.name = unique(picture.name, set(self.copies) | {p.name for p in self.pictures.values()})
                self.pictures[name] = picture
                self.result.before += len(data)
                self.result.after += len(picture.data)

    def remote(self, url: str) -> None:
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
        picture = optimize(name, data)
        if picture.name != name:  # re-encoded as another format
            picture.name = unique(picture.name, taken)
        self.pictures[url] = picture
        self.result.before += len(data)
        self.result.after += len(picture.data)
        reason = f"downloaded {url} to images/{self.post.file_stem}/{picture.name}"
        self.result.problems.append(fixed(self.post.source, line, reason, "remote image downloaded"))

    def source_line(self, text: str) -> int:
        source = self.post.source
        return next((source.body_line + i for i, line in enumerate(source.body) if text in line), source.body_line)

    def local(self, source: str, html: bool) -> tuple[str, Picture] | None:
        """The new link and the picture of an image the post shows, if it is one of its own."""
        picture = self.pictures.get(source)
        if picture is None:
            for prefix in (self.markdown_prefix, self.html_prefix):
                if source.startswith(prefix):
                    name, hash_, anchor = source[len(prefix) :].partition("#")
                    picture = self.pictures.get(unquote(name))
                    if picture is not None:
                        source = prefix + quote(picture.name) + hash_ + anchor
                    break
            else:
                return None
            if picture is None:
                return None
            return source, picture
        return (self.html_prefix if html else self.markdown_prefix) + quote(picture.name), picture

    def rewrite_line(self, line: str, image_refs: set[str], labelled: dict, in_listing: bool) -> str:
        """The line with its images' new links and attributes. Their copies
        are linked from the built post; in a line a listing shows, the
        excerpt_srcset hook makes a Markdown image's links right on each
        listing page, but nothing rewrites raw HTML: an <img> there gets none."""
        srcset, html_srcset = self.html_prefix, None if in_listing else self.html_prefix
        definition = REF_DEFINITION.match(line)
        if definition and definition["label"].casefold() in image_refs:
            if found := self.local(definition["src"].strip("<>"), html=False):
                return definition["lead"] + found[0] + line[definition.end() :]
        line = MD_IMAGE.sub(lambda m: self.markdown_image(m, srcset), line)
        line = REF_IMAGE.sub(lambda m: self.reference_image(m, labelled, srcset), line)
        line = HTML_IMG.sub(lambda m: self.html_image(m, html_srcset), line)
        for old, picture in self.pictures.items():  # plain links to a file that got a new name
            if old != picture.name and not re.fullmatch(REMOTE, old):
                for prefix in (self.markdown_prefix, self.html_prefix):
                    line = re.sub(re.escape(prefix + quote(old)) + r"(?=[)\s\"'#?>]|$)", prefix + quote(picture.name), line)
        return line

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
        return f"![{match['alt']}]({link}{match['title'] or ''})" + attribute_list(match, picture, srcset)

    def html_image(self, match: re.Match, srcset: str | None) -> str:
        tag = match[0]
        src = SRC_ATTRIBUTE.search(tag)
        found = self.local(src["src"], html=True) if src else None
        if found is None:
            return tag
        link, picture = found
        tag = tag[: src.start()] + f'{src["lead"]}"{link}"' + tag[src.end() :]
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return amend(tag[:end], attributes(written(tag), picture, srcset)) + tag[end:]


def variant_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w{path.suffix}"))


def written(text: str) -> dict[str, str]:
    """The width, height, srcset and sizes an author wrote in a tag or an attribute list."""
    return {m["key"].lower(): next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None) for m in ATTRIBUTE.finditer(text)}


def attributes(author: dict[str, str], picture: Picture, srcset: str | None) -> dict[str, str]:
    """What an image needs besides what its `author` wrote: its width and
    height (the file's, or the one missing from a width or height in px,
    keeping the file's shape, so the page does not shift as it loads), and
    its copies as a srcset of links under `srcset`, with sizes."""
    found = {}
    if picture.size:
        width, height = picture.size
        shown_width, shown_height = (PIXELS.match(author.get(key, "")) for key in ("width", "height"))
        if "width" not in author and "height" not in author:
            found = {"width": str(width), "height": str(height)}
        elif shown_width and "height" not in author:
            shown = int(shown_width[1])
            found = {"width": str(shown), "height": str(round(shown * height / width))}
        elif shown_height and "width" not in author:
            shown = int(shown_height[1])
            found = {"width": str(round(shown * width / height)), "height": str(shown)}
    if picture.names and picture.size and srcset is not None and not {"srcset", "sizes"} & set(author):
        links = [f"{srcset}{quote(picture.names[w])} {w}w" for w in sorted(picture.names)]
        found["srcset"] = ", ".join([*links, f"{srcset}{quote(picture.name)} {picture.size[0]}w"])
        shown = PIXELS.match(found.get("width") or author.get("width", ""))
        if shown and int(shown[1]) <= COLUMN:  # shown at its width, or the column's on a narrower phone
            found["sizes"] = f"(max-width: {int(shown[1]) + 32}px) calc(100vw - 32px), {int(shown[1])}px"
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


def listed_lines(body: list[str]) -> list[bool]:
    """Which lines a listing shows for a post without a summary: those
    above its `<!-- more -->`, or all when it has none."""
    marker = next((i for i, line in enumerate(body) if MORE.search(line)), len(body))
    return [i < marker for i in range(len(body))]


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
