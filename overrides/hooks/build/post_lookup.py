"""Answer "is this page one of the blog's posts (or of a listing's pages)?"
in constant time.

Material's blog plugin asks `page not in blog.posts` for every page, in
on_page_markdown and again in on_page_content. On a list, `in` compares the
page with each post through Page.__eq__, which compares titles, and the
title of a post that is not rendered yet is read again from its whole
Markdown on every comparison: pages x posts title look-ups, 2 million at
1,000 posts and a third of the build, growing with the square of the posts.
Material's navigation template likewise asks, on every page and for each
listing in the navigation, `page in nav_item.pages`: the listing's pages
(the blog index alone has one per 10 posts), again pages x posts.

This hook swaps those lists for lists that answer `in` from a set of their
items' identities. The answers are the same: a page equals another only when
it is of the same class and has the same file, and MkDocs makes one page per
file, so a page equals an item exactly when it is that item. Everything else
about the lists (order, indexing, iteration) is unchanged.

On load it checks what it relies on, as in Material 9.8.2 and MkDocs 1.6: the
blog plugin keeps its posts and listings in `blog` (a View whose `posts`,
`views` and `pages` are lists), and a page equals another only if their files
are equal; it fails the build, naming what is gone, if not.
"""

import inspect

from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import View
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def names_used(function) -> set[str]:
    """The global and attribute names a function's code looks up (through
    wrappers that name what they wrap, as a test's counting wrapper does)."""
    return set(getattr(getattr(inspect.unwrap(function), "__code__", None), "co_names", ()))


RELIED_ON = {
    "BlogPlugin.on_files setting its 'blog'": {"blog"} <= names_used(BlogPlugin.on_files),
    "View.__init__ setting 'posts', 'views' and 'pages'": {"posts", "views", "pages"} <= names_used(View.__init__),
    "Page.__eq__ comparing the pages' 'file'": "file" in names_used(Page.__eq__),
}
if not all(RELIED_ON.values()):
    raise PluginError(
        "post_lookup.py: Material or MkDocs has changed what this hook relies on; no "
        + ", no ".join(what for what, there in RELIED_ON.items() if not there)
    )


class PageList(list):
    """A list whose `in` looks items up by identity, kept in step with the list."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def _resyncing(name):
    method = getattr(list, name)

    def wrapper(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self._ids = {id(item) for item in self}
        return result

    return wrapper


for _name in ("append", "extend", "insert", "remove", "pop", "clear",
              "__setitem__", "__delitem__", "__iadd__", "__imul__"):
    setattr(PageList, _name, _resyncing(_name))


def views(view):
    """The blog and its archive, category and author views."""
    yield view
    for child in view.views:
        yield from views(child)


# After the blog plugin (-50) has read the posts and paginated the listings.
@event_priority(-60)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    blog = getattr(config.plugins["material/blog"], "blog", None)
    if blog is None:  # the blog plugin is disabled
        return files
    blog.posts = PageList(blog.posts)
    for view in views(blog):
        pages = PageList(view.pages)
        for page in {id(page): page for page in [view, *pages]}.values():
            page.pages = pages  # each page of a listing shares its list of pages
    return files
