"""The glossary page: every entry by pinyin, under a letter bar, with where the term
occurs in the articles."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import groupby

from sizheng_edition.model import labels
from sizheng_edition.model.edition import Article
from sizheng_edition.model.glossary import Dated, Entry, Glossary, HistoryItem, Quotation, Source
from sizheng_edition.render import page_paths
from sizheng_edition.render.article_names import who
from sizheng_edition.render.concordance import Occurrence
from sizheng_edition.render.escape import escape, role_content
from sizheng_edition.render.references import doc_link, paragraph_ref, ref, target, term_link
from sizheng_edition.text.pinyin import strip_tones

HERE = page_paths.GLOSSARY_INDEX


def render_glossary_index(glossary: Glossary, articles: list[Article], found: list[Occurrence]) -> str:
    entries = glossary.sorted()
    letters = [k for k, _ in groupby(entries, key=_letter)]
    bar = " · ".join(ref(labels.glossary_letter_label(k), k) for k in letters)
    categories = page_paths.relative(page_paths.GLOSSARY_CATEGORIES, HERE)
    usage = page_paths.relative(page_paths.GLOSSARY_USAGE, HERE)
    out = [
        target(labels.GLOSSARY),
        "# Glossary",
        "",
        *_per_format(_INTRO),
        target(labels.GLOSSARY_RENDERINGS),
        "Each English rendering is marked *official* (taken from an official English text "
        "of the Party or state, named with it), *scholarly* (established in English-language "
        "scholarship) or *the edition's own* (no established rendering was found). Origin "
        "dates and sources are given only where they are certain.",
        "",
        *_per_format(
            {
                _SCREEN: f"Also: {{doc}}`the terms by category <{categories}>` and "
                f"{{doc}}`which article uses which term <{usage}>`; the {{ref}}`genindex` lists every term.",
                _PRINT: "The terms by category and which essay uses which term follow this glossary; "
                "the index at the end of the book lists every term by its pinyin.",
            }
        ),
        "{.letter-bar}",
        bar,
        "",
    ]
    entry = _EntryWriter(glossary, articles, found)
    for letter, group in groupby(entries, key=_letter):
        out += [target(labels.glossary_letter_label(letter)), f"## {letter}", ""]
        for e in group:
            out += entry.render(e, letter)
    return "\n".join(out)


# What a term link does differs by format, so the page says it once for each (Sphinx's
# ``only`` tags: the EPUB builder has the tags html and epub, the PDF's has latex).
_WEB, _EBOOK, _PRINT = "html and not epub", "epub", "latex"
_SCREEN = "html"
_VOCABULARY = (
    "The political vocabulary of the eight essays: the formulas, slogans, institutions, "
    "campaigns, documents and meetings that a reader outside the Party-state would not know."
)
_INTRO = {
    _WEB: f"{_VOCABULARY} In the texts, the first occurrence of a term in each paragraph links "
    "here; its pinyin and English show when the link is pointed at or focused.",
    _EBOOK: f"{_VOCABULARY} In the texts, the first occurrence of a term in each paragraph "
    "links to its entry here.",
    _PRINT: f"{_VOCABULARY} In the essays, a small raised dot marks the first occurrence of "
    "a term in each essay.",
}


def _per_format(texts: dict[str, str]) -> list[str]:
    """One paragraph for each format, as ``only`` blocks."""
    out = []
    for tags, text in texts.items():
        out += [f"```{{only}} {tags}", text, "```", ""]
    return out


def _letter(entry: Entry) -> str:
    return strip_tones(entry.pinyin)[:1].upper()


def _option(value: str) -> str:
    """A directive option value: one line, quoted (MyST reads options as YAML)."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


