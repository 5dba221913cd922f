"""Give the home page the newest blog post, for its teaser."""


def on_page_context(context, page, config, nav):
    if page.meta.get("template") != "home.html":
        return context
    blog = config.plugins["material/blog"].blog
    if blog.posts:
        context["latest_post"] = max(blog.posts, key=lambda post: post.config.date.created)
    return context
