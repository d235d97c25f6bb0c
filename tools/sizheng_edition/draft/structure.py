"""Drafting a plan, step 2: articles, fragments and candidate joins.

From classified lines to a DraftSource: which lines each article has, in which order,
where its paragraphs and headings begin, and which fragments continue which across a
column break, each join with its evidence and a confidence.  Every guess carries its
evidence; what the draft is unsure of it says (``doubts``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import jieba

from sizheng_edition.draft.lines import Kind, Layout, Line
from sizheng_edition.text.chars import HAN_RUN, ends_sentence, is_han

_NO_OPENING = set("的地得了着过之吗呢吧们，。、；：？！）”’")
_NEEDS_MORE = set("等和与及或的之在对把被向从为")


@dataclass
class Fragment:
    lines: list[int]
    header: tuple[str, int] | None  # ("byline" | "running", article index) or None
    article: int | None = None
    moved: bool = False
    first_in_run: bool = True  # the first piece under its title, byline or repeated title


@dataclass(frozen=True)
class Join:
    before: int  # last line of the earlier fragment
    after: int  # first line of the continuing fragment
    kind: str  # word | sentence | paragraph
    evidence: tuple[str, ...]
    confidence: float


@dataclass
class DraftArticle:
    title: int
    byline: Line | None = None
    affiliation: int | None = None
    abstract: int | None = None
    keywords: int | None = None
    references: list[int] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    headings: list[list[int]] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)


@dataclass
class DraftSource:
    lines: list[Line]
    layout: Layout
    articles: list[DraftArticle]
    drops: list[tuple[int, int, str]]  # (line, article index, reason)
    metadata: list[int]
    doubts: list[str]


def closes(line_text: str) -> bool:
    """A line that ends a sentence, or introduces a list with a colon."""
    return ends_sentence(line_text) or line_text.rstrip().endswith(("：", ":"))


def text(line: Line) -> str:
    return line.text.strip()


@lru_cache(maxsize=1)
def _dictionary() -> dict:
    jieba.initialize()
    return jieba.dt.FREQ


def forms_word(left: str, right: str) -> str | None:
    """A dictionary word of two to four characters that spans the break, if any."""
    words = _dictionary()
    for size in (4, 3, 2):
        for k in range(1, size):
            candidate = left[-k:] + right[: size - k]
            if len(candidate) == size and all(is_han(c) for c in candidate) and words.get(candidate):
                return candidate
    return None


def build(lines: list[Line], layout: Layout) -> DraftSource:
    articles, drops, metadata, doubts = [], [], [], []
    by_title: dict[str, int] = {}
    for ln in lines:
        if ln.kind is Kind.TITLE:
            by_title[text(ln)] = len(articles)
            articles.append(DraftArticle(title=ln.number))
    if not articles:
        doubts.append("no title found above a byline: the whole text is drafted as one article")
        first = next(ln.number for ln in lines if ln.kind is not Kind.BLANK)
        articles.append(DraftArticle(title=first))
    fragments = _fragments(lines, articles, by_title, drops, metadata)
    _place(lines, layout, articles, fragments, doubts)
    for art in articles:
        _paragraphs(lines, layout, art)
        _abstract(art)
        _unfinished(lines, layout, art, doubts)
    return DraftSource(lines, layout, articles, drops, metadata, doubts)


def _unfinished(lines: list[Line], layout: Layout, art: DraftArticle, doubts: list[str]) -> None:
    """A line that ends mid-sentence with nothing to continue it: text may be lost."""
    by_no = {ln.number: ln for ln in lines}
    joined = {j.before for j in art.joins}
    text_lines = [n for f in art.fragments for n in f.lines if by_no[n].kind is Kind.TEXT]
    for k, n in enumerate(text_lines):
        last = k == len(text_lines) - 1
        if closes(by_no[n].text) or n in joined or (layout.name == "wrapped" and not last):
            continue
        doubt = f"line {n} ends mid-sentence and no continuation was found: a lacuna?"
        if doubt not in doubts:
            doubts.append(doubt)


def _abstract(art: DraftArticle) -> None:
    """A paragraph between the byline and the keywords is the abstract."""
    if art.keywords is None or not art.paragraph_starts or art.paragraph_starts[0] > art.keywords:
        return
    art.abstract = art.paragraph_starts.pop(0)
    for frag in art.fragments:
        if art.abstract in frag.lines:
            frag.lines.remove(art.abstract)
    art.fragments = [f for f in art.fragments if f.lines]


def _fragments(lines, articles, by_title, drops, metadata) -> list[Fragment]:
    fragments: list[Fragment] = []
    header: tuple[str, int] | None = None
    current: Fragment | None = None
    last_title = 0
    for ln in lines:
        k = ln.kind
        if k is Kind.BLANK:
            continue
        if k in (Kind.TITLE, Kind.BYLINE, Kind.RUNNING_TITLE, Kind.AFFILIATION, Kind.DUPLICATE, Kind.LABEL):
            current = None
        if k is Kind.TITLE:
            last_title = by_title[text(ln)]
            header = ("byline", last_title)
        elif k is Kind.BYLINE:
            articles[last_title].byline = ln
        elif k is Kind.RUNNING_TITLE:
            header = ("running", by_title[text(ln)])
            drops.append((ln.number, header[1], "Running title repeated at the head of a continuation"))
        elif k is Kind.DUPLICATE:
            drops.append((ln.number, last_title, f"Duplicate line ({ln.why})"))
        elif k is Kind.LABEL:
            metadata.append(ln.number)
        elif k is Kind.AFFILIATION:
            fragments.append(Fragment([ln.number], ("affiliation", -1)))
            header = None
        elif k is Kind.KEYWORDS:
            articles[last_title].keywords = ln.number
        elif k is Kind.REFERENCE:
            articles[last_title].references.append(ln.number)
        else:
            if current is None:
                current = Fragment([], header)
                fragments.append(current)
            current.lines.append(ln.number)
    return fragments


# -- joins across column breaks ---------------------------------------------------------


def _place(lines, layout, articles, fragments, doubts) -> None:
    by_no = {ln.number: ln for ln in lines}
    runs = [f for f in fragments if f.header != ("affiliation", -1)]
    joins = _choose_joins(by_no, runs, doubts) if layout.interleaved else []
    pieces = _split(runs, joins)
    _assign(pieces, joins)
    for k, f in enumerate(pieces):
        if f.article is None:
            f.article = pieces[k - 1].article if k else 0
            doubts.append(
                f"lines {f.lines[0]}–{f.lines[-1]} follow no title: assigned to the article before them"
            )
    _order(articles, pieces, joins, fragments)


def _split(runs: list[Fragment], joins: list[Join]) -> list[Fragment]:
    """Cut each run of lines where a join leaves it or enters it: those are column breaks."""
    cuts_before = {j.after for j in joins}
    cuts_after = {j.before for j in joins}
    pieces = []
    for run in runs:
        current = Fragment([], run.header)
        for n in run.lines:
            if current.lines and n in cuts_before:
                pieces.append(current)
                current = Fragment([], run.header, first_in_run=False)
            current.lines.append(n)
            if n in cuts_after:
                pieces.append(current)
                current = Fragment([], run.header, first_in_run=False)
        if current.lines:
            pieces.append(current)
    return pieces


def _assign(pieces: list[Fragment], joins: list[Join]) -> None:
    """A piece belongs to the article its title or byline names; a piece that a join
    continues belongs to the article it continues; and a piece whose continuation is the
    first text under another byline is that article's opening, printed out of place."""
    for f in pieces:
        f.article = f.header[1] if f.header else None
    first = {f.lines[0] for f in pieces if f.first_in_run and f.header and f.header[0] == "byline"}
    by_end = {f.lines[-1]: f for f in pieces}
    by_start = {f.lines[0]: f for f in pieces}
    for j in sorted(joins, key=lambda j: j.before):
        src, dst = by_end[j.before], by_start[j.after]
        if dst.lines[0] in first and src.article != dst.article:
            src.article, src.moved = dst.article, True
        else:
            dst.article = src.article


