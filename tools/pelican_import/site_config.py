"""Edits of mkdocs.yml the importer can make without guessing: the categories
it brings are added to the blog plugin's categories_allowed, in place, so the
file's comments, anchors and layout stay as they were."""

from __future__ import annotations

import yaml


class CannotEdit(Exception):
    """The list is not where or how a line-wise edit can add to it; the
    message says the edit to make by hand."""


class _Loader(yaml.SafeLoader):
    """Composes any tag (mkdocs.yml has !ENV and may have !!python/name):
    only the nodes' positions are read, nothing is constructed."""


def _find(mapping: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _blog_settings(root: yaml.Node) -> yaml.Node | None:
    plugins = _find(root, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    if isinstance(plugins, yaml.MappingNode):
        entries = [yaml.MappingNode("tag:yaml.org,2002:map", [pair]) for pair in plugins.value]
    for entry in entries:
        for name in ("blog", "material/blog"):
            settings = _find(entry, name)
            if settings is not None:
                return settings
    return None


def allowed_categories(text: str) -> list[str] | None:
    """The names under the blog plugin's categories_allowed in this file's
    text, or None when the file has no such list."""
    settings = _blog_settings(yaml.compose(text, Loader=_Loader))
    allowed = _find(settings, "categories_allowed") if settings is not None else None
    return [item.value for item in allowed.value] if isinstance(allowed, yaml.SequenceNode) else None


def add_allowed_categories(text: str, names: list[str]) -> str:
    """mkdocs.yml's text with `names` appended to categories_allowed, one
    `- "name"` line each, indented as the list's own items are."""
    root = yaml.compose(text, Loader=_Loader)
    settings = _blog_settings(root)
    allowed = _find(settings, "categories_allowed") if settings is not None else None
    if allowed is None:
        return text  # no list: the blog allows every category
    if not isinstance(allowed, yaml.SequenceNode) or allowed.flow_style or not allowed.value:
        raise CannotEdit(
            "add these lines under categories_allowed (blog plugin) in mkdocs.yml: "
            + ", ".join(f'- "{name}"' for name in names)
        )
    last = allowed.value[-1]
    lines = text.splitlines(keepends=True)
    indent = lines[last.start_mark.line][: last.start_mark.column - 2]
    after = last.end_mark.line + (1 if last.end_mark.column else 0)
    added = [f"{indent}- {yaml_string(name)}\n" for name in names]
    return "".join(lines[:after] + added + lines[after:])


def yaml_string(value: str) -> str:
    """A double-quoted YAML string: a year such as 2019 stays a string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
