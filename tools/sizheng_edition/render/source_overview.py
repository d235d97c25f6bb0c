"""A source's overview page: what the witness is, its articles, and the toctree that
puts them (and its transcription) under it."""

from __future__ import annotations

from sizheng_edition.model import labels
from sizheng_edition.model.edition import Article, EditionSource
from sizheng_edition.render import page_paths
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import doc_link, target
from sizheng_edition.render.witness_description import LAYOUTS, SCRIPTS


def render_overview(src: EditionSource) -> str:
    key = src.source.key
    here = page_paths.overview(key)
    toc = "\n".join(page_paths.relative(page_paths.article(key, a.id), here) for a in src.articles)
    transcription = page_paths.relative(page_paths.transcription(key), here)
    rows = "\n".join(_article_row(a, here) for a in src.articles)
    meta = "".join(f"- {escape(k)}: {escape(v)}\n" for k, v in src.metadata)
    heading = f"Source {key}: {escape(src.title)}" if src.title else f"Source {key}"
    return (
        f"{target(labels.source_label(key))}\n# {heading}\n\n"
        f"{escape(src.description)}\n\n"
        f"- File: {escape(src.source.name)}\n"
        f"- SHA-256: {src.source.sha256}\n"
        f"- {len(src.source.lines)} lines, {src.source.size} bytes; script: "
        f"{SCRIPTS[src.script]}; layout: {LAYOUTS[src.layout]}\n"
        f"{meta}"
        f"- {{doc}}`Diplomatic transcription <{transcription}>`\n\n"
        f"```{{rubric}} Articles\n```\n\n{rows}\n\n"
        f"```{{toctree}}\n:hidden:\n\n{toc}\n{transcription}\n```\n"
    )


def _article_row(article: Article, here: str) -> str:
    author = escape(article.author.text) if article.author else "anonymous"
    page = page_paths.relative(page_paths.article(article.source, article.id), here)
    return f"- {doc_link(article.title.text, page)} · {author}"
