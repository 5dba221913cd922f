"""The hooks run in the order mkdocs.yml's table beside `hooks:` says, each at
the priority it gives; and a hook that patches Material fails the build,
naming itself and what is gone, when a Material upgrade removes it."""

import re
from pathlib import Path

import pytest
from material.plugins.blog import structure
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent

from tests.support import ROOT, load_hook

# A row of the table: "#   files    blog -50, unique_post_urls -60, ..."
ROW = re.compile(r"^#   (?P<event>[a-z_]+) +(?P<order>[a-z_]+ -?\d+(?:, [a-z_]+ -?\d+)*)$", re.MULTILINE)


def documented_order() -> dict[str, list[tuple[str, int]]]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    table = text[text.index("\n# Hooks\n"):text.index("\nhooks:\n")]
    return {
        row["event"]: [(name, int(priority)) for name, priority in (entry.rsplit(" ", 1) for entry in row["order"].split(", "))]
        for row in ROW.finditer(table)
    }


def short_name(key: str) -> str:
    """'material/blog' -> 'blog', 'overrides/hooks/blog/feed_image.py' -> 'feed_image'."""
    return Path(key).stem if key.endswith(".py") else key.rsplit("/", 1)[-1]


def running_order(config) -> dict[str, list[tuple[str, int]]]:
    """Per event in which a hook takes part, who runs, in order, with priorities."""
    origin = {}
    for key, plugin in config.plugins.items():
        for attribute in dir(plugin):
            method = getattr(plugin, attribute) if attribute.startswith("on_") else None
            if callable(method):
                for handler in method.methods if isinstance(method, CombinedEvent) else [method]:
                    origin[handler] = key
    return {
        event: [(short_name(origin[handler]), getattr(handler, "mkdocs_priority", 0)) for handler in handlers]
        for event, handlers in config.plugins.events.items()
        if any(origin[handler] in config.hooks for handler in handlers)
    }


def test_hooks_run_in_the_order_of_the_table_in_mkdocs_yml(config):
    assert running_order(config) == documented_order()


def test_every_hook_is_in_the_table(config):
    listed = {name for order in documented_order().values() for name, _ in order}
    assert {short_name(hook) for hook in config.hooks} <= listed


def test_hooks_load_against_this_material():
    for name in ("post_lookup", "summary_excerpts", "libyaml_front_matter"):
        load_hook(name)


def read_without_safeloader(self, file, config):
    self.meta = {}


def view_without_pages(self, name, file, config):
    self.posts, self.views = [], []


def render_with_one_argument(self, page):
    self.content = self.more = self.toc = None


def render_without_title_rule(self, page, separator):
    self.file.url = page.url
    self.md.treeprocessors[self.md.treeprocessors.get_index_for_name("excerpt")].base = page
    self.content, self.more = self.md.convert(self.post.markdown), None
    self.toc = getattr(self.md, "toc_tokens", [])
    self.markdown = self.file.url = self.post.url


PATCHES_GONE = {
    "front matter read another way": (
        structure.Post, "__init__", read_without_safeloader, "libyaml_front_matter",
        "libyaml_front_matter.py: .* SafeLoader",
    ),
    "views without pages": (
        structure.View, "__init__", view_without_pages, "post_lookup",
        r"post_lookup.py: .* View.__init__ setting 'posts', 'views' and 'pages'",
    ),
    "excerpt render with other arguments": (
        structure.Excerpt, "render", render_with_one_argument, "summary_excerpts",
        r"summary_excerpts.py: .* Excerpt.render\(self, page, separator\): it is now render\(self, page\)",
    ),
    "excerpt render without the title rule": (
        structure.Excerpt, "render", render_without_title_rule, "summary_excerpts",
        r"summary_excerpts.py: .* no use of '_title_from_render' in Excerpt.render, no use of 'title'",
    ),
}


@pytest.mark.parametrize("change", PATCHES_GONE, ids=PATCHES_GONE)
def test_a_hook_fails_by_name_when_what_it_patches_is_gone(monkeypatch, change):
    owner, attribute, replacement, hook, message = PATCHES_GONE[change]
    monkeypatch.setattr(owner, attribute, replacement)
    with pytest.raises(PluginError, match=message):
        load_hook(hook)
