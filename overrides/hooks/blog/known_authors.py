"""Stop the build, naming the post, when a post names an author that
docs/blog/.authors.yml does not declare.

Material checks this while rendering the post, but with `authors_profiles`
its author pages are made first and fail on the unknown id with a bare
KeyError that names no file.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data


# Before the blog plugin's on_files (priority -50), which makes the author pages.
@event_priority(-40)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    blog = config.plugins["material/blog"]
    post_dir = blog.config.post_dir.format(blog=blog.config.blog_dir).strip("/") + "/"
    for file in files.documentation_pages():
        if not file.src_uri.startswith(post_dir):
            continue
        _, meta = get_data(Path(file.abs_src_path).read_text(encoding="utf-8"))
        for author in meta.get("authors") or []:
            if author not in blog.authors:
                raise PluginError(f"{Path(config.docs_dir).name}/{file.src_uri}: unknown author '{author}' "
                                  f"(authors are declared in {blog.config.authors_file.format(blog=blog.config.blog_dir)})")
    return files
