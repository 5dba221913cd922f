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
with libyaml (the PyPI wheels are) and the plugin still uses SafeLoader.
"""

import yaml
from material.plugins.blog import structure


class LibyamlSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def __init__(self, stream):
        self._source = stream
        super().__init__(stream)

    def get_single_data(self):
        try:
            return super().get_single_data()
        except yaml.YAMLError:
            return yaml.load(self._source, yaml.SafeLoader)


def on_config(config):
    if getattr(yaml, "__with_libyaml__", False) and structure.SafeLoader is yaml.SafeLoader:
        structure.SafeLoader = LibyamlSafeLoader
    return config
