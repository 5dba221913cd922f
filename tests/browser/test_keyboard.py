"""Keyboard only: Tab reaches the skip link, search and each tab, each visibly
focused, and the skip link moves focus into the content."""

import pytest

from tests.support import PAGES

# Describes the focused element: what it is, and whether focus is drawn on it.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow !== "none";
  return {
    text: (el.getAttribute("aria-label") || el.textContent || "").trim(),
    classes: el.className,
    visible: outline || ring,
    inContent: !!el.closest(".md-content"),
  };
}"""


def tab_through(page, presses=25):
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("name", ["home", "article"])
def test_tab_reaches_skip_link_search_and_tabs_with_visible_focus(page, site_url, name):
    page.goto(site_url + PAGES[name])
    stops = tab_through(page)
    assert "md-skip" in stops[0]["classes"], stops[0]
    wanted = {
        "skip link": lambda s: "md-skip" in s["classes"],
        "search": lambda s: "md-search__input" in s["classes"],
        "Home tab": lambda s: "md-tabs__link" in s["classes"] and s["text"] == "Home",
        "Blog tab": lambda s: "md-tabs__link" in s["classes"] and s["text"] == "Blog",
    }
    for what, matches in wanted.items():
        stop = next((s for s in stops if matches(s)), None)
        assert stop, f"Tab never reaches the {what}: {stops}"
        assert stop["visible"], f"the {what} shows no focus indicator"


@pytest.mark.parametrize("name", ["home", "article"])
def test_skip_link_moves_focus_to_the_content(page, site_url, name):
    page.goto(site_url + PAGES[name])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["inContent"]


def test_tab_goes_through_the_schedule_in_time_order(page, site_url, programme):
    """Keyboard order is reading order: by time, then stage, as the data has them (the current edition's
    schedule), each star after its title."""
    expected = [s.title for s in programme.with_pages()]
    page.goto(site_url + PAGES["schedule"])
    page.locator(".pi-session__title a").first.focus()
    reached, stars = [page.evaluate(FOCUSED)["text"]], []
    while len(reached) < len(expected):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if "pi-session__title" in page.evaluate("document.activeElement.parentElement.className"):
            reached.append(focused["text"])
        elif page.evaluate("document.activeElement.classList.contains('pi-star')"):
            stars.append((page.evaluate("document.activeElement.getAttribute('aria-label')"), reached[-1]))
    assert reached == expected
    assert stars and all(label == f"Star {title}" for label, title in stars)
