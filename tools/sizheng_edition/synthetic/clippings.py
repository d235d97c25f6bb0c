"""A second generator of damaged clippings, written apart from ``synthetic.witnesses``
and from the draft's rules, to measure the draft on damage it was not written for.

Each clipping is made from the edition's finished articles by a seeded random choice of
damage: title and byline on one line, no title, a column label, running heads and page
numbers, notes and references wrapped over several lines, footnote markers, three or
four articles on a page, pieces out of page order, traditional script (proper or
machine-converted), half- and full-width punctuation mixed, a stray space or a doubled
character.  It comes with its truth: for every line its role and article, the page's
layout and script, and the joins (where an article's reading order crosses another
article's lines or runs back up the page).
"""

from __future__ import annotations

import enum
import itertools
import random
import unicodedata
from dataclasses import dataclass

from sizheng_edition.draft.model import LineRole, WitnessScript
from sizheng_edition.model.edition import Article, BlockKind
from sizheng_edition.model.plan import Layout
from sizheng_edition.text.script import to_traditional, to_traditional_per_character

_R = LineRole


class Family(enum.StrEnum):
    """The kinds of page the generator makes."""

    INTERLEAVED = "interleaved"  # 2-4 articles, one paragraph a line, pieces interleaved
    WRAPPED = "wrapped"  # 1-2 articles hard-wrapped, page furniture, notes
    TRADITIONAL = "traditional"  # one paragraph a line, in traditional script

    @classmethod
    def of(cls, seed: int) -> Family:
        return list(cls)[seed % len(cls)]


@dataclass(frozen=True)
class Essay:
    """What the generator takes from a finished article."""

    id: str
    title: str
    author: str
    affiliation: str | None
    units: tuple[tuple[bool, str], ...]  # (is heading, text), in reading order


@dataclass(frozen=True)
class TruthLine:
    role: LineRole
    article: str | None


@dataclass(frozen=True)
class Clipping:
    name: str
    family: str
    text: str
    lines: tuple[TruthLine, ...]  # one per line of ``text``
    layout: Layout
    script: WitnessScript
    joins: frozenset[tuple[int, int]]


@dataclass
class _Printed:
    text: str
    role: LineRole
    article: str | None
    body: bool = False  # a line of the article's running text (for the joins)
    seq: int | None = None  # its place in the reading order, where that is not page order


def essays(articles: list[Article]) -> list[Essay]:
    out = []
    for a in sorted(articles, key=lambda a: a.id):
        units = tuple(
            (b.kind is BlockKind.HEADING, b.text)
            for b in a.body
            # An abstract the witness prints without a label is prose on the page.
            if b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ABSTRACT)
        )
        affiliation = a.affiliation.text if a.affiliation else None
        out.append(Essay(a.id, a.title.text, a.author.text if a.author else "佚名", affiliation, units))
    return out


def clipping(pool: list[Essay], seed: int) -> Clipping:
    rng = random.Random(seed * 7919 + 17)
    family = Family.of(seed)
    noise = _Noise(rng)
    if family is Family.INTERLEAVED:
        printed, layout, script = _interleaved(pool, rng, noise), Layout.LINES, WitnessScript.SIMPLIFIED
    elif family is Family.WRAPPED:
        printed, layout, script = _wrapped(pool, rng, noise), Layout.WRAPPED, WitnessScript.SIMPLIFIED
    else:
        printed, script = _traditional(pool, rng, noise)
        layout = Layout.LINES
    return _finish(f"clip-{seed:04d}", family.value, printed, layout, script)


# -- the truth --------------------------------------------------------------------------


def _finish(
    name: str, family: str, printed: list[_Printed], layout: Layout, script: WitnessScript
) -> Clipping:
    text = "\n".join(p.text for p in printed) + "\n"
    lines = tuple(TruthLine(p.role, p.article) for p in printed)
    return Clipping(name, family, text, lines, layout, script, frozenset(_joins(printed)))


def _joins(printed: list[_Printed]) -> set[tuple[int, int]]:
    """Consecutive body lines of one article (in reading order, which is the order they
    were made in) join when they are not neighbours on the page: another article's line
    stands between them, or the later one is printed above."""
    order: dict[str, list[int]] = {}
    for n in sorted(range(len(printed)), key=lambda i: printed[i].seq or i):
        p = printed[n]
        if p.body and p.article:
            order.setdefault(p.article, []).append(n + 1)
    joins = set()
    for art, seq in order.items():
        for a, b in itertools.pairwise(seq):
            between = printed[min(a, b) : max(a, b) - 1]
            if b < a or any(p.article not in (None, art) for p in between):
                joins.add((a, b))
    return joins


# -- damage -----------------------------------------------------------------------------


