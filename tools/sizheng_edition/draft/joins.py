"""Joins across column breaks: every text line that ends mid-sentence is matched to the
line most likely to continue it, each match scored from its evidence."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from sizheng_edition.draft.global_assignment import opening_form
from sizheng_edition.draft.matching import best_matching
from sizheng_edition.draft.model import Fragment, Header, HeaderKind, Join, Kind, Line
from sizheng_edition.draft.vocabulary import bigrams, cosine, forms_word
from sizheng_edition.model.plan import JoinKind
from sizheng_edition.text.chars import is_han

_NEXT_IN_COLUMN = 4.0  # an unfinished line runs on into the next line of its column, as a rule
_NO_OPENING = set("的地得了着过之吗呢吧们，。、；：？！）”’,.;:?!)")  # half-width marks are mixed in too
_NEEDS_MORE = set("等和与及或的之在对把被向从为")
_SENTENCE_TAIL = re.compile(r"^(\w{1,2})[。！？.!?]")  # 念。 位。: the tail of a sentence
_PARALLEL_OPENING = 3.0  # a line opening with a run-in lead like another paragraph's starts one
_SEEN_ACROSS = 1.5  # characters across the break that the page prints together elsewhere
_SEEN_TIMES = 2
_NO_WORD = 1.0  # a line that ends mid-word, joined to a line that does not complete the word
_ENOUGH = 1.0  # the least score a join needs
# where the page is not read as interleaved, the least score a join needs: two kinds of
# evidence at least (a word across the break and the next line of the column; a line that
# cannot open a sentence and a repeated title of the same article).  At 3 or 4 it made
# pages worse (4053, 6066, 8016, 8028).
_STRONG = 5.0
_SURE = 8.0  # the score at which a join's confidence is 1


@dataclass(frozen=True)
class JoinChoice:
    joins: list[Join]
    unmatched: list[int]  # lines that end mid-sentence with nothing to continue them


@dataclass(frozen=True)
class _Page:
    """The text lines of the page with what stands above each."""

    by_no: dict[int, Line]
    text_lines: list[int]
    header_of: dict[int, Header | None]
    # each line's article as the page as a whole reads it (a second pass), else its header's
    assigned: dict[int, int]
    index: dict[int, int] = field(init=False)  # position of a text line in text_lines
    # lines opening with a run-in lead of the same form as another's (政治引领的“掌舵人”。,
    # 党建融合的“粘合剂”。): parallel paragraphs' first lines -> the first such other line
    parallel: dict[int, int] = field(init=False)
    # the Han bigrams and trigrams printed within the page's lines: a sequence the break
    # splits that the page prints elsewhere (思政|工作 beside 思政工作) reads as one text
    grams: Counter[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {n: k for k, n in enumerate(self.text_lines)})
        forms = {n: f for n in self.text_lines if (f := opening_form(self.text(n)))}
        alike = {
            n: next(m for m in forms if m != n and forms[m] == forms[n])
            for n in forms
            if sum(forms[m] == forms[n] for m in forms) > 1
        }
        object.__setattr__(self, "parallel", alike)
        grams: Counter[str] = Counter()
        for n in self.text_lines:
            t = self.text(n)
            grams.update(t[i : i + k] for k in (2, 3) for i in range(len(t) - k + 1))
        object.__setattr__(self, "grams", grams)

    def text(self, n: int) -> str:
        return self.by_no[n].stripped

    def next_in_column(self, a: int, b: int) -> bool:
        k = self.index[a]
        return k + 1 < len(self.text_lines) and self.text_lines[k + 1] == b and not self.first_of_run(b)

    def first_of_run(self, n: int) -> bool:
        """The first text line under its title or repeated title."""
        k = self.index[n]
        return k == 0 or self.header_of.get(self.text_lines[k - 1]) != self.header_of.get(n)


@dataclass(frozen=True)
class _Candidate:
    score: float
    before: int
    after: int
    kind: JoinKind
    evidence: tuple[str, ...]
    # evidence from the sentence itself across the break (a word it splits, a line that
    # cannot open a sentence, an end that needs what follows), not only from the article
    across: bool = False


def choose_joins(
    by_no: dict[int, Line],
    runs: list[Fragment],
    wrapped: bool = False,
    article_of: dict[int, int] | None = None,
    breaks_only: bool = False,
) -> JoinChoice:
    """On a hard-wrapped page nearly every line ends mid-sentence and runs on into the
    next line of its column, so a join is sought only from the last text line of a
    column (run) to the first text line of another.  With ``breaks_only`` (a page of
    several articles not read as interleaved) a join is sought only from a line that ends
    a piece to one that begins a piece, as ``article_of`` reads the page, and kept only
    with strong evidence (``_STRONG``)."""
    text_lines = [n for f in runs for n in f.lines if by_no[n].kind is Kind.TEXT]
    page = _Page(by_no, text_lines, {n: f.header for f in runs for n in f.lines}, article_of or {})
    open_ends = [n for n in text_lines if not by_no[n].closes]
    targets = list(text_lines)
    if wrapped:
        open_ends = [n for n in open_ends if not _in_column(by_no, n, +1)]
        targets = [n for n in targets if not _in_column(by_no, n, -1)]
    if breaks_only:
        open_ends = [n for n in open_ends if _piece_edge(page, n, +1)]
        targets = [n for n in targets if _piece_edge(page, n, -1)]
    # a line under a heading opens a paragraph: no sentence from elsewhere runs into it,
    # unless a word spans the break (a piece of another article printed under the heading)
    scored = {
        (a, b): _score(page, a, b)
        for a in open_ends
        for b in targets
        if b != a and (not _under_heading(by_no, b) or forms_word(page.text(a), page.text(b)))
    }
    # an unfinished line runs on into the next line of its column, of its article as the
    # page reads it, unless the sentence says otherwise: that another line is of the same
    # article (a repeated title, shared vocabulary) says nothing of where the sentence goes
    # (出于事业，| 当面指出 against a paragraph under a repeated title, 9087, 10029)
    runs_on = {
        a for a, b in scored if page.next_in_column(a, b) and _article_of(page, a) == _article_of(page, b)
    }
    scored = {
        (a, b): c for (a, b), c in scored.items() if a not in runs_on or c.across or page.next_in_column(a, b)
    }
    # a line that ends mid-word where one other line completes the word: the next line of
    # its column, completing none, does not run on from it as readily (与职|工实际 against
    # a paragraph of another article under it; but 在全|县, 在全|家 and 在全|中心 all read)
    completions = Counter(a for (a, _), cand in scored.items() if cand.kind is JoinKind.WORD)
    mid_word = {a for a, k in completions.items() if k == 1}
    for (a, b), cand in list(scored.items()):
        if a in mid_word and cand.kind is not JoinKind.WORD and page.next_in_column(a, b):
            why = f"line {a} ends mid-word and line {b} does not complete it"
            less = cand.score - _NO_WORD
            scored[a, b] = dataclasses.replace(cand, score=less, evidence=(*cand.evidence, why))
    # chosen for the page as a whole, not best score first: the greatest total score
    # (less the least a join needs, so that two weak joins do not outweigh one strong one;
    # ties go to the nearer line)
    ends, starts = sorted({a for a, _ in scored}), sorted({b for _, b in scored})
    weights = [[_weight(c) if (c := scored.get((a, b))) is not None else 0.0 for b in starts] for a in ends]
    joins = []
    used_a: set[int] = set()
    for i, j in sorted(best_matching(weights)):
        c = scored[ends[i], starts[j]]
        if breaks_only and c.score < _STRONG:
            continue
        used_a.add(c.before)
        joins.append(Join(c.before, c.after, c.kind, c.evidence, round(min(1.0, c.score / _SURE), 2)))
    return JoinChoice(joins, [a for a in open_ends if a not in used_a])


def _piece_edge(page: _Page, n: int, step: int) -> bool:
    """Whether line ``n`` ends (step +1) or begins (-1) a piece: the neighbouring text
    line that way is in another run or, as the page reads, another article."""
    k = page.index[n] + step
    if not 0 <= k < len(page.text_lines):
        return True
    m = page.text_lines[k]
    first = m if step > 0 else n
    return page.first_of_run(first) or _article_of(page, m) != _article_of(page, n)


def _weight(c: _Candidate) -> float:
    if c.score < _ENOUGH:
        return 0.0
    return 0.01 + c.score - _ENOUGH - 1e-4 * abs(c.after - c.before)


def _under_heading(by_no: dict[int, Line], n: int) -> bool:
    j = n - 1
    while j in by_no and by_no[j].kind is Kind.BLANK:
        j -= 1
    return j in by_no and by_no[j].kind is Kind.HEADING


def _in_column(by_no: dict[int, Line], n: int, step: int) -> bool:
    """Whether the nearest non-blank line after (step +1) or before (-1) line ``n`` is
    more text of the same column; a title, byline, affiliation, repeated title or page
    furniture between them, or the page's edge, marks a column's end or start."""
    j = n + step
    while j in by_no and by_no[j].kind is Kind.BLANK:
        j += step
    return j in by_no and by_no[j].kind in (Kind.TEXT, Kind.HEADING, Kind.REFERENCE)


def _score(page: _Page, a: int, b: int) -> _Candidate:
    left, right = page.text(a), page.text(b)
    evidence: list[str] = []
    score, kind = 0.0, JoinKind.SENTENCE
    word = forms_word(left, right)
    if word:
        score, kind = score + 3, JoinKind.WORD
        evidence.append(f"{left[-2:]}|{right[:2]} forms the word {word}")
    elif (seen := _seen_across(page, left, right)) is not None:
        score += _SEEN_ACROSS
        evidence.append(f"{seen} spans the break and is printed elsewhere on the page")
    if right[:1] in _NO_OPENING or _SENTENCE_TAIL.match(right):
        score += 2
        evidence.append(f"line {b} begins with “{right[:3]}”, which cannot open a sentence")
    if left[-1:] in _NEEDS_MORE:
        score += 1
        evidence.append(f"line {a} ends with “{left[-1]}”, which needs what follows")
    across = bool(evidence)  # so far, only what the sentence says across the break
    hb, a_article = page.header_of.get(b), _article_of(page, a)
    if hb is not None and hb.kind is HeaderKind.RUNNING and page.first_of_run(b):
        same = a_article == hb.article
        score += 3 if same else -3
        evidence.append(
            "the repeated title above it names the same article"
            if same
            else "its repeated title names another article"
        )
        earlier = [
            n
            for n in page.text_lines
            if a < n < b and page.first_of_run(n) and hb.names_same(page.header_of[n])
        ]
        if same and earlier:
            score -= 1.5
            evidence.append(f"an earlier continuation of the same article (line {earlier[0]}) comes first")
    if b in page.parallel:
        score -= _PARALLEL_OPENING
        evidence.append(f"line {b} opens as line {page.parallel[b]} does, as a paragraph")
    if page.next_in_column(a, b):
        score += _NEXT_IN_COLUMN
        evidence.append(f"line {b} is the next line of the same column")
    if b < a:  # continuations run on down the page
        score -= 3
        evidence.append(f"line {b} is printed before line {a}")
    topic = _topic(page, a, b)
    score += topic
    if topic > 0.3:
        evidence.append(f"line {b} shares vocabulary with the article of line {a}")
    return _Candidate(score, a, b, kind, tuple(evidence), across)


def _seen_across(page: _Page, left: str, right: str) -> str | None:
    for gram in (left[-2:] + right[:1], left[-1:] + right[:2], left[-1:] + right[:1]):
        if len(gram) >= 2 and all(is_han(c) for c in gram) and page.grams[gram] >= _SEEN_TIMES:
            return gram
    return None


def _topic(page: _Page, a: int, b: int) -> float:
    """How much more line b resembles line a's article than the line printed just before b."""
    b_text = bigrams(page.text(b))
    a_article = _article_of(page, a)
    same = [
        n for n in page.text_lines if n != b and a_article is not None and _article_of(page, n) == a_article
    ]
    a_text = bigrams("".join(page.text(n) for n in same))
    k = page.index[b]
    before = bigrams(page.text(page.text_lines[k - 1])) if k else Counter[str]()
    return max(-2.0, min(2.0, 4 * (cosine(b_text, a_text) - cosine(b_text, before))))


def _article_of(page: _Page, n: int) -> int | None:
    if n in page.assigned:
        return page.assigned[n]
    header = page.header_of.get(n)
    return header.article if header is not None else None