def _choose_joins(by_no: dict, frags: list[Fragment], doubts: list[str]) -> list[Join]:
    """Every line that ends mid-sentence is matched to the line most likely to continue it."""
    text_lines = [n for f in frags for n in f.lines if by_no[n].kind is Kind.TEXT]
    header_of = {n: f.header for f in frags for n in f.lines}
    open_ends = [n for n in text_lines if not closes(by_no[n].text)]
    scored = []
    for a in open_ends:
        for b in text_lines:
            if b == a:
                continue
            score, evidence, kind = _score(by_no, header_of, text_lines, a, b)
            scored.append((score, a, b, kind, evidence))
    scored.sort(key=lambda s: (-s[0], abs(s[2] - s[1])))
    used_a, used_b, joins = set(), set(), []
    for score, before, after, kind, evidence in scored:
        if score < 1.0 or before in used_a or after in used_b:
            continue
        used_a.add(before)
        used_b.add(after)
        joins.append(Join(before, after, kind, tuple(evidence), round(min(1.0, score / 8), 2)))
    for a in open_ends:
        if a not in used_a:
            doubts.append(f"line {a} ends mid-sentence and no continuation was found: a lacuna?")
    return joins


def _score(by_no, header_of, text_lines, a: int, b: int):
    left, right = text(by_no[a]), text(by_no[b])
    evidence, score, kind = [], 0.0, "sentence"
    word = forms_word(left, right)
    if word:
        score, kind = score + 3, "word"
        evidence.append(f"{left[-2:]}|{right[:2]} forms the word {word}")
    fragment_end = re.match(r"^(\w{1,2})[。！？.!?]", right)  # 念。 位。: the tail of a sentence
    if right[:1] in _NO_OPENING or fragment_end:
        score += 2
        evidence.append(f"line {b} begins with “{right[:3]}”, which cannot open a sentence")
    if left[-1:] in _NEEDS_MORE:
        score += 1
        evidence.append(f"line {a} ends with “{left[-1]}”, which needs what follows")
    hb, ha = header_of.get(b), header_of.get(a)
    if hb and hb[0] == "running" and _first_of_run(header_of, text_lines, b):
        same = ha is not None and ha[1] == hb[1]
        score += 3 if same else -3
        evidence.append(
            "the repeated title above it names the same article"
            if same
            else "its repeated title names another article"
        )
        earlier = [
            n
            for n in text_lines
            if a < n < b and _first_of_run(header_of, text_lines, n) and header_of[n] == hb
        ]
        if same and earlier:
            score -= 1.5
            evidence.append(f"an earlier continuation of the same article (line {earlier[0]}) comes first")
    if b < a:  # continuations run on down the page
        score -= 3
        evidence.append(f"line {b} is printed before line {a}")
    topic = _topic(by_no, header_of, text_lines, a, b)
    score += topic
    if topic > 0.3:
        evidence.append(f"line {b} shares vocabulary with the article of line {a}")
    return score, evidence, kind


