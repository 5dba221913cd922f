"""Trimming Material's stylesheets (overrides/hooks/site/trim_theme_css.py) changes nothing a
reader sees: each page looks the same to the pixel, in both palettes, on a phone and a
desktop, and the open search is styled the same, as in a build with Material's
stylesheets untrimmed."""

import pytest
from mkdocs.config import load_config

from tests.conftest import BuiltSite
from tests.support import PAGES, ROOT, VARIANTS, VIEWPORTS, mkdocs_build, serve

HOOK = "overrides/hooks/site/trim_theme_css.py"


def test_the_untrimmed_variant_leaves_out_only_the_trimming(config):
    variant = load_config(str(VARIANTS["untrimmed css"]))
    assert list(variant.hooks) == [hook for hook in config.hooks if hook != HOOK]
    assert HOOK in config.hooks


@pytest.fixture(scope="module")
def untrimmed_url(tmp_path_factory, config):
    built = BuiltSite(tmp_path_factory.mktemp("webroot"), config)
    result = mkdocs_build(ROOT, built.dir, config_file=VARIANTS["untrimmed css"])
    assert result.returncode == 0, result.stderr
    server = serve(built.webroot, built.dir / "404.html")
    yield server.url(built.base_path)
    server.shutdown()


def test_the_theme_stylesheet_is_trimmed(site):
    (main_css,) = (site.dir / "assets" / "stylesheets").glob("main.*.min.css")
    (material_css,) = (ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css")
    assert main_css.stat().st_size < 0.7 * material_css.stat().st_size


# Lazy images would load, or not, by the time of a full-page screenshot: load
# them all first, so that two screenshots differ only where the styles do.
ALL_IMAGES_LOADED = """() => Promise.all([...document.images].map(image => {
  image.loading = "eager";
  return image.complete ? null : new Promise(done => { image.onload = image.onerror = done; });
}))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_look_the_same_as_untrimmed(page, site_url, untrimmed_url, scheme, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    for name in ("home", "blog index", "article", "404"):
        # Material's script settles the page over a few frames after load; a
        # difference in style stays when both are taken again, one in timing does not.
        for _ in range(2):
            shots = []
            for base in (site_url, untrimmed_url):
                page.goto(base + PAGES[name], wait_until="networkidle")
                page.evaluate(ALL_IMAGES_LOADED)
                page.wait_for_timeout(200)
                shots.append(page.screenshot(full_page=True, animations="disabled"))
            if shots[0] == shots[1]:
                break
        assert shots[0] == shots[1], f"{name} ({scheme}, {viewport}) looks different with the trimmed stylesheets"


# Every style but custom properties of every element of the open search, results included: the results are
# drawn by Material's script after the page loads, so screenshots of them differ by a
# subpixel from one load to the next whatever the stylesheet.
SEARCH_STYLES = """() => [...document.querySelectorAll('.md-search, .md-search *')].map(element => {
  const style = getComputedStyle(element);
  const properties = [...style].filter(name => !name.startsWith('--'));  // unread custom properties are trimmed
  return [element.tagName, element.className, properties.map(name => name + ':' + style.getPropertyValue(name))];
})"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_is_styled_the_same_as_untrimmed(page, site_url, untrimmed_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    styles = []
    for base in (site_url, untrimmed_url):
        page.goto(base + PAGES["blog index"])
        page.keyboard.press("/")
        page.keyboard.type("python")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_timeout(800)  # let the results' transitions finish
        styles.append(page.evaluate(SEARCH_STYLES))
    assert len(styles[0]) > 20
    diff = [(a[0], a[1], sorted(set(a[2]) ^ set(b[2]))) for a, b in zip(*styles) if a != b]
    assert not diff
