"""Render the site navigation once for all the pages that get the same one.

Material renders its navigation (partials/nav.html) for every page: a fifth
of the build's time with a few hundred posts (issue 9). Every post gets the
same navigation, since no post is in it: the same items, the same ones
marked active (the blog's), the same links, relative to pages at the same
depth. This hook renders it once per such set of inputs and gives each page
the rendered text.

The inputs are everything the template reads that can differ from page to
page: which navigation items are active, and each link as the page would
write it (the `url` filter, applied to every address the navigation holds).
A page that is itself in the navigation, or a listing page standing in for
one (the template then marks that page and may show its table of
contents), is rendered as before. tests/test_build_scale.py checks that the
site is the same byte for byte with and without this hook.
"""

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

TEMPLATE = "partials/nav.html"


def items(nav: Navigation) -> list:
    """Every item of the navigation, depth first."""
    found, pending = [], list(reversed(nav.items))
    while pending:
        item = pending.pop()
        found.append(item)
        pending.extend(reversed(item.children or []))
    return found


class SharedNav:
    def __init__(self, render):
        self.render = render
        self.nav, self.in_nav = None, set()
        self.rendered: dict[tuple, str] = {}

    def learn(self, nav: Navigation) -> None:
        """The navigation of this build: its items, the pages that appear in
        it, and every address it links to."""
        self.nav, self.rendered = nav, {}
        self.items = items(nav)
        self.in_nav = {id(item) for item in self.items}
        for item in self.items:
            self.in_nav.update(id(page) for page in getattr(item, "pages", None) or [])
        self.addresses = [item.url for item in self.items if getattr(item, "url", None) is not None]
        if nav.homepage is not None:
            self.addresses.append(nav.homepage.url)

    def __call__(self, context):
        page, nav = context.get("page"), context.get("nav")
        if nav is not None and nav is not self.nav:
            self.learn(nav)
        if page is None or nav is None or id(page) in self.in_nav:
            yield from self.render(context)
            return
        url = context.environment.filters["url"]  # as the template finds it, after the blog plugin's change
        key = (
            tuple(bool(item.active) for item in self.items),
            tuple(url(context, address) for address in self.addresses),
        )
        if key not in self.rendered:
            self.rendered[key] = "".join(self.render(context))
        yield self.rendered[key]


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    template = env.get_template(TEMPLATE)
    template.root_render_func = SharedNav(template.root_render_func)
    return env
