"""Inline text colours: kept when both palettes can show them, else taken out."""

from tools.pelican_import.colours import BACKGROUNDS, contrast, inline_colours, parse, unreadable_in


def test_contrast_is_wcags_ratio():
    assert round(contrast(parse("#000"), parse("#fff")), 1) == 21.0
    assert round(contrast(parse("#767676"), parse("white")), 2) == 4.54  # the lightest grey AA allows on white


def test_a_colour_is_unreadable_where_it_lacks_contrast():
    assert unreadable_in("#0000aa") == ["dark"]
    assert unreadable_in("#e850a8") == ["light"]
    assert unreadable_in("var(--brand)") == list(BACKGROUNDS)  # cannot tell: a person looks


def test_unreadable_colours_are_taken_out_and_the_rest_of_the_style_kept():
    line = '<span style="color: #0000aa">a</span> <b style="font-weight: bold; color: #E850A8;">b</b>'
    text, found = inline_colours(line, fix=True)
    assert text == '<span>a</span> <b style="font-weight: bold">b</b>'
    assert found == [("#0000aa", ["dark"]), ("#E850A8", ["light"])]
    assert inline_colours(line, fix=False)[0] == line


def test_a_background_colour_is_not_a_text_colour():
    line = '<span style="background-color: #ffe">a</span>'
    assert inline_colours(line, fix=True) == (line, [])
