"""Drafting a plan, step 1: what each line of a new witness looks like.

Pure functions from a Source to classified lines, each with the evidence for its
class.  Headings depend on the layout and are marked later (``draft.headings``).
"""

from __future__ import annotations

import re

from sizheng_edition.draft.model import Kind, Line
from sizheng_edition.model.plan import BylineForm
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import ends_sentence, is_han

_AFFILIATION = re.compile(r"^[（(]作者单位[:：].+[）)]$")
_REFERENCE = re.compile(r"^\[\d+\]")
_ORG_END = ("中心", "局", "院", "公司", "大学", "学院", "所", "委", "处", "厅", "部", "站", "集团", "医院")
_PLAIN_AUTHOR = re.compile(r"^\S{2,4}\s+\S+$")


def classify(source: Source) -> list[Line]:
    texts = [t.strip() for t in source.lines]
    byline_at = {i for i, t in enumerate(texts) if _is_byline(t)}
    title_at = {j for j in (_previous_nonblank(texts, i) for i in byline_at) if j is not None}
    titles = {texts[i] for i in title_at}
    return [_one(i, raw, texts, title_at, titles, byline_at) for i, raw in enumerate(source.lines)]


def _is_byline(text: str) -> bool:
    if text.startswith("□"):
        return True
    # 王燁 江蘇省…中心: a short name, a space, an organisation
    return bool(_PLAIN_AUTHOR.match(text)) and text.endswith(_ORG_END) and not ends_sentence(text)


def _previous_nonblank(texts: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not texts[j]:
        j -= 1
    return j if j >= 0 else None


def _one(
    i: int, raw: str, texts: list[str], title_at: set[int], titles: set[str], byline_at: set[int]
) -> Line:
    n, text = i + 1, texts[i]
    if not text:
        return Line(n, raw, Kind.BLANK, "blank")
    if i < 3 and raw[:1].isspace() and len(text) <= 8 and not ends_sentence(text):
        return Line(n, raw, Kind.LABEL, "short indented line at the head of the page")
    if i in byline_at:
        if texts.count(text) > 1 and i != max(j for j in byline_at if texts[j] == text):
            return Line(n, raw, Kind.DUPLICATE, f"repeats line {_last_index(texts, text) + 1}")
        return Line(n, raw, Kind.BYLINE, "byline mark □ or 'name organisation'", _byline_form(text))
    if i in title_at:
        return Line(n, raw, Kind.TITLE, "stands above a byline")
    if text in titles:
        return Line(n, raw, Kind.RUNNING_TITLE, "repeats an article title: a continuation begins")
    if _AFFILIATION.match(text):
        return Line(n, raw, Kind.AFFILIATION, "（作者单位：…）")
    if _REFERENCE.match(text):
        return Line(n, raw, Kind.REFERENCE, "numbered reference [n]")
    if _is_keywords(text):
        return Line(n, raw, Kind.KEYWORDS, "a few short words separated by spaces, no punctuation")
    return Line(n, raw, Kind.TEXT, "prose")


def _last_index(texts: list[str], text: str) -> int:
    return max(j for j, t in enumerate(texts) if t == text)


def _byline_form(text: str) -> BylineForm:
    if not text.startswith("□"):
        return BylineForm.AUTHOR_AFFILIATION
    if len(text.lstrip("□").split()) > 1:
        return BylineForm.MARK_AFFILIATION_AUTHOR
    return BylineForm.MARK_AUTHOR


def _is_keywords(text: str) -> bool:
    parts = text.split()
    return 2 <= len(parts) <= 8 and all(1 < len(p) <= 10 and all(is_han(c) for c in p) for p in parts)
