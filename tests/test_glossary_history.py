"""History in the glossary (docs/glossary.md, "History"): dated events, each with the page
that states it. The loader refuses a bad item (tests/test_bad_glossary.py, "history-"); these
tests check the real glossary's items and how the glossary page shows and links them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sizheng_edition.load.glossary import parse_glossary
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.model.glossary import Dated, HistoryItem, Source
from sizheng_edition.render.escape import escape
from sizheng_edition.render.glossary_index import history_item, long_date

ENTRY = """\
- term: 党支部
  traditional: 黨支部
  english: x
  rendering: own
  rendering_source: test
  category: concept
  definition: A test entry.
  history:
{items}
"""

ITEM = """\
    - date: "{date}"
      event: "{event}"
      source:
        title: "A page"
        publisher: "A publisher"
        date: "{source_date}"
        url: "https://example.org/page"
        quote: "{quote}"
"""


def parse_history(*items: dict) -> tuple[HistoryItem, ...]:
    defaults = {"date": "2016-01-29", "event": "Something happened.", "source_date": "2018-10-29",
                "quote": "it happened"}  # fmt: skip
    text = ENTRY.format(items="".join(ITEM.format(**{**defaults, **i}) for i in items))
    return parse_glossary(parse_yaml(text, "g.yaml"), "g.yaml").entries[0].history


def _real_items(glossary):
    return [(e, h) for e in glossary.entries for h in e.history]


def test_at_least_twenty_entries_have_a_history(glossary):
    assert len({e.term for e, _ in _real_items(glossary)}) >= 20


def test_every_history_item_is_sourced_and_dated_well(glossary):
    today = datetime.date.today().isoformat()
    for e, h in _real_items(glossary):
        s = h.source
        assert s.url.startswith(("http://", "https://")), e.term
        assert s.title.strip() and s.publisher.strip(), e.term
        assert s.quote and s.quote.strip(), f"{e.term}: a history item quotes its source"
        for date in (h.date, s.date):
            parts = [int(p) for p in date.split("-")]
            datetime.date(parts[0], *[*parts[1:], 1, 1][:2])  # a date of the calendar
        n = min(len(h.date), len(s.date))
        assert h.date[:n] <= s.date[:n], f"{e.term}: {h.date} is later than its source ({s.date})"
        assert s.date[:n] <= today[:n], f"{e.term}: the source is dated in the future"
        if h.dated is Dated.REPORT:
            assert s.date.startswith(h.date), e.term


def test_first_is_claimed_only_where_the_source_says_so(glossary):
    for e, h in _real_items(glossary):
        if h.first:
            quote = (h.source.quote or "").lower()
            assert "first" in quote or "首次" in quote or "第一次" in quote, e.term
        else:
            assert "first" not in h.event.lower() or "first" in (h.source.quote or "").lower(), (
                f"{e.term}: the event says 'first', but the source's quote does not"
            )


def test_each_entry_history_is_oldest_first(glossary):
    for e in glossary.entries:
        dates = [h.date for h in e.history]
        assert dates == sorted(dates), e.term


def test_the_glossary_page_shows_each_history_item_with_its_link(glossary):
    page = PAGE.read_text(encoding="utf-8")
    for e, h in _real_items(glossary):
        assert f"](<{h.source.url}>)" in page, f"{e.term}: no link to {h.source.url}"
        shown = f"reported {long_date(h.date)}" if h.dated is Dated.REPORT else long_date(h.date)
        assert f"{shown}{' (*first*)' if h.first else ''}: {escape(h.event)} (" in page, e.term
    assert page.count("**History**") == len({e.term for e, _ in _real_items(glossary)})


PAGE = Path(__file__).resolve().parents[1] / "edition" / "glossary" / "index.md"


@pytest.mark.parametrize(
    ("date", "shown"), [("2016-01-29", "29 January 2016"), ("2014-12", "December 2014"), ("2015", "2015")]
)
def test_dates_read_as_dates(date, shown):
    assert long_date(date) == shown


def test_a_history_item_renders_date_event_link_and_quote():
    (item,) = parse_history({"date": "2014-12", "event": "The strategy was put forth.",
                             "source_date": "2015-09-08", "quote": "first put forth"})  # fmt: skip
    assert history_item(item) == (
        "December 2014: The strategy was put forth\\. "
        "([A page](<https://example.org/page>), A publisher, 2015\\-09\\-08: “first put forth”)"
    )


def test_first_and_a_report_date_are_shown():
    source = Source("T", "P", "2021-07-14", "https://example.org/p", "the first such document")
    first = HistoryItem("2021-07", "Issued.", source, first=True)
    reported = HistoryItem("2021-07-14", "Issued.", source, dated=Dated.REPORT)
    assert history_item(first).startswith("July 2021 (*first*): Issued\\.")
    assert history_item(reported).startswith("reported 14 July 2021: Issued\\.")


@pytest.mark.parametrize(
    ("injected", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("{raw}`html <b>x</b>`", r"\{raw\}\`html \<b\>x\<\/b\>\`"),
        ("[link](https://evil.example)", r"\[link\]\(https\:\/\/evil\.example\)"),
        ("**bold** _em_ $x$", r"\*\*bold\*\* \_em\_ \$x\$"),
    ],
)
def test_markup_in_an_event_or_its_quote_is_escaped(injected, escaped):
    """Every ASCII punctuation character is backslash-escaped, so MyST reads the text as text."""
    (item,) = parse_history({"event": injected, "quote": injected})
    shown = history_item(item)
    assert shown.count(escaped) == 2
    assert injected not in shown
