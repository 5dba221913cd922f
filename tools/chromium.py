"""Finding Chromium, and the flags that keep it quiet and off the network:
for the share-image maker, the browser tests and the Lighthouse bench."""

import os
import shutil
from pathlib import Path

# Every host but 127.0.0.1 fails to resolve, so nothing leaves the machine;
# the rest stops Chromium's own background traffic. Headless mode is the
# caller's (Playwright sets it; Lighthouse wants --headless=new).
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def find_chromium(fallback: str | None = None) -> str | None:
    """CHROMIUM (or Lighthouse's CHROME_PATH) when set, else Debian's chromium
    on PATH, else `fallback` (Playwright's own download) when it exists."""
    candidates = (
        os.environ.get("CHROMIUM"), os.environ.get("CHROME_PATH"),
        shutil.which("chromium"), shutil.which("chromium-browser"), fallback,
    )
    return next((c for c in candidates if c and Path(c).exists()), None)
