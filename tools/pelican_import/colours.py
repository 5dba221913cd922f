"""Text colours set inline in a post's raw HTML (`style="color: #0000aa"`):
Pelican's light theme showed them on white; this site has a light and a
dark palette. A colour is kept when it reads on both backgrounds (WCAG AA,
4.5:1); otherwise it is reported and, when asked, taken out of the style,
so the text takes the palette's own colour."""

from __future__ import annotations

import re

# Material's page backgrounds: default (white) and slate, hsl(225deg 15% 14%).
BACKGROUNDS = {"light": (255, 255, 255), "dark": (30, 33, 41)}
MIN_CONTRAST = 4.5
NAMED = {"black": (0, 0, 0), "white": (255, 255, 255), "red": (255, 0, 0), "green": (0, 128, 0),
         "blue": (0, 0, 255), "gray": (128, 128, 128), "grey": (128, 128, 128)}

STYLE = re.compile(r"""(?P<lead>\sstyle\s*=\s*)(?P<q>["'])(?P<css>.*?)(?P=q)""", re.IGNORECASE)
COLOUR = re.compile(r"(?:^|(?<=;))\s*color\s*:\s*(?P<value>[^;]+?)\s*(?:;|$)", re.IGNORECASE)


def parse(value: str) -> tuple[int, int, int] | None:
    value = value.strip().lower()
    if m := re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value):
        digits = m[1] if len(m[1]) == 6 else "".join(c * 2 for c in m[1])
        return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))
    if m := re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)", value):
        return tuple(min(255, int(m[i])) for i in (1, 2, 3))
    return NAMED.get(value)


def luminance(rgb: tuple[int, int, int]) -> float:
    linear = [(c / 255) / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def unreadable_in(value: str) -> list[str]:
    """The palettes a text colour cannot be read in; all of them when it is not a colour this reads."""
    rgb = parse(value)
    return [name for name, bg in BACKGROUNDS.items() if rgb is None or contrast(rgb, bg) < MIN_CONTRAST]


def inline_colours(line: str, fix: bool) -> tuple[str, list[tuple[str, list[str]]]]:
    """The line with unreadable inline text colours taken out (when `fix`),
    and each one found with the palettes it fails in."""
    found: list[tuple[str, list[str]]] = []

    def style(match: re.Match) -> str:
        def colour(decl: re.Match) -> str:
            palettes = unreadable_in(decl["value"])
            if not palettes:
                return decl[0]
            found.append((decl["value"], palettes))
            return "" if fix else decl[0]

        css = COLOUR.sub(colour, match["css"])
        if css == match["css"]:
            return match[0]
        css = css.strip().strip(";").strip()
        return f'{match["lead"]}{match["q"]}{css}{match["q"]}' if css else ""

    return STYLE.sub(style, line), found
