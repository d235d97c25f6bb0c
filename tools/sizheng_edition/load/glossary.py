"""Reading the glossary: ``conf/glossary.yaml`` checked against its published schema
(``load.schema``), parsed into ``model.glossary``, and validated where a schema cannot
(pinyin overrides, forms claimed twice, anchors, see-also), with errors that name the
entry and the YAML line.  Longer texts (english, definition, note, …) are folded to one
line, as the edition shows them as paragraphs.  Quotations from the essays are checked
against the built articles once those exist (``check_quotations``)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import NoReturn, Protocol

from sizheng_edition.errors import EditionError
from sizheng_edition.load import pinyin_cache
from sizheng_edition.load.quotations import check_quotations as check_quotations
from sizheng_edition.load.schema import Format, check_modeline, validate
from sizheng_edition.load.yaml_lines import LDict, LList, fold_lines, parse_yaml, read_text
from sizheng_edition.model.glossary import (
    Category,
    Dated,
    Entry,
    Glossary,
    HistoryItem,
    Quotation,
    Rendering,
    Source,
)
from sizheng_edition.text import pinyin as py


def load_glossary(path: Path) -> Glossary:
    text = read_text(path, "glossary")
    check_modeline(text, str(path), Format.GLOSSARY)
    cache = pinyin_cache.cache_path(text)
    known = pinyin_cache.read(cache)
    glossary = parse_glossary(parse_yaml(text, str(path)), str(path), known)
    if known is None:
        pinyin_cache.write(cache, {e.term: e.pinyin for e in glossary.entries})
    return glossary


def parse_glossary(data: object, where: str, known: Mapping[str, str] | None = None) -> Glossary:
    """``known``: each term's display pinyin, as computed before from exactly this
    glossary text (``load.pinyin_cache``); an entry found there is not read again."""
    validate(data, where, Format.GLOSSARY)
    assert isinstance(data, LList), "the glossary schema admits only a list"
    nodes = tuple(item for item in data if isinstance(item, LDict))
    entries = tuple(_entry(where, node, known or {}) for node in nodes)
    _check_unique(where, entries, nodes)
    _check_references(where, entries, nodes)
    return Glossary(where, entries)


class _Fail(Protocol):
    def __call__(self, key: Hashable | None, message: str) -> NoReturn: ...


def _entry(where: str, entry: LDict, known: Mapping[str, str]) -> Entry:
    # The schema has admitted the entry: its fields have their types; what is left is
    # what a schema cannot say (pinyin readings, uniqueness, references).
    term = _field(entry, "term").strip()

    def fail(key: Hashable | None, message: str) -> NoReturn:
        raise EditionError(where, entry.line_of(key) if key else entry.line, f"entry {term!r}: {message}")

    override = _optional(entry, "pinyin")
    pinyin = known.get(term)
    if pinyin is None:
        # Also checks an override against the characters' readings: a cached reading
        # passed this check when it was computed from the same text.
        sylls, override = _syllables(term, override, fail)
        pinyin = override or py.display(term, sylls)
    rendering = Rendering(_field(entry, "rendering"))
    sources = _sources(entry)
    if rendering is not Rendering.OWN and not sources:
        # A label says where the English comes from; without a source one can open, it is
        # the edition's own (format v2).
        fail("rendering", f"missing key 'sources': an {rendering.value} rendering needs at least one source "
             "(title, publisher, date, url), or the rendering is 'own'")  # fmt: skip
    return Entry(
        term=term,
        traditional=_field(entry, "traditional").strip(),
        pinyin=pinyin,
        pinyin_override=override,
        english=fold_lines(_field(entry, "english")),
        rendering=rendering,
        rendering_source=fold_lines(_field(entry, "rendering_source")),
        category=Category(_field(entry, "category")),
        definition=fold_lines(_field(entry, "definition")),
        variants=_terms(entry, "variants"),
        see_also=_terms(entry, "see_also"),
        note=_optional(entry, "note"),
        sources=sources,
        quotations=_quotations(entry),
        history=_history(where, term, entry),
        yaml_line=entry.line,
    )


def _field(entry: LDict, key: str) -> str:
    value = entry[key]
    assert isinstance(value, str), f"the glossary schema admitted {key}={value!r}"
    return value


def _optional(entry: LDict, key: str) -> str | None:
    """Text shown as a paragraph, folded to one line; absent or null is None."""
    return fold_lines(_field(entry, key)) if entry.get(key) is not None else None


def _sources(entry: LDict) -> tuple[Source, ...]:
    value = entry.get("sources") or []
    assert isinstance(value, list), "the glossary schema admits only a list of sources"
    return tuple(
        Source(
            title=fold_lines(_field(s, "title")),
            publisher=fold_lines(_field(s, "publisher")),
            date=_field(s, "date"),
            url=_field(s, "url"),
            quote=_optional(s, "quote"),
        )
        for s in value
        if isinstance(s, LDict)
    )


def _history(where: str, term: str, entry: LDict) -> tuple[HistoryItem, ...]:
    """The dated events, checked where a schema cannot: a date the calendar has, not later
    than the page that reports it (a report's date is the page's own), ``first`` only where
    the quoted words say so, and the items oldest first."""
    value = entry.get("history") or []
    assert isinstance(value, list), "the glossary schema admits only a list of history items"
    out: list[HistoryItem] = []
    for item in value:
        if not isinstance(item, LDict):
            continue
        node = item["source"]
        assert isinstance(node, LDict), "the glossary schema admits only a mapping as a history source"

        def fail(at: LDict, key: str, message: str) -> NoReturn:
            raise EditionError(where, at.line_of(key), f"entry {term!r}: {message}")

        date, source_date = _field(item, "date"), _field(node, "date")
        for at, key, text in ((item, "date", date), (node, "date", source_date)):
            if _calendar(text) is None:
                fail(at, key, f"history date {text!r} is not a date of the calendar")
        source = Source(
            title=fold_lines(_field(node, "title")),
            publisher=fold_lines(_field(node, "publisher")),
            date=source_date,
            url=_field(node, "url"),
            quote=fold_lines(_field(node, "quote")),
        )
        dated = Dated(_field(item, "dated")) if item.get("dated") is not None else Dated.EVENT
        if dated is Dated.REPORT and not source_date.startswith(date):
            fail(item, "date", f"history date {date} is marked as the report's, but the report is "
                 f"dated {source_date}")  # fmt: skip
        if _later(date, source_date):
            fail(item, "date", f"history date {date} is later than its source, dated {source_date}: "
                 "a page can only report what has happened")  # fmt: skip
        first = item.get("first") is True
        if first and not _SAYS_FIRST.search(source.quote or ""):
            fail(item, "first", "history item is marked 'first', but its source's quote does not say "
                 "so (first, 首次, 第一次): quote the words that do, or leave 'first' out")  # fmt: skip
        if out and _later(out[-1].date, date):
            fail(item, "date", f"history is oldest first: {date} comes after {out[-1].date}")
        out.append(HistoryItem(date, fold_lines(_field(item, "event")), source, first, dated, item.line))
    return tuple(out)


_SAYS_FIRST = re.compile(r"\bfirst\b|首次|第一次", re.IGNORECASE)


def _calendar(date: str) -> datetime.date | None:
    """The first day ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) can mean, or None for a
    month or day the calendar does not have."""
    parts = [int(p) for p in date.split("-")]
    try:
        return datetime.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return None


def _later(date: str, than: str) -> bool:
    """Whether ``date`` is certainly later than ``than``: compared to the coarser of the
    two precisions, so 2016-01-29 is not later than a page dated 2016-01."""
    n = min(len(date), len(than))
    return date[:n] > than[:n]


def _quotations(entry: LDict) -> tuple[Quotation, ...]:
    value = entry.get("quotations") or []
    assert isinstance(value, list), "the glossary schema admits only a list of quotations"
    out = []
    for q in value:
        if isinstance(q, LDict):
            paragraph = q["paragraph"]
            assert isinstance(paragraph, int), f"the glossary schema admitted paragraph={paragraph!r}"
            lines = (q.line_of("article"), q.line_of("paragraph"), q.line_of("text"))
            out.append(Quotation(_field(q, "article").strip(), paragraph, _field(q, "text").strip(), lines))
    return tuple(out)


def _terms(entry: LDict, key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    assert isinstance(value, list)
    return tuple(str(v).strip() for v in value)


def _syllables(term: str, override: str | None, fail: _Fail) -> tuple[list[str], str | None]:
    """Syllables for the term; an override is written as displayed, grouped into words
    (``zūnfǎ xuéfǎ shǒufǎ yòngfǎ``), and every syllable must be a reading of its character."""
    if override is None:
        return py.syllables(term), None
    chars = [c for c in term if py.spoken(c)]
    sylls: list[str] = []
    words = override.replace("'", " ").split()
    for word in words:
        rest = word.lower()
        while rest:
            if len(sylls) == len(chars):
                fail("pinyin", f"pinyin override {override!r} has more syllables than {term} has characters")
            char = chars[len(sylls)]
            # A reading without its tone mark is the neutral tone (cāngying), which GB/T
            # 16159 writes unmarked and dictionaries do not list per character.
            readings = py.readings(char) | {py.strip_tones(r).replace("v", "ü") for r in py.readings(char)}
            fits = sorted((r for r in readings if rest.startswith(r)), key=len, reverse=True)
            if not fits:
                known = ", ".join(sorted(py.readings(char)))
                problem = f"{rest!r} does not begin with a reading of {char} ({known})"
                fail("pinyin", f"pinyin override {override!r}: {problem}")
            sylls.append(fits[0])
            rest = rest[len(fits[0]) :]
    if len(sylls) != len(chars):
        fail("pinyin", f"pinyin override {override!r} has {len(sylls)} syllables for {len(chars)} characters")
    return sylls, override


def _form_line(node: LDict, key: str, form: str) -> int:
    """The line of ``form`` in the entry's ``key`` (a term, or an item of a list of forms)."""
    value = node.get(key)
    if isinstance(value, LList):
        return next((line for v, line in zip(value, value.item_lines, strict=True) if str(v).strip() == form),
                    value.line)  # fmt: skip
    return node.line_of(key)


