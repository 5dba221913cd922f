"""Convert a post's excerpt only when a listing shows it.

Material's blog plugin renders each post's excerpt again for every listing
that shows the post (blog index, archive, category page), converting the
post's whole Markdown each time: three conversions per post on top of the
post's own. Our listing template (overrides/partials/post.html) shows the
post's `description` instead of the excerpt when it has one, and then reads
only the first entry of the excerpt's table of contents (the title's id, for
the heading's anchor), which the blog plugin also adds to the listing's
table of contents.

For a post with a `description`, this hook's excerpt converts only the title
heading, the first line of the Markdown the plugin would convert, once, with
the excerpt's own parser (same extensions and settings), which gives the
same first entry. The excerpt's `content` and `more` are converted as the
plugin does, for that listing, only if a template reads them: a template
that shows them still gets them, at the old cost. Posts without a
description, or whose excerpt does not start with an ATX `# ` heading, are
rendered by the plugin as before.

It follows Material 9.8.2's `Excerpt.render(page, separator)`; on load it
checks that the method still takes those arguments and still uses what this
hook sets and reads, and fails the build, naming what is gone, if not.
"""

import inspect
import sys
from pathlib import Path

from material.plugins.blog.structure import Excerpt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import is_post  # noqa: E402

# What Excerpt.render uses that this hook also sets or reads: the excerpt
# treeprocessor's name, the post's title rule, the excerpt's URL and outputs.
RENDER_USES = {"excerpt", "_title_from_render", "title", "markdown", "url", "content", "more", "toc", "toc_tokens"}


def material_changes() -> list[str]:
    render = getattr(Excerpt, "render", None)
    if render is None:
        return ["Excerpt.render"]
    found = []
    if list(inspect.signature(render).parameters) != ["self", "page", "separator"]:
        found.append(f"Excerpt.render(self, page, separator): it is now render{inspect.signature(render)}")
    used = set(render.__code__.co_names) | {c for c in render.__code__.co_consts if isinstance(c, str)}
    found += [f"use of '{name}' in Excerpt.render" for name in sorted(RENDER_USES - used)]
    return found


if material_changes():
    raise PluginError(
        "summary_excerpts.py: Material's blog plugin has changed what this hook follows; no "
        + ", no ".join(material_changes())
    )


def title_line(excerpt: Excerpt) -> str | None:
    """The first line of the Markdown the plugin would convert, when it is
    the title as an ATX heading."""
    post = excerpt.post
    markdown = post.markdown if post._title_from_render else f"# {post.title}\n\n{post.markdown}"
    first = markdown.lstrip("\n").split("\n", 1)[0]
    return first if first.startswith("# ") else None


class LazyExcerpt(Excerpt):
    """An excerpt whose table of contents comes from its title line and whose
    content is converted when first read."""

    _title_tokens = None  # the title line's table of contents, converted once
    _pending = None  # (view, separator) of a render not converted yet

    def render(self, page: Page, separator: str):
        line = title_line(self)
        if line is None:
            self._pending = None
            return super().render(page, separator)
        if self._title_tokens is None:
            self.file.url = page.url
            processor = self.md.treeprocessors[self.md.treeprocessors.get_index_for_name("excerpt")]
            processor.base = page
            self.md.convert(line)
            self._title_tokens = getattr(self.md, "toc_tokens", [])
            self.file.url = self.post.url
        self.toc = get_toc(self._title_tokens)
        self._pending = (page, separator)
        self.__dict__["content"] = self.__dict__["more"] = None

    def _convert_pending(self):
        if self._pending:
            page, separator = self._pending
            self._pending = None
            super().render(page, separator)

    @property
    def content(self):
        self._convert_pending()
        return self.__dict__.get("content")

    @content.setter
    def content(self, value):
        self.__dict__["content"] = value

    @property
    def more(self):
        self._convert_pending()
        return self.__dict__.get("more")

    @more.setter
    def more(self, value):
        self.__dict__["more"] = value


# After the blog plugin (-50) has given the post its excerpt.
@event_priority(-60)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    excerpt = getattr(page, "excerpt", None)
    if is_post(page) and type(excerpt) is Excerpt and page.meta.get("description"):
        excerpt.__class__ = LazyExcerpt
    return markdown
