"""The glossary pages: entries by pinyin with a letter bar, entries by category, and
a term-by-article table.  Pure functions from the glossary and the concordance to MyST."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import groupby

from sizheng_edition.model.edition import Article
from sizheng_edition.model.glossary import Category, Entry, Glossary
from sizheng_edition.render.article import para_label
from sizheng_edition.render.concordance import Occurrence
from sizheng_edition.render.escape import doc_link, escape, role_content
from sizheng_edition.text.pinyin import strip_tones


def _letter(entry: Entry) -> str:
    return strip_tones(entry.pinyin)[:1].upper()


def _gl(term: str) -> str:
    return f"{{gl}}`{role_content(term)} <{role_content(term)}>`"


def _option(value: str) -> str:
    """A directive option value: one line, quoted (MyST reads options as YAML)."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


class GlossaryPages:
    def __init__(self, glossary: Glossary, articles: list[Article], found: list[Occurrence]) -> None:
        self.glossary = glossary
        self.articles = articles
        self.by_id = {a.id: a for a in articles}
        self.found: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in found:
            self.found[occ.term].append(occ)
        self.cited_by: dict[str, list[str]] = defaultdict(list)
        for entry in glossary.entries:
            for other in entry.see_also:
                self.cited_by[other].append(entry.term)

    def files(self) -> dict[str, str]:
        return {
            "glossary/index.md": self.index(),
            "glossary/categories.md": self.categories(),
            "glossary/usage.md": self.usage(),
        }

    # -- entries by pinyin ----------------------------------------------------------

    def index(self) -> str:
        entries = self.glossary.sorted()
        letters = [k for k, _ in groupby(entries, key=_letter)]
        bar = " · ".join(f"{{ref}}`{k} <glossary-{k.lower()}>`" for k in letters)
        out = [
            "(glossary)=",
            "# Glossary",
            "",
            "The political vocabulary of the eight essays: the formulas, slogans, institutions, "
            "campaigns, documents and meetings that a reader outside the Party-state would not "
            "know. In the texts, the first occurrence of a term in each paragraph links here; "
            "its pinyin and English show when the link is pointed at or focused.",
            "",
            "(glossary-renderings)=",
            "Each English rendering is marked *official* (taken from an official English text "
            "of the Party or state, named with it), *scholarly* (established in English-language "
            "scholarship) or *the edition's own* (no established rendering was found). Origin "
            "dates and sources are given only where they are certain.",
            "",
            "Also: {doc}`the terms by category <categories>` and "
            "{doc}`which article uses which term <usage>`; the {ref}`genindex` lists every term.",
            "",
            "{.letter-bar}",
            bar,
            "",
        ]
        for letter, group in groupby(entries, key=_letter):
            out += [f"(glossary-{letter.lower()})=", f"## {letter}", ""]
            for entry in group:
                out += self.entry(entry, letter)
        return "\n".join(out)

    def entry(self, e: Entry, letter: str) -> list[str]:
        lines = [
            f"````{{glossary-entry}} {e.term}",
            f":id: {e.anchor}",
            f":pinyin: {_option(e.pinyin)}",
            f":english: {_option(e.english)}",
            f":index-key: {letter}",
            "",
            f"{{lang-zht}}`{role_content(e.traditional)}` · *{escape(e.pinyin)}* · "
            f"**{escape(e.english)}** ({e.rendering.label}: {escape(e.rendering_source)})",
            "",
            escape(e.definition),
            "",
        ]
        fields = [("Category", f"{{ref}}`{e.category.label} <glossary-category-{e.category.value}>`")]
        if e.variants:
            fields.append(("Also written", "、".join(f"{{lang-zh}}`{role_content(v)}`" for v in e.variants)))
        related = list(dict.fromkeys([*e.see_also, *self.cited_by.get(e.term, [])]))
        if related:
            fields.append(("See also", "、".join(_gl(t) for t in related)))
        if e.note:
            fields.append(("Note", escape(e.note)))
        fields.append(("Occurs", self.concordance(e.term)))
        lines += [f"{{.entry-field}}\n**{name}** {value}\n" for name, value in fields]
        lines += ["````", ""]
        return lines

    def concordance(self, term: str) -> str:
        found = self.found.get(term, [])
        per_article: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in found:
            per_article[occ.article].append(occ)
        parts = []
        for article in self.articles:
            occs = per_article.get(article.id)
            if occs:
                parts.append(self._article_places(article, occs))
        total = len(found)
        head = (
            f"{total} time{'s' if total != 1 else ''} in {len(parts)} article{'s' if len(parts) != 1 else ''}"
        )
        return head + (": " + "; ".join(parts) if parts else "")

    def _article_places(self, article: Article, occs: list[Occurrence]) -> str:
        who = _who(article)
        counts = Counter(o.paragraph for o in occs)
        places = []
        for para, n in sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)):
            times = f" (×{n})" if n > 1 else ""
            if para is None:
                places.append(f"title or heading{times}")
            else:
                places.append(f"{{ref}}`¶{para} <{para_label(article.id, para)}>`{times}")
        return f"{doc_link(who, _doc(article))} {', '.join(places)}"

    # -- entries by category ----------------------------------------------------------

    def categories(self) -> str:
        out = ["# Glossary by category", "", "The same entries as the {doc}`glossary <index>`, grouped.", ""]
        for key in Category:
            title = key.label
            entries = [e for e in self.glossary.sorted() if e.category == key]
            if not entries:
                continue
            out += [f"(glossary-category-{key})=", f"## {title}", ""]
            out += [f"- {_gl(e.term)} *{escape(e.pinyin)}*, {escape(e.english)}" for e in entries]
            out.append("")
        return "\n".join(out)

    # -- which article uses which term ------------------------------------------------

    def usage(self) -> str:
        counts = {
            e.term: Counter(o.article for o in self.found.get(e.term, [])) for e in self.glossary.entries
        }
        rows = sorted(self.glossary.entries, key=lambda e: (-sum(counts[e.term].values()), e.sort_key))
        head = "| Term | " + " | ".join(doc_link(str(i + 1), _doc(a)) for i, a in enumerate(self.articles))
        out = [
            "# Terms by article",
            "",
            "How often each glossary term occurs in each article (titles, headings and text). "
            "The highest count in each row is in bold. The columns are:",
            "",
        ]
        out += [
            f"{i + 1}. {doc_link(f'{_who(a)}, {a.title.text}', _doc(a))}" for i, a in enumerate(self.articles)
        ]
        out += ["", "(glossary-distinctive)=", "## Distinctive terms", ""]
        out += ["The terms each article uses most, counting only terms that at most two articles use.", ""]
        for i, article in enumerate(self.articles):
            out.append(f"{i + 1}. {escape(_who(article))}: {self._distinctive(article, counts)}")
        widths = f"p{{0.28\\linewidth}}*{{{len(self.articles) + 1}}}{{r}}"  # LaTeX: room for the terms
        out += ["", "## All terms", "", f"```{{tabularcolumns}} {widths}", "```", ""]
        out += [head + " | Total |", "|---|" + "---:|" * (len(self.articles) + 1)]
        for e in rows:
            row = [counts[e.term].get(a.id, 0) for a in self.articles]
            top = max(row)
            cells = [(f"**{n}**" if n == top and n else (str(n) if n else "·")) for n in row]
            out.append(f"| {_gl(e.term)} | " + " | ".join(cells) + f" | {sum(row)} |")
        return "\n".join(out) + "\n"

    def _distinctive(self, article: Article, counts: dict[str, Counter]) -> str:
        mine = [
            (c[article.id], term)
            for term, c in counts.items()
            if c.get(article.id) and len(c) <= 2
        ]  # fmt: skip
        mine.sort(key=lambda x: (-x[0], self.glossary.by_term()[x[1]].sort_key))
        return "、".join(f"{_gl(t)} ({n})" for n, t in mine[:6]) or "none"


def _who(article: Article) -> str:
    return article.author.text if article.author else article.id


def _doc(article: Article) -> str:
    return f"../texts/{article.source}/{article.id}"
