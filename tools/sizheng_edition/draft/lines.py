"""Drafting a plan, step 1: what each line of a new witness looks like.

Pure functions from a Source to classified lines, each with the evidence for its
class and the classes it was not given.  Headings depend on the layout and are marked
later (``draft.headings``).
"""

from __future__ import annotations

import re
from collections import Counter

from sizheng_edition.draft.model import Furniture, Kind, Line
from sizheng_edition.draft.vocabulary import is_name
from sizheng_edition.draft.widths import column_width, width
from sizheng_edition.model.plan import BylineForm
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import ends_sentence, is_han
from sizheng_edition.text.script import to_simplified

_AFFILIATION = re.compile(r"^[（(]作者单位[:：].+[）)]$")
# a journal's affiliation under the byline, in brackets with its place and postcode:
# （江苏省盐城市射阳县医疗保险基金中心，江苏盐城　224300）
_BRACKETED_AFFILIATION = re.compile(r"^[（(][^（）()]{4,80}[）)]$")
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
_REFERENCE = re.compile(r"^\[\d+\]")
# what a running head (党建与思政, 学术论坛·思政研究) never has and a wrapped line of text may
_SENTENCE_PUNCT = re.compile(r"[，,。；;！？!?“”]")
_RUNNING_TEXT = re.compile(r"[，,、；;：:“”\"‘’（）()\[\]。.！？!?]")
_REFERENCES_LABEL = re.compile(r"^(?:【\s*参考文献\s*】|\[\s*参考文献\s*\]|参考文献\s*[:：]?)$")
_NOTE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")
_ORG_END = ("中心", "局", "院", "公司", "大学", "学院", "所", "委", "处", "厅", "部", "站", "集团", "医院")
_PLAIN_AUTHOR = re.compile(r"^\S{2,4}\s+\S+$")
_NAME = r"[\u4e00-\u9fff]{2,4}"
# a byline printed on the title's line: "标题  □ 作者", "标题　文/作者", "标题　作者"
_TITLE_BYLINE = re.compile(
    rf"^(?P<title>[^，。；！？]{{6,60}}?)[ \u3000]+(?P<byline>□\s*\S.*|文/{_NAME}|{_NAME})$"
)
_PAGE_NUMBER = re.compile(r"^[·—\-－\s]*\d{1,3}[·—\-－\s]*$")
# a journal's issue: 2024年第6期, 第45卷第3期, 总第345期
_ISSUE = re.compile(r"\d{4}\s*年\s*第\s*\d+\s*期|第\s*\d+\s*卷\s*第\s*\d+\s*期|总第\s*\d+\s*期")
# a date in a head: 2024年3月5日, 2023年5月, 2023.05 (not a whole line: a dated signature
# under an article is its text, so a head needs the name printed beside the date)
_DATE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?<!\d)(?:19|20)\d{2}\s*[.．/]\s*\d{1,2}(?!\d)"
)
# a journal's running head in capitals (ZHONGGUO DANGJIAN, its name in pinyin)
_CAPITALS = re.compile(r"^[A-Z][A-Z .·&-]{5,40}$")
# a journal article's data on its first page, not its text: DOI, 中图分类号, 收稿日期…
_ARTICLE_DATA = re.compile(
    r"^(?:DOI|doi|中图分类号|文献标识码|文章编号|收稿日期|修回日期|基金项目|作者简介)\s*[:：]"
)
# a newspaper's head: its date with the weekday, or its page (2024年3月5日　星期二　第11版)
_DATED = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,20}(?:星期|周)[一二三四五六日天]"
    r"|(?:星期|周)[一二三四五六日天].{0,20}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|第\s*\d{1,3}\s*版"
)
# an editor's credit at the foot of a newspaper page: （责任编辑：王明　版式设计：李强）
_CREDIT = re.compile(
    r"^[（(]?\s*(?:责任编辑|本版编辑|本版责编|责编|美编|版式设计|版面设计|校对|图片编辑)\s*[:：]"
)
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.])")
_LABEL = re.compile(r"^【[^】]{2,8}】$")
# a jump line: where the text came from or goes on to, （上接第12页） （下转第15页）
_JUMP = re.compile(r"^[（(]\s*(?:上接|接|下转|转)\s*第?\s*\d{1,3}\s*[页版][）)]$")
# a labelled keywords line: 关键词：a；b；c, 【关键词】a b c
_KEYWORDS_LABEL = re.compile(r"^(?:【\s*关键[词字]\s*】|\[\s*关键[词字]\s*\]|关键[词字]\s*[:：])")


