"""Read a post in the old Pelican blog's Markdown format: headers, then body."""

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from tests.html import text_of

HEADER = re.compile(r"^(?P<key>[A-Za-z][\w-]*):\s*(?P<value>.*)$")


@dataclass
class PelicanPost:
    headers: dict[str, str]
    body: str

    @classmethod
    def read(cls, path: Path) -> "PelicanPost":
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        headers = {}
        while lines and (match := HEADER.match(lines[0])):
            headers[match["key"].lower()] = match["value"].strip()
            lines.pop(0)
        return cls(headers, "\n".join(lines))

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
