"""The one record shape every stage of the importer passes on: a Pelican
source as read (headers, body), and the post made from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


class ImportFailed(Exception):
    """A file that cannot be imported; the message says why."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass
class Header:
    value: str
    line: int
    name: str  # as spelled in the source


@dataclass
class Source:
    path: Path  # the file on disk
    rel: str  # posix path under SRC: identifies the source between runs
    shown: str  # how messages name it
    is_rst: bool
    headers: dict[str, Header]
    body: list[str]
    body_line: int  # line number of body[0] in the file


@dataclass
class Post:
    source: Source
    title: str
    created: datetime
    updated: datetime | None
    authors: list[str]
    category: str | None
    tags: list[str]
    wanted_slug: str
    slug: str
    pelican_slug: str  # as the old blog wrote it in addresses, `&` and all
    summary: str | None
    status: str | None
    lang: str | None
    extra: dict[str, str]
    old_urls: list[str] = field(default_factory=list)
    redirected: bool = False
    translation: bool = False  # another language's version of a post with the same slug, as Pelican pairs them
    stem: str = ""  # the file's name under posts/ and images/, when it cannot be the slug

    @property
    def file_stem(self) -> str:
        return self.stem or self.slug

    @property
    def draft(self) -> bool:
        return self.status not in (None, "published")

    @property
    def slug_line(self) -> int:
        header = self.source.headers.get("slug") or self.source.headers["title"]
        return header.line

    @property
    def categories(self) -> list[str]:
        return [self.category] if self.category else []
