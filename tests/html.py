"""Small helpers for reading built pages."""


def text_of(element) -> str:
    """An element's text as read aloud, white space collapsed, without the
    "¶" permalinks that the toc extension adds to headings."""
    words = (
        string
        for string in element.find_all(string=True)
        if "headerlink" not in string.parent.get("class", [])
    )
    return " ".join(" ".join(words).split())
