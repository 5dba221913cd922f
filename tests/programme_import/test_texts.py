"""The programme's texts judged as MkDocs' strict validation will judge them on their page, before a byte is written."""

import re

from mkdocs.utils.yaml import yaml_load

from tests.support import ROOT
from tools.programme_import.texts import Renderer, refusals, site_markdown

PAGE = "2031/sessions/steel-design.md"
KNOWN = {"2031/sessions/steel-design.md", "2031/speakers/asha-raman.md", "assets/logo.svg"}


def renderer() -> Renderer:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return Renderer(site_markdown(yaml_load(config)))


def test_what_the_strict_build_refuses_is_named_and_the_rest_passes():
    text = "\n".join([
        "[ok](https://example.org) [mail](mailto:a@example.org) <team@example.org>",
        "[speaker](../speakers/asha-raman.md) ![logo](../../assets/logo.svg) [set-up](#set-up) [abstract](#abstract)",
        "`[in code](nowhere.md)`",
        "[absolute](/blog/) ![image](logo.png) [anchor](#nowhere) [page](other-talk/)",
        "",
        "## Set-up",
    ])
    reasons = refusals(text, PAGE, KNOWN, ("Steel design", "Abstract"), renderer())
    assert [re.match(r"link '([^']*)'", r)[1] for r in reasons] == ["/blog/", "logo.png", "#nowhere", "other-talk/"], reasons
    assert "absolute path" in reasons[0] and "2031/sessions/logo.png" in reasons[1] and "no anchor 'nowhere'" in reasons[2]
