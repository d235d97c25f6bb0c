"""A source's diplomatic transcription: every line as received, numbered, with an
arrow to where it went in the edition or why it is not printed."""

from __future__ import annotations

from sizheng_edition.model import labels
from sizheng_edition.model.edition import Article, Disposition, EditionSource, Fate
from sizheng_edition.render import page_paths
from sizheng_edition.render.article_names import who
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import doc_link, ref, target
from sizheng_edition.text.chars import WHITESPACE

VISIBLE_SPACE = "␣"


def render_transcription(src: EditionSource) -> str:
    key = src.source.key
    titles = {a.id: a for a in src.articles}
    lines = [
        # Not in the search index: the witness repeats the reading text with its
        # column breaks, so hits would duplicate the articles' (docs/search.md).
        "---\nlang: zh-Hans\nnosearch: true\n---\n",
        target(labels.transcription_label(key)),
        f"# Source {key}: diplomatic transcription",
        "",
        "```{lang} en",
        ":class: provenance",
        "",
        f"{escape(src.source.name)}, exactly as received: {len(src.source.lines)} lines, "
        f"SHA-256 {src.source.sha256}. {VISIBLE_SPACE} marks a space in the source. After "
        "each line, an arrow names the article paragraph it went to, or why it is not "
        "printed there.",
        "```",
        "",
    ]
    for fate in src.dispositions:
        lines += _line(src, fate, titles)
    return "\n".join(lines) + "\n"


def _line(src: EditionSource, fate: Disposition, titles: dict[str, Article]) -> list[str]:
    key = src.source.key
    raw = src.source.line(fate.line)
    number = f"{{ln}}`{labels.line_citation(key, fate.line)}`"
    if fate.fate is Fate.BLANK and not raw:
        return ["{.blank}", number, ""]
    text = escape("".join(VISIBLE_SPACE if c in WHITESPACE else c for c in raw))
    return ["{.srcline}", f"{number} {text} {_destination(fate, titles)}".rstrip(), ""]


def _destination(fate: Disposition, titles: dict[str, Article]) -> str:
    if fate.fate is Fate.METADATA:
        return f"→ metadata: {escape(fate.metadata_key or '')}"
    if fate.fate is Fate.BLANK:
        return "→ whitespace only"
    if fate.article is None:
        raise ValueError(f"line {fate.line} is {fate.fate.value} but names no article")
    article = titles[fate.article]
    name = who(article)
    page = page_paths.relative(
        page_paths.article(article.source, article.id), page_paths.transcription(article.source)
    )
    if fate.fate is Fate.DROPPED:
        return f"→ dropped, noted in {doc_link(name, page)}"
    if fate.paragraph:
        return f"→ {escape(name)} {ref(labels.paragraph_label(article.id, fate.paragraph))}"
    if fate.block is None:
        raise ValueError(f"line {fate.line} is printed but names no block")
    # Not a paragraph (a title, byline, heading...): the block's kind says where it went.
    return f"→ {doc_link(f'{name}, {fate.block.value}', page)}"