def classify(source: Source) -> list[Line]:
    texts = [t.strip() for t in source.lines]
    furniture = _furniture(texts)
    byline_at = {i for i, t in enumerate(texts) if _is_byline(t) and i not in furniture}
    label_at = {i for i, raw in enumerate(source.lines) if _is_label(i, raw, texts)}
    above = [_previous_nonblank(texts, i) for i in byline_at]
    title_at = {j for j in above if j is not None and _can_title(j, texts, label_at, byline_at)}
    combined = {i for i, t in enumerate(texts) if i not in byline_at | title_at and _title_byline(t)}
    taken = byline_at | title_at | combined | set(furniture)
    over_title = {
        i for i in range(len(texts)) if i not in taken and _labels_title(i, texts, title_at | combined, taken)
    }
    titles = {texts[i] for i in title_at} | {_title_byline(texts[i]) or "" for i in combined}
    notes_from = _notes(texts)
    col = column_width(source)
    out: list[Line] = []
    for i, raw in enumerate(source.lines):
        if i in label_at:
            why = "a short line set apart at the head of the page"
            out.append(Line(i + 1, raw, Kind.LABEL, why, furniture=Furniture.COLUMN))
        elif i in over_title:
            why = "a few words set directly above a title: a column label"
            out.append(Line(i + 1, raw, Kind.LABEL, why, furniture=Furniture.COLUMN))
        elif i in furniture:
            what, why = furniture[i]
            out.append(Line(i + 1, raw, Kind.FURNITURE, why, furniture=what))
        elif i in combined:
            why = "title and byline on one line: the title's words, a space, then an author"
            out.append(Line(i + 1, raw, Kind.TITLE, why, carries_byline=True))
        else:
            out.append(_one(i, raw, texts, title_at, titles, byline_at))
        if out[-1].kind is Kind.TEXT and i in notes_from:
            out[-1] = Line(i + 1, raw, Kind.REFERENCE, notes_from[i])
    return _wrapped_references(out, col)


def _is_label(i: int, raw: str, texts: list[str]) -> bool:
    """A column label: a few words set apart (indented, or in 【】) above the first text."""
    text = texts[i]
    if not text or ends_sentence(text) or i > 2 or any(texts[j] and len(texts[j]) > 10 for j in range(i)):
        return False
    return bool(_LABEL.match(text)) or (raw[:1].isspace() and len(text) <= 8)


def _labels_title(i: int, texts: list[str], heads: set[int], taken: set[int]) -> bool:
    """A column label in mid-page: a few words set directly above an article's title (学术论坛
    over the second article of a newspaper page), not the end of the line above (which
    is blank, a head, a finished sentence, or short of a wrapped page's column), nor a
    numbered heading, nor an organisation (an affiliation printed at an article's foot)."""
    text = texts[i]
    j = i + 1
    while j < len(texts) and not texts[j]:
        j += 1
    if j not in heads or not text or _ENUMERATOR.match(text) or text in ("结语", "结束语"):
        return False
    above = texts[i - 1] if i else ""
    if above and i - 1 not in taken and not ends_sentence(above) and len(above) >= _wrapped_column(texts) - 2:
        return False  # the line above fills the column: this one may be its end
    if to_simplified(text).endswith(_ORG_END):
        return False
    return bool(_LABEL.match(text)) or (2 <= len(text) <= 8 and all(is_han(c) or c == "·" for c in text))


def _can_title(j: int, texts: list[str], label_at: set[int], byline_at: set[int]) -> bool:
    """The line above a byline is its title unless it is a label, another byline, or prose."""
    if j in label_at or j in byline_at:
        return False
    text = texts[j]
    return len(text) <= 60 and not ends_sentence(text) and "。" not in text


def _title_byline(text: str) -> str | None:
    """The title part of a line that prints a title and its byline together.  A bare
    name after the space must not be an ordinary word (职业素养 after a stray space is
    not an author): jieba's dictionary and part-of-speech tags tell names from words."""
    m = _TITLE_BYLINE.match(text)
    if not m or "，" in m["title"] or "," in m["title"] or ends_sentence(m["title"]):
        return None
    if _ENUMERATOR.match(m["title"]):
        return None
    byline = m["byline"]
    if not byline.startswith(("□", "文/")) and not is_name(byline):
        return None
    return m["title"].strip()


