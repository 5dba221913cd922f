"""Writing the import: post files and their copied images, new authors
appended to .authors.yml, and the manifest of which source each post came
from. A file is written only when its bytes change."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from tqdm import tqdm

from tools.pelican_import.front_matter import yaml_scalar
from tools.pelican_import.reader import author_id, read_text
from tools.pelican_import.site import Site

MANIFEST = ".pelican-import.yml"


class Authors:
    """The blog's authors: those in .authors.yml, and the ones to add."""

    def __init__(self, path: Path, site: Site):
        self.path = path
        self.site = site
        self.text = read_text(path) if path.is_file() else ""
        self.data = (yaml.safe_load(self.text) or {}) if self.text.strip() else {}
        existing = self.data.get("authors") or {}
        self.known = set(existing)
        self.added: dict[str, str] = {}
        # New authors look like the existing ones; the theme's logo otherwise.
        avatars = [entry["avatar"] for entry in existing.values() if isinstance(entry, dict) and entry.get("avatar")]
        self.avatar = avatars[0] if avatars else site.avatar

    def id_for(self, name: str) -> str:
        ident = author_id(name)
        if ident not in self.known and ident not in self.added:
            self.added[ident] = " ".join(name.split())  # the first spelling seen names the author
        return ident

    def merged_text(self) -> str:
        """The file with the new authors appended; existing entries, comments
        and all, are kept as they are."""
        entries = {
            ident: {"name": name, "description": f"Author on the {self.site.name} blog", "avatar": self.avatar}
            for ident, name in self.added.items()
        }
        block = yaml.safe_dump({"authors": entries}, sort_keys=False, allow_unicode=True, width=1000)
        expected = {**self.data, "authors": {**(self.data.get("authors") or {}), **entries}}
        if self.text.strip():
            appended = self.text.rstrip("\n") + "\n" + block.split("\n", 1)[1]
            try:
                if yaml.safe_load(appended) == expected:
                    return appended
            except yaml.YAMLError:
                pass
        header = "# Authors of the blog, declared once and referred to by id in each post.\n"
        return header + yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, width=1000)


def read_manifest(path: Path) -> dict[str, str]:
    """Which source each post file (by slug) was imported from."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(read_text(path)) or {}
    posts = data.get("posts") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in posts.items()} if isinstance(posts, dict) else {}


def manifest_text(entries: dict[str, str]) -> str:
    lines = [
        "# Written by tools/pelican_import: the Pelican source of each imported",
        "# post, so that importing again overwrites it instead of adding a copy.",
        "posts:",
    ]
    lines += [f"  {yaml_scalar(slug)}: {yaml_scalar(entries[slug])}" for slug in sorted(entries)]
    return "\n".join(lines) + "\n"



class Writer:
    """Writes a file only when its bytes change; in a dry run, says what it would write."""

    def __init__(self, dry_run: bool):
        self.dry_run = dry_run

    def write(self, path: Path, data: bytes) -> bool:
        if path.is_file() and path.read_bytes() == data:
            return False
        if self.dry_run:
            tqdm.write(f"would write {path}", file=sys.stdout)
            return True
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return True
