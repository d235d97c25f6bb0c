"""The ids the draft gives its articles: ``draft-<n>-<pinyin of the title's first
characters>``, shared by the plan it writes and its line-by-line output."""

from __future__ import annotations

from sizheng_edition.draft.model import DraftSource
from sizheng_edition.text.chars import han_only
from sizheng_edition.text.pinyin import display, slug, syllables


def article_ids(draft: DraftSource) -> list[str]:
    by_no = {ln.number: ln for ln in draft.lines}
    ids = []
    for k, art in enumerate(draft.articles):
        han = han_only(by_no[art.title].stripped)[:6] if art.title is not None else ""
        words = slug(display(han, syllables(han))) if han else ""
        ids.append(f"draft-{k + 1}-{words}" if words else f"draft-{k + 1}")
    return ids
