"""Give the feeds' channel the site's share image as an absolute address.

The RSS plugin writes its `image` option as given, and a path relative to
the site means nothing to a feed reader; without the option it writes
`<url>None</url>`. The address follows site_url, so it follows SITE_URL.
"""

from mkdocs.plugins import event_priority


# Before the RSS plugin's own on_config, which reads the option.
@event_priority(100)
def on_config(config):
    config.plugins["rss"].config.image = config.site_url + config.extra["share_image"]["path"]
    return config