def _first_of_run(header_of: dict, text_lines: list[int], n: int) -> bool:
    k = text_lines.index(n)
    return k == 0 or header_of.get(text_lines[k - 1]) is not header_of.get(n)


def _bigrams(s: str) -> Counter:
    runs = HAN_RUN.findall(s)
    return Counter(r[i : i + 2] for r in runs for i in range(len(r) - 1))


def _cosine(x: Counter, y: Counter) -> float:
    dot = sum(v * y[k] for k, v in x.items())
    norm = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
    return dot / norm if norm else 0.0


def _topic(by_no, header_of, text_lines, a: int, b: int) -> float:
    """How much more line b resembles line a's article than the line printed just before b."""
    b_text = _bigrams(text(by_no[b]))
    ha = header_of.get(a)
    same = [n for n in text_lines if ha and header_of.get(n) and header_of[n][1] == ha[1] and n != b]
    a_text = _bigrams("".join(text(by_no[n]) for n in same))
    k = text_lines.index(b)
    before = _bigrams(text(by_no[text_lines[k - 1]])) if k else Counter()
    return max(-2.0, min(2.0, 4 * (_cosine(b_text, a_text) - _cosine(b_text, before))))


# -- order, paragraphs, headings -------------------------------------------------------


def _order(articles, pieces, joins, fragments) -> None:
    """Reading order: chains of joined pieces; an article's moved opening first, then
    chains in page order.  A chain that starts after a repeated title continues the
    article with a new paragraph."""
    follows = {j.after: j for j in joins}
    for idx, art in enumerate(articles):
        mine = [f for f in pieces if f.article == idx]
        ends = {f.lines[-1] for f in mine}
        starts = [f for f in mine if not (f.lines[0] in follows and follows[f.lines[0]].before in ends)]
        starts.sort(key=lambda f: (not f.moved, f.lines[0]))
        ordered: list[Fragment] = []
        for start in starts:
            if ordered:
                art.joins.append(_paragraph_join(ordered[-1], start))
            chain = [start]
            while nxt := _next_in_chain(mine, follows, chain[-1]):
                art.joins.append(follows[nxt.lines[0]])
                chain.append(nxt)
            ordered.extend(chain)
        art.fragments = ordered
    for f in fragments:
        if f.header == ("affiliation", -1):
            prev = [g for g in pieces if g.lines[-1] < f.lines[0]]
            if prev:
                articles[prev[-1].article].affiliation = f.lines[0]


def _next_in_chain(mine: list[Fragment], follows: dict, last: Fragment) -> Fragment | None:
    return next(
        (g for g in mine if g.lines[0] in follows and follows[g.lines[0]].before == last.lines[-1]), None
    )


def _paragraph_join(prev: Fragment, start: Fragment) -> Join:
    if start.header and start.header[0] == "running":
        why = ("the repeated title above it names this article",)
        return Join(prev.lines[-1], start.lines[0], "paragraph", why, 0.6)
    return Join(
        prev.lines[-1], start.lines[0], "paragraph", ("printed later on the page under no title",), 0.3
    )


def _paragraphs(lines: list[Line], layout: Layout, art: DraftArticle) -> None:
    by_no = {ln.number: ln for ln in lines}
    joined_after = {j.after for j in art.joins if j.kind != "paragraph"}
    open_para = False
    for frag in art.fragments:
        for n in frag.lines:
            ln = by_no[n]
            if ln.kind is Kind.HEADING:
                if art.headings and art.headings[-1][-1] == _prev_heading_line(by_no, n):
                    art.headings[-1].append(n)
                else:
                    art.headings.append([n])
                open_para = False
                continue
            continues = (layout.name == "wrapped" and open_para) or n in joined_after
            if not continues:
                art.paragraph_starts.append(n)
            open_para = not closes(ln.text)


def _prev_heading_line(by_no: dict, n: int) -> int | None:
    j = n - 1
    while j in by_no and by_no[j].kind is Kind.BLANK:
        j -= 1
    return (
        j
        if j in by_no and by_no[j].kind is Kind.HEADING and "continues the heading" in by_no[n].why
        else None
    )
