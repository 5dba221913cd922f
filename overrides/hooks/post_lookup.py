"""Answer "is this page a blog post?" in constant time.

Material's blog plugin asks `page not in blog.posts` for every page, in
on_page_markdown and again in on_page_content. On a list, `in` compares the
page with each post through Page.__eq__, which compares titles, and the
title of a post that is not rendered yet is read again from its whole
Markdown on every comparison: pages x posts title look-ups, 2 million at
1,000 posts and a third of the build, growing with the square of the posts.

This hook swaps the list for one that answers `in` from a set of the posts'
identities. The answers are the same: a page equals a post only when it is
of the same class and has the same file, and MkDocs makes one page per file,
so a page equals a post exactly when it is that post. Everything else about
the list (order, indexing, iteration) is unchanged.
"""

from mkdocs.plugins import event_priority


class PostList(list):
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
    setattr(PostList, _name, _resyncing(_name))


# After the blog plugin (-50) has read and sorted the posts.
@event_priority(-60)
def on_files(files, config):
    blog = config.plugins["material/blog"].blog
    blog.posts = PostList(blog.posts)
    return files
