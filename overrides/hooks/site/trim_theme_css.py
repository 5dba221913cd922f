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

A trimmed stylesheet is kept in `.cache/trim-theme-css/` under a hash of
all it is made from (the stylesheet, the classes and colours, the custom
properties read elsewhere): a build whose pages use the same classes, as
most builds of a blog do, takes it from there instead of parsing the
stylesheet again.

Under `mkdocs serve` the stylesheets are left whole: a writer's preview
shows everything, and every save rebuilds sooner without the trimming.
"""

import hashlib
import logging
import re
from pathlib import Path

import tinycss2
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.trim_theme_css")

THEME_CSS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
# Each starts with its literal and looks behind for the word boundary: a leading
# \b keeps the regular expression engine from searching for the literal, five
# to twenty times slower over a site's pages.
CLASS_ATTR = re.compile(r"""class(?<!\wclass)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
COLOR_ATTR = re.compile(r"""data-md-color-(?<!\wdata-md-color-)(?:scheme|primary|accent)\s*=\s*["']?([\w-]+)""")
# Material's scripts build their components with its own md- classes, and mark
# <html> with `js` when they run; content classes (admonition, highlight, ...)
# come from the pages' HTML only.
JS_CLASS = re.compile(r"\bmd-[\w-]+")
SCRIPT_STATE_CLASSES = {"js"}
SELECTOR_COLOR = re.compile(r"^data-md-color-(?:scheme|primary|accent)=[\"']?([\w-]+)")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
# This file's own text: a change to the trimming makes new cache entries.
TRIMMER = Path(__file__).read_text(encoding="utf-8")
GROUPING_AT_RULES = {"media", "supports", "layer", "container", "document"}


def parse(css: str) -> list:
    """The stylesheet's rules, with the rules inside grouping at-rules
    (@media, @supports, ...) parsed in turn into the at-rule's content."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            rule.content = parse(tinycss2.serialize(rule.content))
    return [rule for rule in rules if rule.type != "error"]


def is_group(rule) -> bool:
    return rule.type == "at-rule" and isinstance(rule.content, list) and all(
        node.type in ("qualified-rule", "at-rule") for node in rule.content
    )


def serialize(rules: list) -> str:
    out = []
    for rule in rules:
        if is_group(rule):
            if rule.content:  # a group left empty goes
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{serialize(rule.content)}}}")
        elif rule.type != "qualified-rule" or tinycss2.serialize(rule.content).strip():
            out.append(rule.serialize())
    return "".join(out)


def selectors(prelude: list) -> list[list]:
    """A selector list's selectors, each as its tokens."""
    groups = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


def required_classes(selector: list) -> set[str]:
    """The classes an element must carry for the selector to match. Arguments
    of :not(), :is() and the like, and attribute values, are single tokens
    here, so a class inside them never counts."""
    return {
        after.value
        for token, after in zip(selector, selector[1:])
        if token.type == "literal" and token.value == "." and after.type == "ident"
    }


def required_colors(selector: list) -> set[str]:
    return {
        match.group(1)
        for token in selector
        if token.type == "[] block" and (match := SELECTOR_COLOR.match(tinycss2.serialize(token.content)))
    }


def trim_rules(rules: list, classes: set[str], colors: set[str]) -> list:
    kept = []
    for rule in rules:
        if is_group(rule):
            rule.content = trim_rules(rule.content, classes, colors)
        elif rule.type == "qualified-rule":
            matchable = [
                tinycss2.serialize(selector) for selector in selectors(rule.prelude)
                if required_classes(selector) <= classes and required_colors(selector) <= colors
            ]
            if not matchable:
                continue
            rule.prelude = tinycss2.parse_component_value_list(",".join(matchable))
        kept.append(rule)
    return kept


def declarations(rule) -> list:
    return tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)


def trim_custom_properties(rules: list, used: set[str]) -> list:
    for rule in rules:
        if is_group(rule):
            trim_custom_properties(rule.content, used)
        elif rule.type == "qualified-rule":
            kept = [
                d for d in declarations(rule)
                if d.type != "declaration" or not d.name.startswith("--") or d.name in used
            ]
            rule.content = tinycss2.parse_component_value_list(";".join(d.serialize() for d in kept))
    return rules


def used_custom_properties(rules: list, read_elsewhere: set[str]) -> set[str]:
    """Custom properties read by var() in the rules or elsewhere (pages,
    scripts, other stylesheets), following chains of definitions."""
    definitions: dict[str, list[str]] = {}
    reads = set(read_elsewhere)

    def walk(rules):
        for rule in rules:
            if is_group(rule):
                walk(rule.content)
            elif rule.type == "qualified-rule":
                for declaration in declarations(rule):
                    if declaration.type != "declaration":
                        continue
                    value = tinycss2.serialize(declaration.value)
                    if declaration.name.startswith("--"):
                        definitions.setdefault(declaration.name, []).append(value)
                    else:
                        reads.update(VAR_USE.findall(value))

    walk(rules)
    used, pending = set(), list(reads)
    while pending:
        name = pending.pop()
        if name not in used:
            used.add(name)
            for value in definitions.get(name, []):
                pending.extend(VAR_USE.findall(value))
    return used


serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


# After the other hooks have written every page.
@event_priority(-100)
def on_post_build(config):
    if serving:
        return
    site = Path(config.site_dir)
    assets = site / "assets"
    # One page at a time: a thousand pages held at once would be most of the build's memory.
    classes, colors, reads_in_pages = set(SCRIPT_STATE_CLASSES), set(), set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for groups in CLASS_ATTR.findall(html):
            classes.update("".join(groups).split())
        colors.update(COLOR_ATTR.findall(html))
        reads_in_pages.update(VAR_USE.findall(html))
    for script in (assets / "javascripts").rglob("*.js"):
        code = script.read_text(encoding="utf-8")
        classes.update(JS_CLASS.findall(code))
        reads_in_pages.update(VAR_USE.findall(code))
    cache = Path(config.config_file_path).parent / ".cache" / "trim-theme-css"
    for sheet in sorted((assets / "stylesheets").iterdir()):
        if not THEME_CSS.match(sheet.name):
            continue
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", sheet.read_text(encoding="utf-8"))
        others = "".join(s.read_text(encoding="utf-8") for s in sheet.parent.glob("*.css") if s != sheet)
        reads = reads_in_pages | set(VAR_USE.findall(others))
        made_from = (TRIMMER, tinycss2.__version__, css, sorted(classes), sorted(colors), sorted(reads))
        key = hashlib.sha256(repr(made_from).encode()).hexdigest()
        cached = cache / f"{key}.css"
        if cached.is_file():
            trimmed = cached.read_text(encoding="utf-8")
        else:
            rules = trim_rules(parse(css), classes, colors)
            rules = trim_custom_properties(rules, used_custom_properties(rules, reads))
            trimmed = serialize(rules)
            cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".partial")
            partial.write_text(trimmed, encoding="utf-8")
            partial.replace(cached)  # a build stopped half-way leaves no broken file in the cache
        sheet.write_text(trimmed, encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # it maps the untrimmed file
        log.debug("%s: %d of %d characters kept", sheet.name, len(trimmed), len(css))
