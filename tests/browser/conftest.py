"""Browser fixtures: the built site served under a sub-path on 127.0.0.1, as
GitHub Pages serves a project site (tests/support.py), and a real Chromium
driven by Playwright.

Chromium is Debian's (`/usr/bin/chromium`) or Playwright's own. With CI=true
a missing browser fails the run; elsewhere the browser tests skip and say how
to get one.
"""

import os
from urllib.parse import urlsplit

import pytest

from tests.support import AXE_SCRIPT, AXE_TAGS, CHROMIUM_FLAGS, ROOT, find_chromium, serve

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_type):
    own = browser_type.executable_path  # Playwright's download, if `playwright install` ran
    chromium = find_chromium(fallback=own)
    if chromium is None:
        reason = (
            "no Chromium for the browser tests: install Debian's (apt-get install chromium) "
            "or Playwright's (.venv/bin/playwright install chromium)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def site_url(site):
    """The address of the served site, ending in its sub-path, e.g. http://127.0.0.1:PORT/pycon-india-2021/."""
    server = serve(site.webroot, site.dir / "404.html")
    yield server.url(site.base_path)
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


def planned(page):
    """Wait until the planner's script (assets/javascripts/planner.js) has run: it waits for an idle moment."""
    page.locator("html.pi-planned").wait_for(state="attached")
    return page


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