def _check_unique(where: str, entries: tuple[Entry, ...], nodes: tuple[LDict, ...]) -> None:
    owner: dict[str, tuple[Entry, int]] = {}
    anchors: dict[str, Entry] = {}
    for e, node in zip(entries, nodes, strict=True):
        for key, form in [("term", e.term), *(("variants", v) for v in e.variants)]:
            line = _form_line(node, key, form)
            if form in owner:
                first, first_line = owner[form]
                what = "term" if form == e.term and form == first.term else "form"
                raise EditionError(
                    where,
                    line,
                    f"entry {e.term!r}: {what} {form!r} is already claimed by entry {first.term!r} "
                    f"(line {first_line})",
                )
            owner[form] = (e, line)
        if e.anchor in anchors:
            raise EditionError(
                where,
                node.line_of("term"),
                f"entry {e.term!r}: anchor {e.anchor} is already used by {anchors[e.anchor].term!r}",
            )
        anchors[e.anchor] = e


def _check_references(where: str, entries: tuple[Entry, ...], nodes: tuple[LDict, ...]) -> None:
    terms = {e.term for e in entries}
    for e, node in zip(entries, nodes, strict=True):
        for other in e.see_also:
            line = _form_line(node, "see_also", other)
            if other not in terms:
                raise EditionError(where, line, f"entry {e.term!r}: 'see also' names missing entry {other!r}")
            if other == e.term:
                raise EditionError(where, line, f"entry {e.term!r}: 'see also' names itself")
