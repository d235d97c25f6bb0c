"""The terms-by-article page: how often each glossary term occurs in each article,
and the terms that set each article apart."""

from __future__ import annotations

from collections import Counter

from sizheng_edition.model import labels
from sizheng_edition.model.edition import Article
from sizheng_edition.model.glossary import Entry, Glossary
from sizheng_edition.render import page_paths
from sizheng_edition.render.article_names import who
from sizheng_edition.render.concordance import Occurrence
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import doc_link, target, term_link

HERE = page_paths.GLOSSARY_USAGE


def render_glossary_usage(glossary: Glossary, articles: list[Article], found: list[Occurrence]) -> str:
    counts: dict[str, Counter[str]] = {e.term: Counter() for e in glossary.entries}
    for occ in found:
        counts[occ.term][occ.article] += 1
    rows = sorted(glossary.entries, key=lambda e: (-sum(counts[e.term].values()), e.sort_key))
    head = "| Term | " + " | ".join(doc_link(str(i + 1), _page(a)) for i, a in enumerate(articles))
    out = [
        "# Terms by article",
        "",
        "How often each glossary term occurs in each article (titles, headings and text). "
        "The highest count in each row is in bold. The columns are:",
        "",
    ]
    out += [f"{i + 1}. {doc_link(f'{who(a)}, {a.title.text}', _page(a))}" for i, a in enumerate(articles)]
    out += ["", target(labels.GLOSSARY_DISTINCTIVE), "## Distinctive terms", ""]
    out += ["The terms each article uses most, counting only terms that at most two articles use.", ""]
    by_term = glossary.by_term()  # once, not once per article
    for i, article in enumerate(articles):
        out.append(f"{i + 1}. {escape(who(article))}: {_distinctive(by_term, article, counts)}")
    widths = f"p{{0.28\\linewidth}}*{{{len(articles) + 1}}}{{r}}"  # LaTeX: room for the terms
    out += ["", "## All terms", "", f"```{{tabularcolumns}} {widths}", "```", ""]
    out += [head + " | Total |", "|---|" + "---:|" * (len(articles) + 1)]
    for e in rows:
        row = [counts[e.term].get(a.id, 0) for a in articles]
        top = max(row)
        cells = [(f"**{n}**" if n == top and n else (str(n) if n else "·")) for n in row]
        out.append(f"| {term_link(e.term, e.term)} | " + " | ".join(cells) + f" | {sum(row)} |")
    return "\n".join(out) + "\n"


def _page(article: Article) -> str:
    return page_paths.relative(page_paths.article(article.source, article.id), HERE)


def _distinctive(by_term: dict[str, Entry], article: Article, counts: dict[str, Counter[str]]) -> str:
    mine = [
        (c[article.id], term)
        for term, c in counts.items()
        if c.get(article.id) and len(c) <= 2
    ]  # fmt: skip
    mine.sort(key=lambda x: (-x[0], by_term[x[1]].sort_key))
    return "、".join(f"{term_link(t, t)} ({n})" for n, t in mine[:6]) or "none"
