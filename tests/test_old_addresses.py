"""Nothing published is lost: every address the site answered before the
editions moved into folders of their own still answers, a page with a
redirect to its new address, a calendar file where it was, as it is now."""

from tests.html import text_of
from tests.support import ROOT

PUBLISHED = ROOT / "tests" / "fixtures" / "published" / "before-editions.txt"


def published() -> list[str]:
    return [line for line in PUBLISHED.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def redirect_target(site, path: str):
    page = site.page(path)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return site.resolve(path, refresh["content"].split("url=", 1)[1])


def test_every_address_published_before_still_answers(site):
    missing = [path for path in published() if not (site.dir / path).is_file()]
    assert not missing, f"{len(missing)} published addresses no longer answer: {missing[:5]}"


def test_each_moved_page_redirects_to_its_page_in_its_edition(site, editions):
    moved = {p.facts.old_folder: p for p in editions.all if p.facts.old_folder}
    checked = 0
    for path in published():
        folder = path.split("/", 1)[0]
        if folder not in moved or not path.endswith("index.html"):
            continue
        new = site.dir / str(moved[folder].year) / path.removeprefix(folder + "/")
        assert redirect_target(site, path) == new, path
        assert text_of(site.page(path).body.a) == text_of(site.page(new.relative_to(site.dir).as_posix()).select_one("article h1"))
        assert site.page(path).find("meta", attrs={"name": "robots"})["content"] == "noindex"
        checked += 1
    assert checked > 100  # the schedule, 45 sessions, 58 speakers and the other pages of 2021


def test_the_old_addresses_are_not_in_the_sitemap(site, editions):
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    for programme in editions.all:
        if programme.facts.old_folder:
            assert f"/{programme.facts.old_folder}/" not in sitemap
