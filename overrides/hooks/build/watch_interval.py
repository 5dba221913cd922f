"""Under `mkdocs serve`, look for saved files five times a second, not twice.

MkDocs 1.6 finds a saved file by polling the watched folders with watchdog's
polling observer every half second (LiveReloadServer's `polling_interval`,
which `mkdocs serve` does not let a site set). A save then waits a quarter of
a second on average, and half a second at worst, before its rebuild starts:
as long as the short rebuild of a post or of the programme's data itself
(preview_rebuild.py), and the difference between meeting the one-second wait
of issue 23 and missing it. Polling the docs (about a thousand files with a
real blog imported) costs a few milliseconds each time.

It sets the interval on the observer and on the emitters it has already made
(watchdog 7: their `_timeout`, read by every poll); where watchdog no longer
keeps it there it logs why and leaves the interval as MkDocs set it.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

INTERVAL = 0.2  # seconds between two looks at the watched folders
log = logging.getLogger("mkdocs.hooks.watch_interval")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    observer = getattr(server, "observer", None)
    emitters = list(getattr(observer, "emitters", ()))
    if observer is None or not all(isinstance(getattr(item, "_timeout", None), (int, float)) for item in [observer, *emitters]):
        log.warning("saved files are looked for every %s seconds: watchdog's observer no longer keeps its interval in _timeout",
                    getattr(server, "polling_interval", "?"))
        return server
    for item in [observer, *emitters]:  # the observer's for the folders watched after this event (mkdocs.yml's watch:)
        item._timeout = INTERVAL
    return server