def continued_from_earlier(text: str) -> bool:
    """A jump line that says the text below comes from an earlier page: （上接第12页）."""
    simplified = to_simplified(text.strip())
    return bool(_JUMP.match(simplified)) and "接" in simplified


def _furniture(texts: list[str]) -> dict[int, tuple[Furniture, str]]:
    """Page numbers, and running heads: a line naming an issue, or a short line beside
    a page number (the two are printed together at the page's edge)."""
    found: dict[int, tuple[Furniture, str]] = {}
    for i, t in enumerate(texts):
        if t and _PAGE_NUMBER.match(t):
            found[i] = (Furniture.PAGE_NUMBER, "a page number")
        elif _JUMP.match(to_simplified(t)):
            found[i] = (Furniture.JUMP, "a jump line: names the page the text comes from or goes on to")
    numbers = set(found)  # a running head stands beside a number, not beside another head
    column = _wrapped_column(texts)
    for i, t in enumerate(texts):
        if not t or i in found:
            continue
        beside = {i - 1, i + 1} & numbers
        simplified = to_simplified(t)
        if _ISSUE.search(t) and len(t) <= 30:
            found[i] = (Furniture.RUNNING_HEAD, "a running head: names the journal's issue")
        elif _DATED.search(simplified) and len(t) <= 40 and not _SENTENCE_PUNCT.search(t):
            found[i] = (
                Furniture.RUNNING_HEAD,
                "a running head: names the paper's date and weekday, or its page",
            )
        elif _CREDIT.match(simplified) and len(t) <= 40:
            found[i] = (Furniture.CREDIT, "an editor's credit (责任编辑：…)")
        elif _ARTICLE_DATA.match(simplified) and len(t) <= 80:
            found[i] = (
                Furniture.ARTICLE_DATA,
                "the journal's data of the article (DOI, 中图分类号, 收稿日期…)",
            )
        elif _CAPITALS.match(t):
            found[i] = (Furniture.RUNNING_HEAD, "a running head: a name in capitals")
        elif _dated_head(t):
            found[i] = (Furniture.RUNNING_HEAD, "a running head: a name and a date, and nothing else")
        elif (
            beside
            and len(t) <= min(16, column - 2)
            and not (ends_sentence(t) or _RUNNING_TEXT.search(t))
            and not _is_byline(t)  # a name under a title printed beside the page number
        ):
            why = f"a running head: a short line beside the page number on line {min(beside) + 1}"
            found[i] = (Furniture.RUNNING_HEAD, why)
    return found


def _bracketed_affiliation(text: str) -> bool:
    """（单位，城市　邮编）: the whole line in brackets, an organisation's name ending a part
    of it, and a postcode."""
    if not _BRACKETED_AFFILIATION.match(text) or not _POSTCODE.search(text):
        return False
    parts = re.split(r"[，,；;\s]+", text[1:-1])
    return any(re.sub(r"^\d+[.、]", "", part).endswith(_ORG_END) for part in parts)


def _dated_head(text: str) -> bool:
    """A name and a date set apart by a space (理论周刊　2024年3月5日, 思想政治工作研究
    2023.05): short, no punctuation of a sentence, and some words besides the date."""
    m = _DATE.search(text)
    if not m or len(text) > 30 or _SENTENCE_PUNCT.search(text):
        return False
    rest = (text[: m.start()] + " " + text[m.end() :]).split()
    return (
        bool(rest) and (m.start() == 0 or text[m.start() - 1].isspace()) and all(len(w) <= 12 for w in rest)
    )


def _wrapped_column(texts: list[str]) -> int:
    """The length of most lines on a hard-wrapped page (where a line that fills it is
    text running on); a length no line reaches on a page of lines of varying length."""
    lengths = Counter(len(t) for t in texts if t)
    col, count = lengths.most_common(1)[0] if lengths else (0, 0)
    return col if count >= 0.3 * sum(lengths.values()) else 10**6


