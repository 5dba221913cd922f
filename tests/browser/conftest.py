"""Browser fixtures: the built site served under a sub-path on 127.0.0.1, as
GitHub Pages serves a project site, and a real Chromium driven by Playwright.

Chromium is Debian's (`/usr/bin/chromium`) or Playwright's own. With CI=true
a missing browser fails the run; elsewhere the browser tests skip and say how
to get one.
"""

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ARTICLE, ROOT

# Keep Chromium quiet and off the network: every host but 127.0.0.1 fails to resolve.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

PAGES = {
    "home": "",
    "blog index": "blog/",
    "article": ARTICLE.removesuffix("index.html"),
    "archive": "blog/archive/2021/",
    "category": "blog/category/2021/",
    "author": "blog/author/pycon-india-content-team/",
    "404": "no-such-page/",
}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_SCRIPT = files("axe_playwright_python") / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def find_chromium(browser_type) -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    own = browser_type.executable_path  # Playwright's download, if `playwright install` ran
    return own if Path(own).exists() else None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_type):
    chromium = find_chromium(browser_type)
    if chromium is None:
        reason = (
            "no Chromium for the browser tests: install Debian's (apt-get install chromium) "
            "or Playwright's (.venv/bin/playwright install chromium)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, answering a missing path with the site's 404 page as GitHub Pages does."""

    not_found_page: Path

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(webroot: Path, not_found_page: Path):
    handler = type("Handler", (SiteHandler,), {"not_found_page": not_found_page})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=webroot))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(site):
    """The address of the served site, ending in its sub-path, e.g. http://127.0.0.1:PORT/pycon-india-2021/."""
    server = serve(site.webroot, site.dir / "404.html")
    yield f"http://127.0.0.1:{server.server_port}{site.base_path}"
    server.shutdown()


class PageWatch:
    """What a page did that a reader would not want: requests to other hosts,
    console errors, and responses of 400 or above."""

    def __init__(self, page, site_url: str):
        scheme, host, *_ = urlsplit(site_url)
        origin = f"{scheme}://{host}/"
        self.foreign_requests, self.console_errors, self.failed_responses = [], [], []
        page.on("request", lambda r: r.url.startswith(origin) or r.url.startswith("data:") or self.foreign_requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} ({m.location['url']})"))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and self.failed_responses.append(f"{r.status} {r.url}"))


@pytest.fixture
def watch(page, site_url):
    return PageWatch(page, site_url)


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page, one line each: rule, then the offending elements."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']}: {v['help']} at " + ", ".join(" ".join(n["target"]) for n in v["nodes"])
        for v in result["violations"]
    ]


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"Screenshots of the site: {SCREENSHOTS}")
