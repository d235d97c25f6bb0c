"""A source's pages: its overview (with the toctree of its articles) and its
diplomatic transcription, every line numbered and linked to where it went."""

from __future__ import annotations

from sizheng_edition.build.normalise import RULES
from sizheng_edition.model.edition import Article, Disposition, EditionSource, Fate
from sizheng_edition.render.article import para_label
from sizheng_edition.render.escape import doc_link, escape
from sizheng_edition.text.chars import WHITESPACE

VISIBLE_SPACE = "␣"
LAYOUTS = {
    "lines": "one paragraph per line",
    "wrapped": "hard-wrapped at column width",
}
SCRIPTS = {
    "simplified": "simplified",
    "converted-traditional": "traditional, machine-converted from simplified",
}


def render_overview(src: EditionSource) -> str:
    key = src.source.key
    toc = "\n".join(a.id for a in src.articles)
    rows = "\n".join(_article_row(a) for a in src.articles)
    meta = "".join(f"- {escape(k)}: {escape(v)}\n" for k, v in src.metadata)
    heading = f"Source {key}: {escape(src.title)}" if src.title else f"Source {key}"
    return (
        f"(source-{key})=\n# {heading}\n\n"
        f"{escape(src.description)}\n\n"
        f"- File: {escape(src.source.name)}\n"
        f"- SHA-256: {src.source.sha256}\n"
        f"- {len(src.source.lines)} lines, {src.source.size} bytes; script: "
        f"{SCRIPTS[src.script]}; layout: {LAYOUTS[src.layout]}\n"
        f"{meta}"
        f"- {{doc}}`Diplomatic transcription <transcription>`\n\n"
        f"```{{rubric}} Articles\n```\n\n{rows}\n\n"
        f"```{{toctree}}\n:hidden:\n\n{toc}\ntranscription\n```\n"
    )


def _article_row(article: Article) -> str:
    author = escape(article.author.text) if article.author else "anonymous"
    return f"- {doc_link(article.title.text, article.id)} · {author}"


def render_transcription(src: EditionSource) -> str:
    key = src.source.key
    titles = {a.id: a for a in src.articles}
    lines = [
        # Not in the search index: the witness repeats the reading text with its
        # column breaks, so hits would duplicate the articles' (docs/search.md).
        "---\nlang: zh-Hans\nnosearch: true\n---\n",
        f"(src-{key})=",
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
    number = f"{{ln}}`{key}:{fate.line}`"
    if fate.fate is Fate.BLANK and not raw:
        return ["{.blank}", number, ""]
    text = escape("".join(VISIBLE_SPACE if c in WHITESPACE else c for c in raw))
    return ["{.srcline}", f"{number} {text} {_destination(fate, titles)}".rstrip(), ""]


def _destination(fate: Disposition, titles: dict[str, Article]) -> str:
    if fate.fate is Fate.METADATA:
        return f"→ metadata: {escape(fate.reason or '')}"
    if fate.fate is Fate.BLANK:
        return "→ whitespace only"
    article = titles[fate.article]
    who = article.author.text if article.author else article.id
    if fate.fate is Fate.DROPPED:
        return f"→ dropped, noted in {doc_link(who, article.id)}"
    if fate.paragraph:
        return f"→ {escape(who)} {{ref}}`{para_label(article.id, fate.paragraph)}`"
    return f"→ {doc_link(f'{who}, {fate.reason}', article.id)}"


def render_sources_index(sources: list[EditionSource]) -> str:
    items = "\n".join(f"{s.source.key}/index" for s in sources)
    return (
        "# The texts\n\n"
        "Each source is a clipping as received. Its page lists the articles "
        "reconstructed from it and links to its diplomatic transcription.\n\n"
        f"```{{toctree}}\n:maxdepth: 2\n\n{items}\nnormalisation\n```\n"
    )


def render_rules() -> str:
    rows = "\n".join(f"| `{name}` | {escape(text)} |" for name, text in RULES.items())
    return (
        "(normalisation-rules)=\n# Normalisation rules\n\n"
        "The reading text is normalised by these rules, applied by code in this order "
        "(conversion first, then emendations, then spacing and punctuation). Each "
        "article's provenance box says how many times each rule applied. This page is "
        "generated from the rule table in `tools/normalise.py`, so it cannot drift "
        "from the code.\n\n"
        f"| Rule | What it does |\n|---|---|\n{rows}\n"
    )


def render_witnesses(sources: list[EditionSource]) -> str:
    """The witness list: one section per source file, from the files and their plans."""
    out = [
        "# Witness list",
        "",
        "The sources of the edition, as received. Each file is kept unchanged in the "
        "repository's `seeds/` folder; the checksums identify them exactly.",
        "",
    ]
    for src in sources:
        s = src.source
        heading = f"{s.key}: {escape(src.title)}" if src.title else s.key
        out += [f"## {heading}", ""]
        out += [
            f"- File: {escape(s.name)}",
            f"- SHA-256: {s.sha256}",
            f"- Size: {s.size} bytes, {len(s.lines)} lines",
            f"- Script: {SCRIPTS[src.script]}",
            f"- Layout: {LAYOUTS[src.layout]}",
            *(f"- {escape(k.capitalize())}: {escape(v)}" for k, v in src.metadata),
            f"- Articles: {', '.join(doc_link(a.title.text, f'{s.key}/{a.id}') for a in src.articles)}",
            f"- Transcription: [{s.key}]({s.key}/transcription.md)",
            "",
            f"State: {escape(src.description)}",
            "",
        ]
    return "\n".join(out)
