"""The glossary by category: the same entries as the glossary page, grouped by the
kind of thing they name."""

from __future__ import annotations

from sizheng_edition.model import labels
from sizheng_edition.model.glossary import Category, Glossary
from sizheng_edition.render import page_paths
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import target, term_link


def render_glossary_categories(glossary: Glossary) -> str:
    index = page_paths.relative(page_paths.GLOSSARY_INDEX, page_paths.GLOSSARY_CATEGORIES)
    out = ["# Glossary by category", "", f"The same entries as the {{doc}}`glossary <{index}>`, grouped.", ""]
    for category in Category:
        entries = [e for e in glossary.sorted() if e.category is category]
        if not entries:
            continue
        out += [target(labels.glossary_category_label(category)), f"## {category.label}", ""]
        out += [f"- {term_link(e.term, e.term)} *{escape(e.pinyin)}*, {escape(e.english)}" for e in entries]
        out.append("")
    return "\n".join(out)
