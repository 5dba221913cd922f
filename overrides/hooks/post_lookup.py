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
"""

from mkdocs.plugins import event_priority


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
def on_files(files, config):
    blog = getattr(config.plugins["material/blog"], "blog", None)
    if blog is None:  # the blog plugin is disabled
        return files
    blog.posts = PageList(blog.posts)
    for view in views(blog):
        pages = PageList(view.pages)
        for page in {id(page): page for page in [view, *pages]}.values():
            page.pages = pages  # each page of a listing shares its list of pages
    return files
