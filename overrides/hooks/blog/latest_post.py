"""Give the home page the newest blog post, for its teaser: its excerpt,
rendered for the home page as Material renders it for each listing, so that
its links and images (and their srcset, excerpt_srcset.py) resolve from there."""


def on_page_context(context, page, config, nav):
    if page.meta.get("template") != "home.html":
        return context
    blog = config.plugins["material/blog"]
    if blog.blog.posts:
        latest = max(blog.blog.posts, key=lambda post: post.config.date.created)
        if latest.excerpt is not None:
            latest.excerpt.render(page, blog.config.post_excerpt_separator)
        context["latest_post"] = latest.excerpt or latest
    return context
