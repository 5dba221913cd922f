"""The command line: `python -m tools.pelican_import SRC [options]` runs the
stages in order (read, give addresses, check, rewrite and write) and
reports what it did."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, fields
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tqdm import tqdm

from tools.pelican_import.addresses import assign_old_urls, assign_slugs, existing_slugs, mark_translations
from tools.pelican_import.body import add_more_marker, markdown_body, rst_body
from tools.pelican_import.checks import BodyChecks
from tools.pelican_import.front_matter import render_post
from tools.pelican_import.images import heaviest, prepare
from tools.pelican_import.links import Linker
from tools.pelican_import.output import MANIFEST, Authors, Writer, manifest_text, read_manifest
from tools.pelican_import.reader import find_sources, read_posts
from tools.pelican_import.records import ImportFailed, Post
from tools.pelican_import.report import Tally, fixed, print_problems, problem
from tools.pelican_import.site import Site, allow_categories, load_site, missing_categories
from tools.pelican_import.site_config import CannotEdit

PROGRESS_MIN_FILES = 50

# The options that are on or off: what each does when on.
SWITCHES = {
    "--fix-links": "mend the links Pelican published broken where there is one reading (a web address without "
    "https://, an e-mail address without mailto:, a target in two pairs of parentheses) and make frames "
    "from other hosts plain links; each change is reported",
    "--fix-headings": "shift a post's headings up when its first one is deeper than ##, so headings go in order",
    "--fix-colours": "take out of raw HTML the text colours one of the site's palettes cannot show (WCAG AA "
    "contrast on its background), so that text takes the palette's colour",
    "--localize-images": "download images linked from other hosts into the post's image folder and link the "
    "copy; without it each is reported, since readers' browsers would call that host",
    "--dry-run": "write nothing; print what would be written",
    "--verbose": "list every problem; by default a kind met more than three times is one line with its count",
}


@dataclass
class Options:
    src: Path
    dest: Path
    url_pattern: str
    timezone: tzinfo
    default_author: str
    config: Path
    dry_run: bool
    verbose: bool = False
    fix_links: bool = False
    fix_headings: bool = False
    fix_colours: bool = False
    lang_url_pattern: str = "{slug}-{lang}.html"
    default_lang: str = "en"
    localize_images: bool = False


def run(options: Options) -> int:
    site = load_site(options.config)
    if Path(os.path.abspath(options.dest)) != site.blog_folder:
        print(f"note: {options.dest} is not the blog folder of {options.config} ({site.blog_folder}); "
              "links in raw HTML are written for that blog's addresses", file=sys.stderr)
    paths, pages = find_sources(options.src)
    tally = Tally()
    posts, tally.problems, tally.skipped = read_posts(paths, options.src, options.timezone, options.default_author)
    manifest_path = options.dest / MANIFEST
    owners = read_manifest(manifest_path)
    mark_translations(posts, options.default_lang)
    tally.problems += assign_slugs(
        posts, existing_slugs(options.dest / "posts"), owners, options.dest / "posts", address=site.post_page,
    )
    tally.problems += assign_old_urls(posts, options.url_pattern, site, options.lang_url_pattern)
    if missing := missing_categories(posts, site):
        try:
            print(allow_categories(options.config, site, missing, options.dry_run), file=sys.stderr)
        except CannotEdit as error:
            print(f"error: {options.config}: {error}; nothing was written", file=sys.stderr)
            return 2
    authors = Authors(options.dest / ".authors.yml", site)
    entries = write_posts(posts, options, site, authors, tally)
    if entries:
        Writer(options.dry_run).write(manifest_path, manifest_text({**owners, **entries}).encode("utf-8"))
    print_problems(tally.problems, options.verbose)
    if line := heaviest(tally.image_bytes):
        print(line, file=sys.stderr)
    print(tally.summary(pages, len(authors.added), options.dry_run))
    return 1 if tally.skipped or any(not p.fixed for p in tally.problems) else 0


def write_posts(posts: list[Post], options: Options, site: Site, authors: Authors, tally: Tally) -> dict[str, str]:
    """Render and write each post and its files; returns the manifest entries of the written posts."""
    writer = Writer(options.dry_run)
    by_path = {os.path.abspath(post.source.path): post for post in posts}
    show = sys.stderr.isatty() or len(posts) > PROGRESS_MIN_FILES
    entries = {}
    for post in tqdm(posts, desc="Importing", unit="post", disable=not show, file=sys.stderr):
        linker = Linker(post, options.src, site, by_path, options.fix_links)
        checks = BodyChecks(options.fix_colours)
        source = post.source
        try:
            if source.is_rst:
                body = linker.converted_html(rst_body(source.body, source.body_line, linker.line))
                body = [checks.line(text, source.body_line) for text in body]  # pandoc's lines have no source line
            else:
                body = markdown_body(
                    source.body, source.body_line, post.title, lambda text, n: linker.line(checks.line(text, n), n)
                )
        except ImportFailed as failure:
            tally.skipped += 1
            tally.problems.append(problem(source, failure.line, failure.reason))
            continue
        body = checks.finish(body, options.fix_headings)
        if not post.summary:
            body = add_more_marker(body)
        tally.problems += [
            (fixed if found.fixed else problem)(source, found.line, f"{found.kind}: {found.detail}", found.kind)
            for found in checks.findings
        ]
        images = prepare(post, site, body, linker.copies, options.localize_images)
        body = images.body
        ids = [authors.id_for(name) for name in dict.fromkeys(post.authors)]
        text = render_post(post, list(dict.fromkeys(ids)), body)
        tally.imported += 1
        tally.written += writer.write(options.dest / "posts" / f"{post.file_stem}.md", text.encode("utf-8"))
        for name, data in images.files.items():
            tally.copied += writer.write(options.dest / "images" / post.file_stem / name, data)
        tally.problems += linker.problems + images.problems
        tally.image_bytes.append((source.shown, images.before, images.after))
        entries[post.file_stem] = source.rel
        if post.redirected and not post.draft:
            tally.redirects += 1
            tally.via_old_urls += bool(post.old_urls)
    if authors.added:
        writer.write(authors.path, authors.merged_text().encode("utf-8"))
    return entries


def time_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {name!r}: use an IANA name such as Asia/Kolkata") from None


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m tools.pelican_import",
        description="Import the articles of a Pelican blog (Markdown and reStructuredText) "
        "into the site's Material blog.",
        epilog="Problems are reported as path:line: reason. "
        "The exit code is 1 when a file was skipped or a problem is left for a person (what the importer "
        "fixed itself does not count), 2 when mkdocs.yml cannot be read or edited, else 0.",
    )
    parser.add_argument(
        "src", metavar="SRC", type=Path,
        help="the Pelican content folder, read recursively; {static}/x paths start at it",
    )
    parser.add_argument(
        "--dest", type=Path, default=Path("docs/blog"),
        help="the blog folder to write into: posts/<slug>.md, images/<slug>/ and .authors.yml "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--url-pattern", default="{year}/{slug}.html",
        help="the old blog's ARTICLE_URL, relative to its root, with {slug}, {year}, {month}, {day}, "
        "{date:%%Y}, {category}, {author}, {lang} or any header; a post gets old_urls: when the "
        "site's own pattern does not give this address (default: %(default)s)",
    )
    parser.add_argument(
        "--lang-url-pattern", default="{slug}-{lang}.html",
        help="the old blog's ARTICLE_LANG_URL: the address of a translation (default: %(default)s)",
    )
    parser.add_argument(
        "--default-lang", default="en",
        help="the old blog's DEFAULT_LANG: a post in another language that shares its slug with one in this "
        "language is its translation (default: %(default)s)",
    )
    parser.add_argument(
        "--timezone", type=time_zone, default="GMT",
        help="the IANA time zone of dates written without one, Pelican's TIMEZONE (default: %(default)s)",
    )
    parser.add_argument(
        "--default-author", default="PyCon India Content Team",
        help="the author of posts with no or a blank Author header (default: %(default)s)",
    )
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml, for the blog's addresses and extra.old_blog.article_url "
        "(default: %(default)s)",
    )
    for flag, help in SWITCHES.items():
        parser.add_argument(flag, action="store_true", help=help)
    args = parser.parse_args(argv)
    if not args.src.is_dir():
        parser.error(f"SRC {str(args.src)!r} is not a folder")
    if not args.config.is_file():
        parser.error(f"--config {str(args.config)!r} is not a file")
    return Options(**{field.name: getattr(args, field.name) for field in fields(Options)})


def main(argv: list[str] | None = None) -> int:
    from mkdocs.exceptions import ConfigurationError

    options = parse_args(argv)
    try:
        return run(options)
    except ConfigurationError as error:
        print(f"error: cannot read {options.config}: {error}", file=sys.stderr)
        return 2
