"""The schedule's filters: a filter in the address shows only its sessions,
and the number shown is said to screen readers (a polite live region);
choosing one puts it in the address, so the view can be shared."""

from tests.browser.conftest import planned
from tests.support import PAGES


def shown(page) -> list[str]:
    return page.locator(".pi-day .pi-session:visible").evaluate_all("items => items.map(i => i.id.replace('session-', ''))")


def test_a_filter_in_the_address_shows_only_its_sessions(page, site_url, programme):
    stage = list(programme.stages)[1]
    page.goto(site_url + PAGES["schedule"] + f"?stage={stage}&type=talk")
    planned(page)
    expected = [s.slug for s in programme.sessions if s.type == "talk" and s.stage in (stage, "all")]
    assert expected and shown(page) == expected
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"Showing {len(expected)} of {len(programme.sessions)} sessions."
    assert page.get_by_label("Stage").input_value() == stage


def test_choosing_a_filter_puts_it_in_the_address(page, site_url, programme):
    page.goto(site_url + PAGES["schedule"])
    planned(page)
    page.get_by_role("combobox", name="Type").select_option("workshop")
    assert page.url.endswith("?type=workshop")
    assert shown(page) == [s.slug for s in programme.sessions if s.type == "workshop"]
    page.get_by_role("combobox", name="Type").select_option("")
    assert "?" not in page.url and len(shown(page)) == len(programme.sessions)
