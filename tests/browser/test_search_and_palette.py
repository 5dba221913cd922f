"""Search finds the article; the palette toggle's choice survives a reload."""

import pytest

from tests.support import ARTICLE_URL, PAGES


@pytest.mark.parametrize("name", ["home", "article"])
def test_searching_scikit_learn_finds_and_opens_the_article(page, site_url, seed, name):
    page.goto(site_url + PAGES[name])
    search = page.locator(".md-search__input")
    search.click()
    # Material's search worker says it is ready by replacing "Initializing search".
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
    search.press_sequentially("scikit-learn")
    result = page.locator(".md-search-result__link").filter(has_text=seed.headers["title"]).first
    result.wait_for()
    result.click()
    page.wait_for_url(site_url + ARTICLE_URL + "**")
    assert page.title().startswith(seed.headers["title"])


@pytest.mark.parametrize("name", ["home", "article"])
def test_palette_toggle_switches_to_dark_and_survives_reload(page, site_url, name):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + PAGES[name])
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"
