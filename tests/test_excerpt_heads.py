"""excerpt_heads.py cuts a post's Markdown at `<!-- more -->` only where the
part above reads the same cut as whole (tests/test_build_scale.py checks
the built site byte for byte)."""

import pytest

from tests.support import load_hook

cut = load_hook("excerpt_heads").cut
MORE = "<!-- more -->"


def test_the_head_keeps_the_link_definitions_from_below():
    text = f"A teaser with [a link][site].\n\n{MORE}\n\nThe rest.\n\n[site]: https://in.pycon.org/\n  \"PyCon India\"\n"
    assert cut(text, MORE) == (f"A teaser with [a link][site].\n\n{MORE}", '[site]: https://in.pycon.org/\n  "PyCon India"')


@pytest.mark.parametrize(
    "text",
    [
        f"A teaser\n{MORE}\n\nThe rest.\n",  # in the paragraph, not after it
        f"```\n{MORE}\n```\n\nText.\n\n{MORE}\n\nThe rest.\n",  # first in code
        f"<div markdown>\nA teaser.\n\n{MORE}\n\n</div>\n",  # inside an HTML block
        f"- an item\n\n{MORE}\n\nThe rest.\n",  # after a list
        f"A teaser.\n\n{MORE}\n\n# A second title\n\nText.\n",  # a top heading below
        f"A teaser.\n\n{MORE}\n\n[site]: https://in.pycon.org/\n",  # nothing to continue reading
        "A post without the separator.\n",
    ],
)
def test_a_cut_that_could_change_the_head_is_left_to_material(text):
    assert cut(text, MORE) is None
