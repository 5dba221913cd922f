"""Draw the site's share image (the picture in link previews and feed readers)
from the conference facts in mkdocs.yml, as a 1200×630 PNG.

    python -m tools.social_card [--out overrides/assets/images/social-card.png]

Run it again when the facts change; it renders an HTML card in Chromium
(Debian's, or Playwright's own) and writes the screenshot.
"""

import argparse
import html
from pathlib import Path

from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from tools.chromium import FLAGS as CHROMIUM_FLAGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
LOGO = ROOT / "overrides" / ".icons" / "pycon" / "logo.svg"  # the one logo, also drawn inline in the header


def card_html(conference: dict, logo_svg: str, width: int, height: int) -> str:
    start, end = conference["start"], conference["end"]
    dates = f"{start:%B} {start.day}–{end.day}, {end.year}"
    name, mode = html.escape(conference["name"]), html.escape(conference["mode"])
    tagline = html.escape(conference["tagline"])
    return f"""<!doctype html><meta charset="utf-8">
<style>
  html, body {{ margin: 0; }}
  body {{
    width: {width}px; height: {height}px; box-sizing: border-box; padding: 64px 88px;
    display: flex; flex-direction: column; justify-content: center; gap: 24px;
    background: #283593; color: #fff;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  }}
  .logo svg {{ width: 112px; height: 112px; }}
  h1 {{ margin: 0; font-size: 96px; line-height: 1; font-weight: 800; white-space: nowrap; }}
  p {{ margin: 0; font-size: 38px; line-height: 1.25; }}
  .when {{ color: #ffcc80; font-weight: 700; }}
</style>
<div class="logo">{logo_svg}</div>
<h1>{name}</h1>
<p>{tagline}</p>
<p class="when">{mode} · {dates}</p>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "overrides/assets/images/social-card.png",
                        help="where to write the PNG (default: %(default)s)")
    args = parser.parse_args()
    config = load_config(str(ROOT / "mkdocs.yml"))
    share = config.extra["share_image"]
    page_html = card_html(config.extra["conference"], LOGO.read_text(), share["width"], share["height"])
    with sync_playwright() as playwright:
        chromium = find_chromium(fallback=playwright.chromium.executable_path)
        if chromium is None:
            raise SystemExit("no Chromium: apt-get install chromium, or .venv/bin/playwright install chromium")
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": share["width"], "height": share["height"]})
        page.set_content(page_html)
        page.screenshot(path=args.out)
        browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
