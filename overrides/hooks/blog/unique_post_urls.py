"""Fail the build when two pages would be written to the same URL.

MkDocs keeps one of them and silently drops the other; for blog posts that
happens when two posts share a slug and a year.
"""

from collections import defaultdict

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


# Run after Material's blog plugin (-50), which gives posts their final URLs.
@event_priority(-60)
def on_files(files, config):
    sources = defaultdict(list)
    for file in files.documentation_pages(inclusion=lambda _: True):
        sources[file.dest_uri].append(file.src_uri)
    clashes = {url: srcs for url, srcs in sources.items() if len(srcs) > 1}
    if clashes:
        lines = [
            f"  {' and '.join(sorted(srcs))} would both be published at '{url}'"
            for url, srcs in sorted(clashes.items())
        ]
        raise PluginError(
            "Two pages share one URL; give one of them another slug:\n" + "\n".join(lines)
        )
    return files
