"""Put a post's facts (date, authors, categories, reading time) between its
title and its first paragraph.

Material's post sidebar, which holds them, sits below the whole article on
screens narrower than its breakpoint, so a reader on a phone would learn how
old a post is only after reading it. The line is partials/post-facts.html,
rendered through the theme's environment; extra.css shows it on narrow
screens only and hides the sidebar's copy there.
"""

from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

_theme: dict[str, Environment] = {}


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    _theme["env"] = env
    return env


def with_facts(content: str, facts: str) -> str:
    """The post's HTML with the facts after its title; a post whose title is
    not in its content gets it from the theme, before the content."""
    title_end = content.find("</h1>")
    if title_end < 0:
        return facts + content
    title_end += len("</h1>")
    return content[:title_end] + facts + content[title_end:]


# After the search plugin's on_page_context (priority 0) has indexed the
# post's text, so the facts are not searchable text of every post.
@event_priority(-50)
def on_page_context(context: dict, *, page, config: MkDocsConfig, nav: Navigation) -> dict:
    if isinstance(page, Post):
        facts = _theme["env"].get_template("partials/post-facts.html").render(context)
        page.content = with_facts(page.content, facts)
    return context
