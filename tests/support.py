"""What the tests and the benches share: the pages readers open, the screens
they read them on, building the site as a user does, and serving it as GitHub
Pages does. Standard library only, so that bench scripts can import it."""

import email.utils
import gzip
import hashlib
import importlib.util
import os
import subprocess
import sys
import shutil
import threading
import venv
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from importlib.resources import files

from tools.chromium import FLAGS as CHROMIUM_FLAGS, find_chromium  # noqa: F401 (shared from here)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the project's venv: mkdocs, lychee, ...
VENV = BIN.parent
# The article's address under the site, and the file it is written to.
ARTICLE_URL = "blog/2021/machine-learning-pycon/"
ARTICLE = ARTICLE_URL + "index.html"


def current_edition(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The year of the current edition, as mkdocs.yml names it (`extra.editions.current`)."""
    import re  # noqa: PLC0415

    found = re.search(r"^  editions:\n(?:    .*\n|\s*#.*\n)*?    current: (\d{4})$", config_file.read_text(encoding="utf-8"), re.MULTILINE)
    if not found:
        raise LookupError(f"{config_file}: no extra.editions.current")
    return found[1]


def edition_years(config_file: Path = ROOT / "mkdocs.yml") -> list[int]:
    """Every edition's year, as mkdocs.yml lists them (`extra.editions.all`)."""
    import re  # noqa: PLC0415

    found = re.search(r"^    all: \[([0-9, ]+)\]$", config_file.read_text(encoding="utf-8"), re.MULTILINE)
    if not found:
        raise LookupError(f"{config_file}: no extra.editions.all")
    return [int(year) for year in found[1].split(",")]


EDITION = current_edition()

# The pages a reader opens, by name, relative to the site's address.
PAGES = {
    "home": "",
    "blog index": "blog/",
    "article": ARTICLE_URL,
    "archive": "blog/archive/2021/",
    "category": "blog/category/2021/",
    "author": "blog/author/pycon-india-content-team/",
    "404": "no-such-page/",
    # The current edition's kinds of page: made from docs/<year>/*.yml.
    "edition": f"{EDITION}/",
    "schedule": f"{EDITION}/schedule/",
    "my schedule": f"{EDITION}/my-schedule/",
    "session": f"{EDITION}/sessions/path-to-pythonic/",
    "keynote": f"{EDITION}/sessions/keynote-alolita-sharma/",
    "speaker": f"{EDITION}/speakers/alolita-sharma/",
    "speakers": f"{EDITION}/speakers/",
    "recordings": f"{EDITION}/recordings/",
    "tickets": f"{EDITION}/tickets/",
    "sponsors": f"{EDITION}/sponsors/",
    "code of conduct": f"{EDITION}/code-of-conduct/",
    "faq": f"{EDITION}/faq/",
}
# axe-core as axe-playwright-python ships it, and the rules it runs: WCAG 2.x A and AA, best practice.
AXE_SCRIPT = files("axe_playwright_python") / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}

# Build configurations other than mkdocs.yml: small files that inherit it.
VARIANTS = {
    "untrimmed css": ROOT / "mkdocs-untrimmed-css.yml",
    "without build hooks": ROOT / "mkdocs-without-build-hooks.yml",
    "bench scale": ROOT / "mkdocs-bench-scale.yml",
}

# MkDocs 2 notices from Material and properdocs, on every run: silenced.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_build(
    project: Path, site_dir: Path, *, config_file: Path | None = None, env: dict | None = None, strict: bool = True,
):
    """Run `mkdocs build --strict` as a user would (never with the quiet or verbose flags: they
    let warnings pass), and return the finished process. Only a bench that
    looks past a failed build asks for strict=False."""
    command = [BIN / "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", site_dir]
    if config_file:
        command += ["--config-file", config_file]
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, env={**os.environ, **QUIET, **(env or {})}
    )


def load_hook(name: str):
    """A fresh copy of the hook overrides/hooks/<part>/<name>.py, loaded as MkDocs loads it."""
    (path,) = (ROOT / "overrides" / "hooks").glob(f"*/{name}.py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # as MkDocs does: hooks import their neighbours (site_rules)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


# GitHub Pages compresses text; images other than SVG go as they are.
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
CACHE_SECONDS = 600


class PagesHandler(SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: gzip on text types, a ten-minute
    cache with validators, a redirect from a folder to its slash, and the site's
    own 404 page for a missing path."""

    not_found_page: Path
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml"}

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.respond(head=False)

    def do_HEAD(self):
        self.respond(head=True)

    def respond(self, head: bool):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            return self.send_body(404, self.not_found_page, head)
        stat = path.stat()
        etag = '"%s"' % hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
            self.end_headers()
            return
        self.send_body(200, path, head, etag, email.utils.formatdate(stat.st_mtime, usegmt=True))

    def send_body(self, status: int, path: Path, head: bool, etag=None, last_modified=None):
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        compress = ctype.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if etag:
            self.send_header("ETag", etag)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        self.end_headers()
        if not head:
            self.wfile.write(body)


class PagesServer(ThreadingHTTPServer):
    def url(self, path: str = "/") -> str:
        """The address of `path` on this server, e.g. http://127.0.0.1:PORT/pycon-india-2021/."""
        return f"http://127.0.0.1:{self.server_port}{path}"


def serve(webroot: Path, not_found_page: Path) -> PagesServer:
    """Serve `webroot` on 127.0.0.1 in a background thread until `.shutdown()`."""
    handler = type("Handler", (PagesHandler,), {"not_found_page": not_found_page})
    server = PagesServer(("127.0.0.1", 0), partial(handler, directory=str(webroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Pelican and the Markdown it converts with, pinned: the benches' reference, in its own venv.
PELICAN_PINS = ["pelican==4.12.0", "markdown==3.11.3"]
PELICAN_VENV = ROOT / "bench" / ".cache" / "pelican-venv"


def pelican_venv(folder: Path = PELICAN_VENV, pins: list[str] = PELICAN_PINS) -> Path:
    """A venv of a pinned Pelican (the benches' reference by default), made on first use and again when the pins change."""
    stamp = folder / ".pins"
    if not stamp.exists() or stamp.read_text() != " ".join(pins):
        print(f"Installing {' '.join(pins)} into {folder} ...", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        venv.create(folder, with_pip=True)
        subprocess.run([folder / "bin" / "python", "-m", "pip", "install", "--quiet", *pins], check=True)
        stamp.write_text(" ".join(pins))
    return folder
