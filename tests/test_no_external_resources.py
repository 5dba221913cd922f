"""The site loads nothing from another host: no font, stylesheet, script or image."""

import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup

CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def foreign(url: str) -> bool:
    return bool(urlparse(url).netloc) or url.startswith("//")


def resources_of_page(soup: BeautifulSoup) -> list[str]:
    """Addresses a browser loads on its own while showing the page."""
    urls = [tag["src"] for tag in soup.find_all(["script", "img", "iframe", "source", "audio", "video", "embed"], src=True)]
    urls += [tag["data"] for tag in soup.find_all("object", data=True)]
    urls += [
        part.split()[0]
        for tag in soup.find_all(["img", "source"], srcset=True)
        for part in tag["srcset"].split(",")
    ]
    urls += [
        link["href"] for link in soup.find_all("link", href=True)
        if {"stylesheet", "icon", "preload", "modulepreload", "preconnect", "dns-prefetch", "manifest"}
        & {rel.lower() for rel in link.get("rel", [])}
    ]
    for style in soup.find_all("style"):
        urls += CSS_URL.findall(style.get_text())
    for tag in soup.find_all(style=True):
        urls += CSS_URL.findall(tag["style"])
    return urls


def test_no_page_loads_anything_from_another_host(site):
    offenders = {
        path: [url for url in resources_of_page(site.page(path)) if foreign(url)]
        for path in site.html_files()
    }
    assert {path: urls for path, urls in offenders.items() if urls} == {}


def test_no_stylesheet_imports_from_another_host(site):
    offenders = {
        css.name: [url for url in CSS_URL.findall(css.read_text()) if foreign(url)]
        for css in site.dir.rglob("*.css")
    }
    assert {name: urls for name, urls in offenders.items() if urls} == {}


def test_the_check_catches_a_google_font_and_a_remote_script():
    soup = BeautifulSoup(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.org/x.js"></script><img src="assets/ok.svg">',
        "lxml",
    )
    assert [url for url in resources_of_page(soup) if foreign(url)] == [
        "//cdn.example.org/x.js",
        "https://fonts.googleapis.com/css?family=Roboto",
    ]