def _notes(texts: list[str]) -> dict[int, str]:
    """A line that begins with a note mark (①) already called in the text is the note."""
    called: set[str] = set()
    found: dict[int, str] = {}
    for i, t in enumerate(texts):
        if _NOTE.match(t) and t[0] in called:
            found[i] = f"note {t[0]}: its mark was called earlier in the text"
        called |= {c for c in t[1:] if _NOTE.match(c)}
        if _NOTE.match(t) and i not in found:
            called.add(t[0])
    return found


def _wrapped_references(lines: list[Line], col: int) -> list[Line]:
    """A reference or note that fills its line runs on to the next line of text, past a
    page's running head and number where the page breaks inside it."""
    out = list(lines)
    prev: Line | None = None
    for k, ln in enumerate(out):
        if ln.kind in (Kind.BLANK, Kind.FURNITURE):
            continue
        if (
            prev is not None
            and prev.kind is Kind.REFERENCE
            and ln.kind is Kind.TEXT
            # a reference is mostly half-width: its line is full by its count of characters
            and max(width(prev.text), 2 * len(prev.stripped)) >= col - 2
        ):
            out[k] = Line(
                ln.number,
                ln.text,
                Kind.REFERENCE,
                f"continues the full line {prev.number} of a note or reference",
            )
        prev = out[k]
    return out


def _is_byline(text: str) -> bool:
    if text.startswith("□") or re.match(rf"^(文/|作者[:：]){_NAME}", text):
        return True
    if 2 <= len(text) <= 3 and all(is_han(c) for c in text) and is_name(text):
        return True  # a bare name on its own line
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
    if i in byline_at:
        if texts.count(text) > 1 and i != max(j for j in byline_at if texts[j] == text):
            return Line(n, raw, Kind.DUPLICATE, f"repeats line {_last_index(texts, text) + 1}")
        return Line(n, raw, Kind.BYLINE, "byline mark □ or 'name organisation'", _byline_form(text))
    if i in title_at:
        return Line(n, raw, Kind.TITLE, "stands above a byline")
    if text in titles:
        return Line(n, raw, Kind.RUNNING_TITLE, "repeats an article title: a continuation begins")
    if _AFFILIATION.match(to_simplified(text)):
        return Line(n, raw, Kind.AFFILIATION, "（作者单位：…）")
    if _bracketed_affiliation(to_simplified(text)):
        return Line(n, raw, Kind.AFFILIATION, "an organisation and its place in brackets, with a postcode")
    # quotes belong to running text (打造“田间宣讲台”“…广播站” wrapped), not to a name
    if (
        len(text) <= 30
        and to_simplified(text).endswith(_ORG_END)
        and not re.search(r"[，,。；、：“”\"‘’]", text)
    ):
        return Line(n, raw, Kind.AFFILIATION, "a short line naming an organisation, without punctuation")
    if _REFERENCE.match(text):
        return Line(n, raw, Kind.REFERENCE, "numbered reference [n]")
    if _REFERENCES_LABEL.match(to_simplified(text)):
        return Line(n, raw, Kind.REFERENCE, "the label of the references (参考文献)")
    if _KEYWORDS_LABEL.match(to_simplified(text)):
        return Line(n, raw, Kind.KEYWORDS, "labelled 关键词")
    if _is_keywords(text):
        return Line(n, raw, Kind.KEYWORDS, "a few short words separated by spaces, no punctuation")
    return Line(n, raw, Kind.TEXT, "prose")


def _last_index(texts: list[str], text: str) -> int:
    return max(j for j, t in enumerate(texts) if t == text)


def title_text(ln: Line) -> str:
    """The title a title line prints (without the byline printed beside it)."""
    return (_title_byline(ln.stripped) or ln.stripped) if ln.carries_byline else ln.stripped


def _byline_form(text: str) -> BylineForm:
    if not text.startswith("□"):
        spaced = " " in text or "\u3000" in text
        return BylineForm.AUTHOR_AFFILIATION if spaced else BylineForm.MARK_AUTHOR
    if len(text.lstrip("□").split()) > 1:
        return BylineForm.MARK_AFFILIATION_AUTHOR
    return BylineForm.MARK_AUTHOR


def _is_keywords(text: str) -> bool:
    # two long parts are a heading with a stray space (思政融入化解基层矛盾 维护农村和谐稳定)
    parts = text.split()
    short = len(parts) >= 3 or all(len(p) <= 6 for p in parts)
    return (
        short and 2 <= len(parts) <= 8 and all(1 < len(p) <= 10 and all(is_han(c) for c in p) for p in parts)
    )
