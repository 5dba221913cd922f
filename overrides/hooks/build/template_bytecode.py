"""Keep the theme's templates compiled between builds, in `.cache/jinja/`.

Jinja compiles every template it loads from its source to Python at every
build: Material's 68 templates, about 1.9 s of a profiled build of the
conference blog (issue 23). Jinja's own FileSystemBytecodeCache keeps the
compiled code on disk; a template's entry is used only when its source's
checksum is the one it was compiled from (and the Python is the same), so an
edited template is compiled again and nothing else changes.

The cache has to be in place before the first template is loaded, so this
runs before every other on_env (shared_nav.py loads the navigation's template
there). It uses only Jinja's public API.
"""

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


def cache_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "jinja"


# First: before any hook or plugin loads a template.
@event_priority(100)
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    folder = cache_dir(config)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
