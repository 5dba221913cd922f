"""Bring a conference programme into one edition of the site (docs/<year>/*.yml).

    python -m tools.programme_import SOURCE [--fix] [--dry-run] [--edition YEAR] [--current] ...

SOURCE is told apart by its content: the `data/` folder of the old Hugo
conference site (schedule.yml, keynote_speakers.yml, tickets.yml,
sponsors.yml, communities.yml), the `_data/` folder of the old Jekyll one
(talks.yml, speakers.yml, tickets.yml, sponsors.yml, partners.yml,
conference-details.yml), or a frab / pretalx `schedule.json` (a file, or an
address when there is a network). `--recordings DIR` links each
session to its recording from a pyvideo/data conference folder. The
edition is the one the source's first day belongs to, or `--edition`'s;
a new one is started (edition.py), and no other edition's file is touched.

One record shape for every reader: the dicts the programme's own models
(overrides/hooks/programme/programme_data.py) check. The stages:

- hugo.py: the old Hugo site's data files (2021) -> records, flaws reported or fixed
- jekyll.py: the old Jekyll site's data files (2020) -> records, the same way
- frab.py: a frab/pretalx schedule.json, checked against the c3voc schema -> records
- recordings.py: pyvideo/data videos matched to sessions -> recording links
- texts.py: abstracts, descriptions and biographies made ready for the strict build (line
  endings, links by the rule the blog importer shares, tools/markdown_links.py) and judged
  as MkDocs' strict validation will judge them
- edition.py: the edition's facts (edition.yml) compared, edited or started; its year in
  mkdocs.yml's extra.editions
- merge.py: records merged into what the edition has, keeping what the team edited by hand
- writer.py: the YAML files, checked by the build's own rules before a byte is written
- cli.py: the command line and its report
"""
