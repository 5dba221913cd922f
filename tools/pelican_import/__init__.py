"""Import the articles of a Pelican blog into the site's Material blog.

    python -m tools.pelican_import SRC [--dest docs/blog] [--dry-run] ...

Each article under SRC (Markdown, or reStructuredText converted with pandoc)
becomes DEST/posts/<slug>.md with the front matter Material's blog reads. The
files it links with {static}, {filename} or {attach} are copied to
DEST/images/<slug>/, its authors are added to DEST/.authors.yml, and its old
address is kept by the site's redirect hook, through `old_urls:` when the
site's own pattern would not give it. DEST/.pelican-import.yml records which
source each post came from, so that a second run overwrites its own posts
instead of taking them for duplicates. Files are only written when their
bytes change, so a second run on the same source changes nothing.

The stages, in the order a run goes through them:

- reader.py: Pelican's article files -> Source (headers, body) -> Post
- site.py, site_config.py: what mkdocs.yml says (through
  overrides/hooks/site_rules.py), and the categories added to it
- addresses.py: a unique address per post, translations, the old address kept
- checks.py, colours.py: what keeps readers out (alt text, empty links,
  heading levels, colours a palette cannot show), reported or fixed
- links.py: {static}, {attach}, {filename}, ... links rewritten; links
  Pelican published broken and frames from other hosts, by the rule both
  importers share (tools/markdown_links.py)
- body.py: the body made ready (title, summary marker, rST by pandoc)
- images.py, pictures.py: images downloaded, sized, downscaled, with
  smaller copies; pictures.py works on the files, images.py on the post
- front_matter.py: the post file written as the site's own posts are
- output.py: files, .authors.yml and the manifest written
- report.py: problems, what was fixed, and the summary
- cli.py: the command line, running the stages in order
"""
