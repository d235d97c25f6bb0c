"""The contents of the edition: every essay with its author, affiliation, source, length
and what it is about, grouped by source and by setting.  The texts index shows it, and
the home page includes it (``CONTENTS``, written with links relative to the home page).
"""

from __future__ import annotations

from sizheng_edition.model.edition import Article, BlockKind, EditionSource
from sizheng_edition.model.plan import Setting
from sizheng_edition.render import page_paths
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import doc_link
from sizheng_edition.text.chars import han_only

# The home page's copy, written beside the texts index; not a page of its own (a page is a
# .md file), so Sphinx reads it only where index.md includes it.
CONTENTS = f"{page_paths.TEXTS}/contents.inc"
HOME = "index"

# The essay's own text: what a reader of it reads, without title, byline and apparatus.
_COUNTED = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ABSTRACT)


def length(article: Article) -> int:
    """The essay's length in Han characters (punctuation, digits and Latin letters not
    counted), the measure a Chinese reader knows as 字数 without punctuation."""
    return sum(len(han_only(b.text)) for b in article.body if b.kind in _COUNTED)


def _affiliation(article: Article) -> str | None:
    if article.affiliation is None:
        return None
    text = article.affiliation.text.strip()
    # A newspaper prints it as （作者单位：…）; the list needs only the name of the body.
    if text.startswith("（") and text.endswith("）"):
        text = text[1:-1]
    return text.removeprefix("作者单位：").strip() or None


def _essay(article: Article, here: str, with_source: bool) -> list[str]:
    page = page_paths.relative(page_paths.article(article.source, article.id), here)
    who = escape(article.author.text) if article.author else "anonymous"
    affiliation = _affiliation(article)
    facts = [who + (f" ({escape(affiliation)})" if affiliation else "")]
    if with_source:
        facts.append(f"source {article.source}")
    facts.append(f"{length(article):,} characters")
    out = [f"- {doc_link(article.title.text, page)}", "", f"  {' · '.join(facts)}"]
    if article.description:
        out += ["", f"  {escape(article.description)}"]
    return [*out, ""]


def render_contents(sources: list[EditionSource], here: str) -> str:
    """The essays by source, then by setting, with links relative to the page ``here``."""
    out = ["## The essays by source", ""]
    for src in sources:
        heading = f"Source {src.source.key}: {escape(src.title)}" if src.title else f"Source {src.source.key}"
        overview = page_paths.relative(page_paths.overview(src.source.key), here)
        about = doc_link("about the source", overview)
        out += [f"### {heading}", "", f"{len(src.articles)} essays; {about}.", ""]
        out.append("{.essay-list}")
        for article in src.articles:
            out += _essay(article, here, with_source=False)
    articles = [a for s in sources for a in s.articles]
    placed = [(s, [a for a in articles if a.setting is s]) for s in Setting]
    unplaced = [a for a in articles if a.setting is None]
    if any(group for _, group in placed):
        out += ["## The essays by setting", ""]
        for setting, group in placed:
            if group:
                out += [f"### {setting.label}", "", "{.essay-list}"]
                for article in group:
                    out += _essay(article, here, with_source=True)
        if unplaced:
            out += ["### Not assigned", "", "{.essay-list}"]
            for article in unplaced:
                out += _essay(article, here, with_source=True)
    return "\n".join(out).rstrip("\n") + "\n"
