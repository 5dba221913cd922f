"""What the readers of the old conference sites' data share (hugo.py for 2021's
`data/`, jekyll.py for 2020's `_data/`): the report's lines, and the two
flaws both sites' schedules have, fixed by one rule each."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from tools.pelican_import.report import Problem
from tools.programme_import.records import Imported, line_of


# A ticket's terms as both sites wrote them in its text: "Sale ends by 10 September, 2021 11:59 PM (Asia/Kolkata)",
# "or on completion of 200 tickets" (2020's data also spells it "completetion").
SALE_ENDS = re.compile(r"Sale ends by (\d{1,2} \w+, \d{4} \d{1,2}:\d{2} [AP]M) \(([\w/]+)\)", re.IGNORECASE)
LIMIT = re.compile(r"complet\w*\s+of\s+(\d+)\s+tickets", re.IGNORECASE)


def sale_terms(text: str) -> dict:
    """`sale_ends` and `limit` of a ticket, where its text states them."""
    terms = {}
    ends = SALE_ENDS.search(text)
    if ends:
        terms["sale_ends"] = datetime.strptime(ends[1], "%d %B, %Y %I:%M %p").replace(tzinfo=ZoneInfo(ends[2]))
    limit = LIMIT.search(text)
    if limit:
        terms["limit"] = int(limit[1])
    return terms


class OldSiteReader:
    """A reader of an old site's data folder; `FOLDER` is how its reports name it (`data`, `_data`)."""

    FOLDER = ""

    def __init__(self, fix: bool):
        self.fix = fix
        self.out = Imported()

    # The report: a fix is made (and said) only with --fix; without it, the same line is a problem left.
    def problem(self, file: str, entry: object, reason: str, kind: str = "") -> None:
        self.out.problems.append(Problem(f"{self.FOLDER}/{file}", line_of(entry), reason, kind))

    def fixed(self, file: str, entry: object, reason: str, kind: str = "") -> bool:
        self.out.problems.append(Problem(f"{self.FOLDER}/{file}", line_of(entry), reason if self.fix else f"{reason} (--fix does it)",
                                         kind, fixed=self.fix))
        return self.fix

    def keynote_title(self, file: str, entry: dict, title: str, kind: str, names: list[str]) -> str:
        """Both sites title every keynote "Keynote": its speakers tell them apart, and so does the title here."""
        if kind == "keynote" and title.lower() == "keynote" and names:
            if self.fixed(file, entry, f"a keynote titled only 'Keynote': titled 'Keynote: {', '.join(names)}'",
                          "a keynote titled only 'Keynote'"):
                return f"Keynote: {', '.join(names)}"
        return title

    def session_links(self, file: str, entry: dict, field: str, title: str) -> dict:
        """The session's one link (`field`): its proposal, or the blog post that announced it;
        a doubled slash mended, an empty one left out."""
        link = str(entry.get(field) or "").strip()
        if not link:
            if field in entry:
                self.out.problems.append(Problem(f"{self.FOLDER}/{file}", line_of(entry), f"{title!r}: an empty {field}, left out",
                                                 "an empty link", fixed=True))
            return {}
        fixed_link = re.sub(r"(?<!:)/{2,}", "/", link)
        if fixed_link != link and self.fixed(file, entry, f"address {link!r} has a doubled slash: {fixed_link!r}",
                                             "an address with a doubled slash"):
            link = fixed_link
        return {"announcement" if "/blog/" in link else "proposal": link}
