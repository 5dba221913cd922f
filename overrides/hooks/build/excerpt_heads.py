"""Convert only the part of a post that its excerpt shows.

A post without a `description` is shown in listings by its excerpt: its
Markdown up to `<!-- more -->`. Material's blog plugin converts the whole post
for each listing that shows it (blog index, archive, category and author
pages), then cuts the HTML at the separator. The importer puts the
separator after a post's first paragraph, so most of that work is thrown
away: a tenth of the build with a few hundred posts (issue 9).

This hook converts the Markdown up to the separator, followed by the post's
reference-style link definitions (they may stand further down), with the
excerpt's own parser: the same HTML above the separator. What comes below
it, the excerpt's `more`, is converted only if a template prints it; our
listing template only asks whether there is any, to offer "Continue
reading", and there is.

The post is left to Material's way when the cut could change what the part
above it reads: Markdown extensions other than the site's, a separator that
is not alone on its line after a blank one, code, HTML or lists above it, a
top-level heading below it (it would be in the excerpt's table of contents),
or nothing but link definitions below it.
"""

import re
import sys
from pathlib import Path

from material.plugins.blog.structure import Excerpt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
import summary_excerpts  # noqa: F401 (on load it fails the build if Excerpt.render has changed)
from site_rules import is_post  # noqa: E402

# The extensions this site converts posts with (MkDocs adds the first three).
KNOWN_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"}
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
REFERENCE_TITLE = re.compile(r"^\s+[\"'(]")
# Lines above the separator that could open a block the cut would break.
RISKY_HEAD = re.compile(r"^(?: {4}|\t| {0,3}(?:```|~~~|<|>|!!!|[-*+] |\d+[.)] ))")
TOP_HEADING = re.compile(r"^(?:# |=+\s*$)")


def cut(markdown: str, separator: str) -> tuple[str, str] | None:
    """The Markdown above the separator, the separator included, and the
    link definitions below it; None when cutting there is not safe."""
    lines = markdown.split("\n")
    at = next((n for n, line in enumerate(lines) if line.rstrip() == separator), None)
    if at is None or markdown.find(separator) != sum(len(line) + 1 for line in lines[:at]):
        return None
    head, rest = lines[:at], lines[at + 1:]
    if (head and head[-1].strip()) or any(RISKY_HEAD.match(line) for line in head):
        return None
    if any(TOP_HEADING.match(line) for line in rest):
        return None
    references, text = [], False
    for n, line in enumerate(rest):
        if REFERENCE.match(line) or (references and references[-1] == rest[n - 1] and REFERENCE_TITLE.match(line)):
            references.append(line)
        elif line.strip():
            text = True
    if not text:
        return None
    return "\n".join([*head, separator]), "\n".join(references)


class More:
    """The excerpt's part below the separator: there is some, and it is
    converted, the whole post with it, only if a template prints it."""

    def __init__(self, excerpt: "HeadExcerpt", page: Page, separator: str):
        self.excerpt, self.page, self.separator = excerpt, page, separator

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        Excerpt.render(self.excerpt, self.page, self.separator)  # Material's way: content, more and toc anew
        return self.excerpt.more

    def __len__(self) -> int:
        return len(str(self))


class HeadExcerpt(Excerpt):
    def render(self, page: Page, separator: str):
        parts = cut(self.post.markdown, separator)
        if parts is None:
            return super().render(page, separator)
        head, references = parts
        title = "" if self.post._title_from_render else f"# {self.post.title}\n\n"
        self.file.url = page.url
        processor = self.md.treeprocessors[self.md.treeprocessors.get_index_for_name("excerpt")]
        processor.base = page
        self.markdown = title + self.post.markdown  # what Material's render leaves here
        html = self.md.convert(title + head + ("\n\n" + references if references else ""))
        self.toc = get_toc(getattr(self.md, "toc_tokens", []))
        self.file.url = self.post.url
        if separator not in html:
            return super().render(page, separator)
        self.content = html.split(separator, 1)[0]
        self.more = More(self, page, separator)


# After the blog plugin (-50) has given the post its excerpt.
@event_priority(-60)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    excerpt = getattr(page, "excerpt", None)
    if (
        is_post(page)
        and type(excerpt) is Excerpt
        and not page.meta.get("description")
        and set(config.markdown_extensions) <= KNOWN_EXTENSIONS
    ):
        excerpt.__class__ = HeadExcerpt
    return markdown