class _EntryWriter:
    """One entry as a ``glossary-entry`` directive, with its cross-references and
    where it occurs."""

    def __init__(self, glossary: Glossary, articles: list[Article], found: list[Occurrence]) -> None:
        self.articles = articles
        self.by_id = {a.id: a for a in articles}
        self.order = {a.id: i for i, a in enumerate(articles)}
        self.found: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in found:
            self.found[occ.term].append(occ)
        self.forms = {entry.term: (entry.term, *entry.variants) for entry in glossary.entries}
        self.links: dict[str, str] = {}  # by article id: the same for each of its terms
        self.cited_by: dict[str, list[str]] = defaultdict(list)
        for entry in glossary.entries:
            for other in entry.see_also:
                self.cited_by[other].append(entry.term)

    def render(self, e: Entry, letter: str) -> list[str]:
        lines = [
            f"````{{glossary-entry}} {e.term}",
            f":id: {e.anchor}",
            f":pinyin: {_option(e.pinyin)}",
            f":english: {_option(e.english)}",
            f":index-key: {letter}",
            "",
            # A dictionary's order: after the headword, its pinyin, traditional form and
            # rendering, then the definition.
            f"*{{lang-pinyin}}`{role_content(e.pinyin)}`* · {{lang-zht}}`{role_content(e.traditional)}` · "
            f"**{escape(e.english)}** ({e.rendering.label}: {escape(e.rendering_source)})",
            "",
            escape(e.definition),
            "",
        ]
        fields = [("Category", ref(labels.glossary_category_label(e.category), e.category.label))]
        if e.sources:
            name = "Source" if len(e.sources) == 1 else "Sources"
            fields.append((name, "; ".join(source_citation(s) for s in e.sources)))
        if e.variants:
            fields.append(("Also written", "、".join(f"{{lang-zh}}`{role_content(v)}`" for v in e.variants)))
        related = list(dict.fromkeys([*e.see_also, *self.cited_by.get(e.term, [])]))
        if related:
            fields.append(("See also", "、".join(term_link(t, t) for t in related)))
        if e.note:
            fields.append(("Note", escape(e.note)))
        if e.quotations:
            fields.append(("In the essays", "; ".join(self.quotation(q) for q in e.quotations)))
        # History: one paragraph per event, oldest first, the field named once.
        fields += [("History" if k == 0 else "", history_item(h)) for k, h in enumerate(e.history)]
        fields.append(("Occurs", self.occurs(e.term)))
        lines += [f"{{.entry-field}}\n{f'**{name}** ' if name else ''}{value}\n" for name, value in fields]
        lines += ["````", ""]
        return lines

    def quotation(self, q: Quotation) -> str:
        """Named and linked as the Occurs line names a place: the author, then ¶n. The
        loader has checked that the article and paragraph exist; a role takes its text
        literally, so the words cannot be read as markup."""
        article = self.by_id[q.article]
        page = page_paths.relative(page_paths.article(article.source, article.id), HERE)
        place = f"{doc_link(who(article), page)} {paragraph_ref(article.id, q.paragraph)}"
        return f"{place} {{lang-zh}}`“{role_content(q.text)}”`"

    def occurs(self, term: str) -> str:
        if self.found.get(term):
            return self.places(term)
        # The matcher links the longest term, so a term printed only inside a longer
        # one (二十大 in 喜迎二十大) has no occurrence of its own: "0 times" would tell the
        # reader it is absent, where it stands inside the longer term's occurrences.
        hosts = [
            other
            for other, forms in self.forms.items()
            if other != term and self.found.get(other) and any(term in form for form in forms)
        ]
        if not hosts:
            return self.places(term)
        inside = "only inside a longer term: " if len(hosts) == 1 else "only inside longer terms: "
        return inside + "; ".join(f"{term_link(h, h)}, {self.places(h)}" for h in hosts)

    def places(self, term: str) -> str:
        found = self.found.get(term, [])
        per_article: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in found:
            per_article[occ.article].append(occ)
        # In the articles' order, visiting only those the term occurs in (not all 400
        # articles for each of 190 terms).
        present = sorted((a for a in per_article if a in self.order), key=self.order.__getitem__)
        parts = [
            f"{self.link(self.by_id[a])} {_paragraph_places(self.by_id[a], per_article[a])}" for a in present
        ]
        total = len(found)
        head = (
            f"{total} time{'s' if total != 1 else ''} in {len(parts)} article{'s' if len(parts) != 1 else ''}"
        )
        return head + (": " + "; ".join(parts) if parts else "")

    def link(self, article: Article) -> str:
        # Made once per article, not once per term it holds (13,600 times at 300 sources).
        if article.id not in self.links:
            page = page_paths.relative(page_paths.article(article.source, article.id), HERE)
            self.links[article.id] = doc_link(who(article), page)
        return self.links[article.id]


def source_citation(source: Source) -> str:
    """A rendering's source as a link: title, then publisher and date. The schema admits
    only URLs without spaces, angle brackets, backslashes or backticks, so the URL is safe
    as an angle-bracketed link destination."""
    return f"[{escape(source.title)}](<{source.url}>), {escape(source.publisher)}, {escape(source.date)}"


_MONTHS = ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December")  # fmt: skip


def long_date(date: str) -> str:
    """``2016-01-29`` as 29 January 2016, ``2014-12`` as December 2014, ``2015`` as 2015."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = _MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def history_item(item: HistoryItem) -> str:
    """A dated event: its date (or its report's, said so), *first* where the source says
    it was, the event, and the source as a link with the words that state it. Every text
    from the YAML is escaped; the URL is safe as a link destination (``source_citation``)."""
    when = long_date(item.date)
    if item.dated is Dated.REPORT:
        when = f"reported {when}"
    mark = " (*first*)" if item.first else ""
    quote = f": “{escape(item.source.quote)}”" if item.source.quote else ""
    return f"{when}{mark}: {escape(item.event)} ({source_citation(item.source)}{quote})"


def _paragraph_places(article: Article, occs: list[Occurrence]) -> str:
    counts = Counter(o.paragraph for o in occs)
    places = []
    for para, n in sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)):
        times = f" (×{n})" if n > 1 else ""
        if para is None:
            places.append(f"title or heading{times}")
        else:
            places.append(f"{paragraph_ref(article.id, para)}{times}")
    return ", ".join(places)
