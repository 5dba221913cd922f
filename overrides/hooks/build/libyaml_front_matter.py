"""Read blog posts' front matter with PyYAML's C parser, libyaml.

Material's blog plugin reads each post's front matter itself, with
`yaml.load(text, SafeLoader)`: PyYAML's pure-Python scanner and parser, half
a second per 1,000 posts, an eighth of that with libyaml. CSafeLoader is
SafeLoader with libyaml's scanner and parser; the constructor and resolver
are the same classes, so every post gets the same values. Front matter that
libyaml rejects is read again by SafeLoader, so a broken post fails with the
same message as before (libyaml's would not quote the line).

The plugin looks the name `SafeLoader` up in its module when it reads a
post; this hook points that name at the loader below, when PyYAML was built
with libyaml (the PyPI wheels are) and the plugin still uses SafeLoader. On
load it checks that the plugin still reads posts that way (Material 9.8.2:
`Post.__init__` calls `yaml.load(..., SafeLoader)`), and fails the build if not.
"""

import yaml
from material.plugins.blog import structure
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def names_used(function) -> tuple:
    """The global and attribute names a function's code looks up."""
    return getattr(getattr(function, "__code__", None), "co_names", ())


if "SafeLoader" not in names_used(getattr(getattr(structure, "Post", None), "__init__", None)):
    raise PluginError(
        "libyaml_front_matter.py: Material's blog plugin no longer reads front matter with the name "
        "SafeLoader in material.plugins.blog.structure.Post.__init__; follow its new way or remove this hook"
    )


class LibyamlSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def __init__(self, stream):
        self._source = stream
        super().__init__(stream)

    def get_single_data(self):
        try:
            return super().get_single_data()
        except yaml.YAMLError:
            return yaml.load(self._source, yaml.SafeLoader)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if getattr(yaml, "__with_libyaml__", False) and structure.SafeLoader is yaml.SafeLoader:
        structure.SafeLoader = LibyamlSafeLoader
    return config
