"""Read a post in the old Pelican blog's Markdown format: headers, then body."""

from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from tests.html import text_of
from tools.pelican_import.reader import parse_md_headers, read_text


@dataclass
class PelicanPost:
    headers: dict[str, str]
    body: str

    @classmethod
    def read(cls, path: Path) -> "PelicanPost":
        """As the importer reads it: the same headers, the same body."""
        lines = read_text(path).split("\n")
        headers, start = parse_md_headers(lines)
        return cls({key: header.value for key, header in headers.items()}, "\n".join(lines[start:]))

    @property
    def html(self) -> BeautifulSoup:
        return BeautifulSoup(markdown.markdown(self.body), "lxml")

    def text_blocks(self) -> list[tuple[str, str]]:
        """(tag, text) for each heading, paragraph and list item of the body,
        leaving out paragraphs that hold an image: the figure is checked apart."""
        return [
            (block.name, text_of(block))
            for block in self.html.find_all(["h1", "h2", "h3", "p", "li"])
            if not block.find("img") and text_of(block)
        ]

    def links(self) -> list[tuple[str, str]]:
        return [(text_of(a), a["href"]) for a in self.html.find_all("a", href=True)]

    def images(self):
        return self.html.find_all("img")
