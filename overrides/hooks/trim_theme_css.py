"""Drop the rules of Material's stylesheets that nothing on this site can match.

Material ships one stylesheet for every feature it has (admonitions, code
blocks, tabs, tooltips, every palette colour, ...); the site uses a few, and
the stylesheet blocks the first paint on a slow phone (issue 6). After the
build, a rule is dropped when one of the classes its selector requires
appears neither in a class attribute of a built page nor among the md-
classes in Material's JavaScript (which builds the search results, the
dialogs and the rest); a palette rule is dropped when its colour is not one the pages name.
Custom properties that no remaining rule reads go too. Everything else is
kept as written, so a post that starts using an admonition brings its rules
back with the next build.
"""

import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.trim_theme_css")

THEME_CSS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
COLOR_ATTR = re.compile(r"""\bdata-md-color-(?:scheme|primary|accent)\s*=\s*["']?([\w-]+)""")
# Material's scripts build their components with its own md- classes, and mark
# <html> with `js` when they run; content classes (admonition, highlight, ...)
# come from the pages' HTML only.
JS_CLASS = re.compile(r"\bmd-[\w-]+")
SCRIPT_STATE_CLASSES = {"js"}
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
SELECTOR_COLOR = re.compile(r"\[data-md-color-(?:scheme|primary|accent)=[\"']?([\w-]+)[\"']?\]")
# Inside :not(), :is(), :where(), :has() a missing class does not make a selector unmatchable.
FUNCTIONAL_PSEUDO = re.compile(r":[\w-]+\(")
CUSTOM_PROPERTY_DECL = re.compile(r"^\s*(--[\w-]+)\s*:")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container", "@document")


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on separators outside strings, parentheses and brackets."""
    parts, depth, quote, start, i = [], 0, None, 0, 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c in separators and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def parse(css: str) -> list:
    """Minified CSS as a list of (prelude, body) pairs; body is a list for
    grouping at-rules, a string of declarations otherwise, None for `@x ...;`."""
    items, i, n = [], 0, len(css)
    while i < n:
        start, quote, depth = i, None, 0
        while i < n:  # read the prelude up to `{` or `;`
            c = css[i]
            if quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif c == "/" and css.startswith("/*", i):
                i = css.find("*/", i + 2) + 1
            elif depth == 0 and c in "{;}":
                break
            i += 1
        prelude = css[start:i].strip()
        if i >= n or css[i] == "}":
            if prelude:
                items.append((prelude, None))
            i += 1
            continue
        if css[i] == ";":
            items.append((prelude, None))
            i += 1
            continue
        body_start, level, quote = i + 1, 1, None
        i += 1
        while i < n and level:  # find the matching `}`
            c = css[i]
            if quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == "{":
                level += 1
            elif c == "}":
                level -= 1
            i += 1
        body = css[body_start:i - 1]
        if prelude.startswith(GROUPING_AT_RULES):
            items.append((prelude, parse(body)))
        else:
            items.append((prelude, body))
    return items


def serialize(items: list) -> str:
    out = []
    for prelude, body in items:
        if body is None:
            out.append(prelude + ";")
        elif isinstance(body, list):
            if body:
                out.append(prelude + "{" + serialize(body) + "}")
        elif body.strip():
            out.append(prelude + "{" + body + "}")
    return "".join(out)


def required_classes(selector: str) -> set[str]:
    """The classes an element must carry for `selector` to match."""
    stripped, i = [], 0
    while i < len(selector):
        match = FUNCTIONAL_PSEUDO.match(selector, i)
        if match:  # skip the argument of :not(...), :is(...) and the like
            depth, i = 1, match.end()
            while i < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[i], 0)
                i += 1
            continue
        if selector[i] == "[":  # attribute values may hold dots
            end = selector.find("]", i)
            stripped.append("[]")
            i = end + 1 if end != -1 else len(selector)
            continue
        stripped.append(selector[i])
        i += 1
    return set(SELECTOR_CLASS.findall("".join(stripped)))


def trim_rules(items: list, classes: set[str], colors: set[str]) -> list:
    kept = []
    for prelude, body in items:
        if isinstance(body, list):
            kept.append((prelude, trim_rules(body, classes, colors)))
        elif body is None or prelude.startswith("@"):
            kept.append((prelude, body))
        else:
            selectors = [
                s for s in split_top_level(prelude, ",")
                if required_classes(s) <= classes and set(SELECTOR_COLOR.findall(s)) <= colors
            ]
            if selectors:
                kept.append((",".join(selectors), body))
    return kept


def trim_custom_properties(items: list, used: set[str]) -> list:
    kept = []
    for prelude, body in items:
        if isinstance(body, list):
            body = trim_custom_properties(body, used)
        elif isinstance(body, str) and not prelude.startswith("@"):
            declarations = split_top_level(body, ";")
            body = ";".join(
                d for d in declarations
                if not (m := CUSTOM_PROPERTY_DECL.match(d)) or m.group(1) in used
            )
        kept.append((prelude, body))
    return kept


def used_custom_properties(items: list, others: str) -> set[str]:
    """Custom properties read by var() anywhere, following chains of definitions."""
    definitions: dict[str, list[str]] = {}
    reads = set(VAR_USE.findall(others))

    def walk(items):
        for prelude, body in items:
            if isinstance(body, list):
                walk(body)
            elif isinstance(body, str):
                for declaration in split_top_level(body, ";"):
                    m = CUSTOM_PROPERTY_DECL.match(declaration)
                    if m:
                        definitions.setdefault(m.group(1), []).append(declaration)
                    else:
                        reads.update(VAR_USE.findall(declaration))

    walk(items)
    used, pending = set(), list(reads)
    while pending:
        name = pending.pop()
        if name not in used:
            used.add(name)
            for declaration in definitions.get(name, []):
                pending.extend(VAR_USE.findall(declaration))
    return used


# After the other hooks have written every page.
@event_priority(-100)
def on_post_build(config):
    site = Path(config.site_dir)
    assets = site / "assets"
    classes, colors, pages = set(), set(), []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        pages.append(html)
        for groups in CLASS_ATTR.findall(html):
            classes.update("".join(groups).split())
        colors.update(COLOR_ATTR.findall(html))
    scripts = "".join(p.read_text(encoding="utf-8") for p in (assets / "javascripts").rglob("*.js"))
    classes.update(JS_CLASS.findall(scripts), SCRIPT_STATE_CLASSES)
    for sheet in sorted((assets / "stylesheets").iterdir()):
        if not THEME_CSS.match(sheet.name):
            continue
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", sheet.read_text(encoding="utf-8"))
        rules = trim_rules(parse(css), classes, colors)
        others = "".join(pages) + scripts + "".join(
            s.read_text(encoding="utf-8") for s in sheet.parent.glob("*.css") if s != sheet
        )
        rules = trim_custom_properties(rules, used_custom_properties(rules, others))
        trimmed = serialize(rules)
        sheet.write_text(trimmed, encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # it maps the untrimmed file
        log.debug("%s: %d of %d characters kept", sheet.name, len(trimmed), len(css))