class _Noise:
    """Half-width punctuation in some lines, a stray space, a doubled character."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.half_width = rng.random() < 0.5
        self.rate = rng.choice((0.0, 0.05, 0.12))

    def apply(self, text: str) -> str:
        rng = self.rng
        if self.half_width and rng.random() < 0.6:
            text = text.replace("，", ",").replace("：", ":").replace("；", ";")
            text = text.replace("（", "(").replace("）", ")")
        if len(text) > 12 and rng.random() < self.rate:
            k = rng.randrange(2, len(text) - 3)
            if _han(text[k - 1]) and _han(text[k]):
                text = text[:k] + " " + text[k:]
        if len(text) > 12 and rng.random() < self.rate:
            k = rng.randrange(2, len(text) - 3)
            if _han(text[k]):
                text = text[: k + 1] + text[k:]
        return text


def _han(c: str) -> bool:
    return "CJK UNIFIED" in unicodedata.name(c, "")


def _byline(rng: random.Random, essay: Essay) -> str:
    org = (essay.affiliation or "").strip("（）()").removeprefix("作者单位：").removeprefix("作者单位:")
    forms = [f"□ {essay.author}", f"□{essay.author}", f"文/{essay.author}", f"{essay.author}"]
    if org:
        forms.append(f"□ {org} {essay.author}")
    return rng.choice(forms)


def _header(rng: random.Random, essay: Essay, allow_untitled: bool) -> list[_Printed]:
    """Title and byline: on two lines, on one line, or no title at all."""
    choice = rng.random()
    if allow_untitled and choice < 0.25:
        return []
    if choice < 0.55:
        sep = rng.choice(("  ", "　", " "))
        return [_Printed(f"{essay.title}{sep}{_byline(rng, essay)}", _R.TITLE, essay.id)]
    return [_Printed(essay.title, _R.TITLE, essay.id), _Printed(_byline(rng, essay), _R.BYLINE, essay.id)]


def _footnoted(rng: random.Random, units: list[tuple[bool, str]]) -> tuple[list[tuple[bool, str]], list[str]]:
    """Footnote markers after some sentences of the paragraphs, and the notes they call."""
    marks = "①②③④"
    notes: list[str] = []
    out = []
    for heading, text in units:
        if not heading and len(notes) < 3 and rng.random() < 0.3 and "。" in text[:-1]:
            k = text.index("。")
            mark = marks[len(notes)]
            text = text[: k + 1] + mark + text[k + 1 :]
            notes.append(f"{mark}{_NOTES[rng.randrange(len(_NOTES))]}")
        out.append((heading, text))
    return out, notes


_NOTES = (
    "本文系2023年度本单位思想政治工作研究课题“新时代基层党建与业务融合路径研究”的阶段性成果。",
    "参见中共中央办公厅印发的《关于新时代加强和改进思想政治工作的意见》，人民出版社2021年版，第12页。",
    "数据来源于本单位2024年度工作总结及有关部门公开发布的统计资料，经作者整理。",
    "习近平：《论党的宣传思想工作》，中央文献出版社2020年版，第45页。",
)

_REFERENCES = (
    "[1]张明华.新时代国有企业思想政治工作创新研究[J].思想政治工作研究,2022(05):34-36.",
    "[2]李建国,王晓燕.基层党组织建设与业务工作深度融合的实践探索[J].党建研究,2021(11):21-24.",
    "[3]刘志强.医疗卫生行业职业道德建设研究[M].北京:人民卫生出版社,2020:88-95.",
)


# -- one paragraph a line, several articles interleaved -----------------------------------


def _interleaved(pool: list[Essay], rng: random.Random, noise: _Noise) -> list[_Printed]:
    chosen = rng.sample(pool, rng.choice((2, 3, 3, 4)))
    pieces_of: list[list[list[_Printed]]] = []
    for essay in chosen:
        units = list(essay.units[: rng.randrange(3, 7)])
        body = _lines_body(essay, units, rng, noise)
        cuts = sorted(rng.sample(range(1, len(body)), min(len(body) - 1, rng.choice((1, 1, 2)))))
        parts = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
        parts[0] = _header(rng, essay, allow_untitled=False) + parts[0]
        for part in parts[1:]:
            if rng.random() < 0.5:
                part.insert(0, _Printed(essay.title, _R.DROPPED, essay.id))
        pieces_of.append(parts)
    for seq, p in enumerate(p for parts in pieces_of for part in parts for p in part):
        p.seq = seq + 1
    # Each article's pieces in order, drawn in turn at random; sometimes one piece is
    # printed above the piece it continues.
    queues = [list(p) for p in pieces_of]
    page: list[list[_Printed]] = []
    while any(queues):
        q = rng.choice([q for q in queues if q])
        page.append(q.pop(0))
    if rng.random() < 0.3 and len(page) > 2:
        k = rng.randrange(1, len(page))
        if page[k][0].role is not _R.TITLE:
            page.insert(k - 1, page.pop(k))
    printed: list[_Printed] = []
    for piece in page:
        for p in piece:
            printed += [p, _Printed("", _R.BLANK, None)]
    return printed


def _lines_body(
    essay: Essay, units: list[tuple[bool, str]], rng: random.Random, noise: _Noise
) -> list[_Printed]:
    """One paragraph a line; a paragraph may be cut mid-sentence into two lines (a piece
    boundary falls there, or not)."""
    out: list[_Printed] = []
    for heading, text in units:
        role = _R.HEADING if heading else _R.PARAGRAPH_START
        if not heading and len(text) > 80 and rng.random() < 0.35:
            k = rng.randrange(30, len(text) - 30)
            if text[k - 1] in "。！？":
                k += 1
            out.append(_body(noise.apply(text[:k]), role, essay.id))
            out.append(_body(noise.apply(text[k:]), _R.CONTINUATION, essay.id))
        else:
            out.append(_body(noise.apply(text), role, essay.id))
    return out


def _body(text: str, role: LineRole, article: str) -> _Printed:
    return _Printed(text, role, article, body=True)


# -- hard-wrapped pages ---------------------------------------------------------------------


def _wrapped(pool: list[Essay], rng: random.Random, noise: _Noise) -> list[_Printed]:
    chosen = rng.sample(pool, rng.choice((1, 1, 2)))
    col = rng.randrange(15, 31)
    indent = rng.choice(("", "　　"))
    printed: list[_Printed] = []
    if rng.random() < 0.5:
        label = rng.choice(("理论研究", "党建园地", "思政论坛", "基层实践", "经验交流"))
        printed.append(_Printed(rng.choice((f"  {label}", f"【{label}】", f"　{label}")), _R.METADATA, None))
    for essay in chosen:
        units = list(essay.units[: rng.randrange(3, 8)])
        units, notes = _footnoted(rng, units)
        printed += _header(rng, essay, allow_untitled=essay is chosen[0])
        for heading, text in units:
            chunks = _wrap(noise.apply(text), col)
            first = _R.HEADING if heading else _R.PARAGRAPH_START
            for k, chunk in enumerate(chunks):
                lead = indent if k == 0 and not heading else ""
                printed.append(_body(lead + chunk, first if k == 0 else _R.CONTINUATION, essay.id))
        if essay.affiliation and rng.random() < 0.7:
            printed.append(_Printed(essay.affiliation, _R.AFFILIATION, essay.id))
        tail = [n for note in notes for n in _wrap(note, col)]
        if rng.random() < 0.4:
            tail += [r for ref in rng.sample(_REFERENCES, 2) for r in _wrap(ref, col)]
        printed += [_Printed(t, _R.REFERENCE, essay.id) for t in tail]
    return _furniture(printed, rng)


def _wrap(text: str, col: int) -> list[str]:
    """Cut at ``col`` display columns (a full-width character is two)."""
    out, line, w = [], "", 0
    for c in text:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > col * 2 and line:
            out.append(line)
            line, w = "", 0
        line, w = line + c, w + cw
    return [*out, line] if line else out


def _furniture(printed: list[_Printed], rng: random.Random) -> list[_Printed]:
    """A running head and a page number every so many lines, wherever they fall."""
    every = rng.randrange(18, 40)
    head = rng.choice(("思想政治工作研究  2024年第6期", "党建与思政", "学术论坛·思政研究"))
    out: list[_Printed] = []
    page = rng.randrange(8, 60)
    for k, p in enumerate(printed):
        if k and k % every == 0:
            number = rng.choice((f"·{page}·", f"— {page} —", f"{page}"))
            out += [_Printed(number, _R.METADATA, None), _Printed(head, _R.METADATA, None)]
            page += 1
        out.append(p)
    return out


# -- traditional script ------------------------------------------------------------------------


def _traditional(
    pool: list[Essay], rng: random.Random, noise: _Noise
) -> tuple[list[_Printed], WitnessScript]:
    chosen = rng.sample(pool, rng.choice((1, 2)))
    printed: list[_Printed] = []
    for essay in chosen:
        printed += _header(rng, essay, allow_untitled=False)
        printed += _lines_body(essay, list(essay.units[: rng.randrange(4, 9)]), rng, noise)
        if essay.affiliation:
            printed.append(_Printed(essay.affiliation, _R.AFFILIATION, essay.id))
    naive = rng.random() < 0.5
    for p in printed:
        p.text = to_traditional_per_character(p.text) if naive else to_traditional(p.text)
    return printed, WitnessScript.CONVERTED_TRADITIONAL if naive else WitnessScript.TRADITIONAL


def parse_clip(text: str, name: str) -> Clipping:
    """A clipping assembled by hand, with its truth: a header of ``# layout:``,
    ``# script:``, ``# family:`` and ``# joins: 12-30 41-8``, then one line per witness
    line, ``role<TAB>article or -<TAB>text``."""
    head: dict[str, str] = {}
    printed: list[_Printed] = []
    for raw in text.splitlines():
        if raw.startswith("# "):
            key, _, value = raw[2:].partition(":")
            head[key.strip()] = value.strip()
            continue
        role, article, line = ([*raw.split("\t", 2), "", ""])[:3]
        printed.append(_Printed(line, LineRole(role), None if article == "-" else article))
    joins = frozenset((int(a), int(b)) for a, b in (j.split("-") for j in head.get("joins", "").split()))
    lines = tuple(TruthLine(p.role, p.article) for p in printed)
    body = "\n".join(p.text for p in printed) + "\n"
    return Clipping(
        name,
        head.get("family", "hand-made"),
        body,
        lines,
        Layout(head["layout"]),
        WitnessScript(head["script"]),
        joins,
    )
