"""Answer the addresses an edition's pages had before editions had folders
of their own (`old_folder` in its edition.yml: 2021's pages were under
`programme/`) with a redirect page each, and their share pictures, so that
no published link or link preview breaks. The calendar files stay where
they were (programme_calendar.py).
"""

from __future__ import annotations

import posixpath
import shutil
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from programme_data import Programme, for_build

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site_rules.py, the rules every part asks, is in overrides/hooks/
from site_rules import redirect_page  # noqa: E402

_files: dict[str, Files] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _files["files"] = files
    return files


def old_pages(programme: Programme, files: Files) -> dict[str, object]:
    """Each old address (`programme/schedule/index.html`) with the page now answering it. The
    edition's own home is new: nothing was at the old folder's top."""
    out = {}
    for file in files.documentation_pages():
        if file.src_uri.startswith(programme.folder + "/") and file.src_uri != programme.home_uri():
            out[posixpath.join(programme.facts.old_folder, file.dest_uri.removeprefix(programme.folder + "/"))] = file.page
    return out


def on_post_build(*, config: MkDocsConfig) -> None:
    files = _files["files"]
    site = Path(config.site_dir)
    published = {file.dest_uri for file in files}
    for programme in for_build(config).all:
        if not programme.facts.old_folder:
            continue
        for path, page in old_pages(programme, files).items():
            if path in published:
                raise PluginError(f"old_addresses.py: {programme.file('edition.yml')}: old_folder: the old address '{path}' "
                                  "is a page of the site now")
            target = posixpath.relpath(page.url, posixpath.dirname(path))
            target += "/" if page.url.endswith("/") else ""
            dest = site / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(redirect_page(page.title, target, page.canonical_url, what="page"), encoding="utf-8")
            # A link preview made before the move still finds its picture (share_images.py draws it beside the page).
            card = site / page.file.dest_uri.removesuffix("index.html") / "share.png"
            if dest.name == "index.html" and card.is_file():
                shutil.copyfile(card, dest.with_name("share.png"))
