"""Which article each line belongs to, decided for the whole page at once.

Where each paragraph has its line, a piece of one article can be printed under another
article's head with nothing between them (no repeated title, no byline), so "the last
head above" is no evidence at all there.  Lines that must stay together (an unfinished
line and the line that runs on from it, unless it ends mid-word and only another line
completes the word, the two ends of a join, a heading and its second line) form one
group; each group then goes to the article that best explains it, and the choice is
repeated over the page until nothing changes (iterated conditional modes):

- vocabulary: the group's Han bigrams, weighted by how rare each is among the page's
  lines (a topic word counts, 工作 does not), against the rest of each article's lines;
- neighbours: a group printed just under an article's title or repeated title is that
  article's; a group printed next to another of an article's lines probably is too;
- heading numbers: 二、 follows 一、 of the same article, （三） follows （二）, 3、 follows 2、;
- sections: a heading is not followed in its article by another heading of its level,
  nor by a paragraph that opens by answering the one before it (但, 然而, 因此, 此外);
  a heading is not its article's last line on the page where the next line of its run,
  another article's, goes on (a section is printed with its text);
- heading styles: an article numbers all its headings (一、 （一）) or none of them;
- parallel openings: paragraphs whose run-in leads have one form (政治引领的“掌舵人”。,
  党建融合的“粘合剂”。) are one article's, and move together.

Titles printed one after another with no text between them head articles set side by
side, which a row-by-row reading interleaves line by line: under them a change of article
between neighbours costs nothing, and the search also starts from that reading (one group
of each article in turn); of the readings it ends in, the one that explains the page best
is kept, and another within ``_CLOSE`` of it is a doubt.

Pieces are then cut wherever the article of their lines changes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sizheng_edition.draft.model import Fragment, HeaderKind, Join, Kind, Line
from sizheng_edition.draft.vocabulary import bigrams, forms_word
from sizheng_edition.text.chars import is_han

_HEAD_WEIGHT = 4.0  # printed just under an article's title or repeated title
_NEIGHBOUR_WEIGHT = 0.6  # printed next to a line of the same article
_VOCABULARY_WEIGHT = 0.1  # per unit of log-likelihood ratio
_SMOOTHING = 50.0  # bigrams of the page's text an article's counts are smoothed with
_NUMBER_WEIGHT = 2.0  # the heading number that comes next in that article
_ABOVE_TITLE_COST = 1.0  # per line
_SWITCH_COST = 0.5  # neighbouring lines of one run given to different articles
_EMPTY_SECTION_COST = 2.0  # a heading followed in its article by another heading of its level
_PARALLEL_WEIGHT = 1.0  # per pair of paragraphs opening alike (政治引领的“掌舵人”。) in one article
_CONNECTIVE_COST = 1.5  # a paragraph opening with 但 or 因此 placed first under a heading
_ROW_WEIGHT = 1.0  # neighbours under side-by-side titles in the titles' order (A then B, B then A)
_STYLE_COST = 1.0  # an article whose headings are some numbered (一、 （一）), some not
# a heading its article's last line on the page, though the next line of its run (another
# article's) goes on: a section is printed with its text, so the heading is probably that line's
_LAST_HEADING_COST = 0.5
_LEAST_GAIN = 0.3
_CLOSE = 1.0  # another reading of the page scoring within this of the best is a doubt
_PASSES = 40  # moves, at most

_CN = "一二三四五六七八九十"
_LEVELS = (
    re.compile(r"^([一二三四五六七八九十]+)、"),
    re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]"),
    re.compile(r"^(\d+)[、.．]"),
)


@dataclass(frozen=True)
class LineArticles:
    article_of: dict[int, int]  # line -> article index
    changed: list[tuple[int, int, int, str]]  # (line, from, to, why)
    doubts: list[str] = field(default_factory=list)  # readings of the page almost as good
    text_lines: list[int] = field(default_factory=list)  # in page order


def enumeration(text: str) -> tuple[int, int] | None:
    """The level and value of a heading's (or numbered paragraph's) enumerator."""
    for level, pattern in enumerate(_LEVELS):
        m = pattern.match(text)
        if m:
            token = m.group(1)
            if token.isdigit():
                return level, int(token)
            value = _cn_value(token)
            if value:
                return level, value
    return None


def _cn_value(token: str) -> int:
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _CN.index(token[1]) + 1 if len(token) == 2 else 0
    if len(token) == 1:
        return _CN.index(token) + 1
    if len(token) == 2 and token[1] == "十":
        return (_CN.index(token[0]) + 1) * 10
    return 0


def _groups(
    by_no: dict[int, Line], text_lines: list[int], run_of: dict[int, int], joins: list[Join]
) -> list[list[int]]:
    parent = {n: n for n in text_lines}

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: int, b: int) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    joined = {j.before for j in joins}
    for a, b in itertools.pairwise(text_lines):
        ln, nxt = by_no[a], by_no[b]
        if run_of[a] != run_of[b]:
            continue
        runs_on = ln.kind is Kind.TEXT and not ln.closes and a not in joined
        if runs_on and _completed_elsewhere(by_no, text_lines, a, b):
            runs_on = False
        if runs_on or (ln.kind is Kind.HEADING and nxt.continues_heading):
            union(a, b)
    for j in joins:
        union(j.before, j.after)
    out: dict[int, list[int]] = {}
    for n in text_lines:
        out.setdefault(find(n), []).append(n)
    return list(out.values())


def assign_lines(
    by_no: dict[int, Line],
    pieces: list[Fragment],
    joins: list[Join],
    titles: list[int | None],
) -> LineArticles:
    """Move whole stretches of a piece (never a part of a group) to another article while
    that makes the page as a whole more plausible."""
    text_lines = sorted(n for f in pieces for n in f.lines)
    run_of = {n: k for k, f in enumerate(pieces) for n in f.lines}
    article_of = {n: f.article for f in pieces for n in f.lines if f.article is not None}
    n_articles = len(titles)
    if n_articles < 2 or len(text_lines) < 2 or len(article_of) != len(text_lines):
        return LineArticles(article_of, [])
    page = _Page.make(by_no, pieces, joins, titles, text_lines, run_of)
    start = dict(article_of)
    # Under titles printed side by side the search also starts from the row-by-row reading
    # (one group of each article in turn) and keeps whichever end explains the page better.
    ends = [page.settle(dict(start)), *(page.settle(alt) for alt in page.alternations(start))]
    ranked = sorted(ends, key=page.total, reverse=True)
    article_of = ranked[0]
    why = _WHY_SIDE_BY_SIDE if len(ranked) > 1 and article_of is not ends[0] else _WHY
    changed = [(n, start[n], article_of[n], why) for n in text_lines if start[n] != article_of[n]]
    doubts = []
    for other in ranked[1:]:
        differ = [n for n in text_lines if other[n] != article_of[n]]
        if differ and page.total(article_of) - page.total(other) < _CLOSE:
            doubts.append(
                "the page reads almost as well with "
                + ", ".join(f"line {n} in article {other[n] + 1}" for n in differ)
                + f" (page score {page.total(other):.1f} against {page.total(article_of):.1f}): "
                "the articles' vocabulary does not tell them apart"
            )
    return LineArticles(article_of, changed, doubts, text_lines)


_WHY = "its vocabulary, neighbours and heading numbers fit that article better than the head above it"
_WHY_SIDE_BY_SIDE = (
    "the titles are printed one after another, so the articles are set side by side and read "
    "a line of each in turn, which explains the page better than the head above it"
)


@dataclass(frozen=True)
class _Page:
    text_lines: list[int]
    pairs: list[tuple[int, int]]  # neighbouring text lines of one run: a change of article costs
    rows: list[tuple[int, int, tuple[int, ...]]]  # neighbours under side-by-side titles, their order
    # first line under a title, byline or repeated title -> its article; under two titles
    # printed one after the other with no text between, either
    head_above: dict[int, tuple[int, ...]]
    group_of: dict[int, int]
    groups: list[list[int]]
    segments: list[list[int]]  # candidate stretches: consecutive groups of one piece
    raw: dict[int, Counter[str]]
    title_raw: list[Counter[str]]
    background: dict[str, float]  # each bigram's share of the page's text
    page_total: Counter[str]
    numbers: dict[int, tuple[int, int]]
    titles: list[int | None]
    running_over: dict[int, int]  # line -> the article its repeated title names
    headings: dict[int, int | None]  # heading's first line -> its number's level (None: unnumbered)
    parallel: list[tuple[int, int]]  # paragraphs whose openings have one form
    connected: list[int]  # paragraphs that open by answering the one before (但, 因此)

    @classmethod
    def make(
        cls,
        by_no: dict[int, Line],
        pieces: list[Fragment],
        joins: list[Join],
        titles: list[int | None],
        text_lines: list[int],
        run_of: dict[int, int],
    ) -> _Page:
        head_above: dict[int, tuple[int, ...]] = {}
        side_by_side: dict[int, tuple[int, ...]] = {}  # header line -> the stacked titles' articles
        for f in pieces:
            if f.header is not None and f.first_in_run:
                n = f.lines[0]
                k = text_lines.index(n)
                above = text_lines[k - 1] if k else 0
                stacked = [a for a, t in enumerate(titles) if t is not None and above < t < n]
                head_above[n] = tuple(sorted({f.header.article, *stacked}))
                if len(head_above[n]) > 1:
                    side_by_side[f.header.line] = tuple(sorted(head_above[n], key=lambda a: titles[a] or 0))
        # Titles printed one after another with no text between head articles set side by
        # side, whose lines a row-by-row reading alternates: there a change of article
        # between neighbours costs nothing, and one in the order of the titles is likely.
        free = {
            n: side_by_side[f.header.line]
            for f in pieces
            if f.header is not None and f.header.line in side_by_side
            for n in f.lines
        }
        pairs = [
            (a, b) for a, b in itertools.pairwise(text_lines) if run_of[a] == run_of[b] and a not in free
        ]
        rows = [(a, b, free[a]) for a, b in itertools.pairwise(text_lines) if a in free and b in free]
        groups = _groups(by_no, text_lines, run_of, joins)
        group_of = {n: k for k, g in enumerate(groups) for n in g}
        raw = {n: bigrams(by_no[n].stripped) for n in text_lines}
        title_raw = [bigrams(by_no[t].stripped) if t is not None else Counter[str]() for t in titles]
        page_total: Counter[str] = Counter()
        for g in [*raw.values(), *title_raw]:
            page_total.update(g)
        size = sum(page_total.values())
        background = {k: v / size for k, v in page_total.items()}
        numbers = {n: v for n in text_lines if (v := enumeration(by_no[n].stripped)) is not None}
        running_over = {
            n: f.header.article
            for f in pieces
            if f.header is not None and f.header.kind is HeaderKind.RUNNING
            for n in f.lines
        }
        headings = {
            n: (v[0] if (v := numbers.get(n)) else None)
            for n in text_lines
            if by_no[n].kind is Kind.HEADING and not by_no[n].continues_heading
        }
        forms = {
            n: form
            for n in text_lines
            if by_no[n].kind is Kind.TEXT and (form := opening_form(by_no[n].stripped))
        }
        parallel = [(a, b) for a, b in itertools.combinations(sorted(forms), 2) if forms[a] == forms[b]]
        connected = [
            n for n in text_lines if by_no[n].kind is Kind.TEXT and _CONNECTIVE.match(by_no[n].stripped)
        ]
        segments = []
        for f in pieces:
            order = [group_of[n] for n in f.lines]
            starts = [k for k in range(len(order)) if k == 0 or order[k] != order[k - 1]]
            for i in starts:
                for j in [*starts, len(order)]:
                    if j > i:
                        gs = {order[k] for k in range(i, j)}
                        segments.append(sorted({n for g in gs for n in groups[g]}))
        # paragraphs that open alike move together (one at a time would break as many pairs as it makes)
        for form in set(forms.values()):
            alike = {group_of[n] for n in forms if forms[n] == form}
            if len(alike) > 1:
                segments.append(sorted({n for g in alike for n in groups[g]}))
        return cls(
            text_lines,
            pairs,
            rows,
            head_above,
            group_of,
            groups,
            segments,
            raw,
            title_raw,
            background,
            page_total,
            numbers,
            titles,
            running_over,
            headings,
            parallel,
            connected,
        )

    def profiles(self, article_of: dict[int, int]) -> list[Counter[str]]:
        out = [Counter(t) for t in self.title_raw]
        for n, a in article_of.items():
            out[a].update(self.raw[n])
        return out

    def likelihood(self, seg: Counter[str], profile: Counter[str]) -> float:
        """Log-likelihood of the stretch's bigrams under the article's own (smoothed toward
        the page's), less that under the page's: it grows with the stretch's length."""
        total = sum(v for v in profile.values() if v > 0)
        out = 0.0
        for k, c in seg.items():
            if self.page_total[k] <= c:
                continue  # a bigram found nowhere else on the page says nothing of where it belongs
            bg = self.background[k]
            p = (max(profile[k], 0) + _SMOOTHING * bg) / (total + _SMOOTHING)
            out += c * math.log(p / bg)
        return out

    def fixed_score(self, article_of: dict[int, int]) -> float:
        """Everything but vocabulary: heads, changes of article between neighbours, numbers."""
        score = _HEAD_WEIGHT * sum(article_of[n] in a for n, a in self.head_above.items())
        # an article's text printed above its own title is rare (a piece moved up)
        score -= _ABOVE_TITLE_COST * sum(
            1
            for n, a in article_of.items()
            if (t := self.titles[a]) is not None and n < t and self.running_over.get(n) != a
        )
        score -= _SWITCH_COST * sum(article_of[a] != article_of[b] for a, b in self.pairs)
        score += _ROW_WEIGHT * sum(_in_turn(article_of[a], article_of[b], order) for a, b, order in self.rows)
        for n, number in self.numbers.items():
            score += _NUMBER_WEIGHT * _number_fit(number, n, article_of[n], article_of, self.numbers)
        score -= _EMPTY_SECTION_COST * sum(self._empty_section(h, article_of) for h in self.headings)
        score += _PARALLEL_WEIGHT * sum(article_of[a] == article_of[b] for a, b in self.parallel)
        score -= _CONNECTIVE_COST * sum(self._after_heading(n, article_of) for n in self.connected)
        score -= _STYLE_COST * self._mixed_styles(article_of)
        score -= _LAST_HEADING_COST * sum(self._heading_last(h, article_of) for h in self.headings)
        return score

    def _mixed_styles(self, article_of: dict[int, int]) -> int:
        """Headings of one article numbered and unnumbered: an article numbers all its
        headings (一、 （一）) or none, so the fewer kind is counted, per article."""
        numbered: Counter[int] = Counter()
        plain: Counter[int] = Counter()
        for h, level in self.headings.items():
            (plain if level is None else numbered)[article_of[h]] += 1
        return sum(min(numbered[a], plain[a]) for a in numbered)

    def _heading_last(self, h: int, article_of: dict[int, int]) -> bool:
        """A heading after which its article prints nothing more on the page, while the
        next line of its run is another article's (一、主要工作实践和成效 at the foot of
        one article's piece, that article's text following it)."""
        k = self.text_lines.index(h)
        rest = [n for n in self.text_lines[k + 1 :] if self.group_of[n] != self.group_of[h]]
        if not rest or (h, rest[0]) not in self.pairs or article_of[rest[0]] == article_of[h]:
            return False
        return all(article_of[n] != article_of[h] for n in rest)

    def _after_heading(self, n: int, article_of: dict[int, int]) -> bool:
        """The line before ``n`` in its article on the page is a heading."""
        k = self.text_lines.index(n)
        before = [m for m in self.text_lines[:k] if article_of[m] == article_of[n]]
        return bool(before) and before[-1] in self.headings

    def _empty_section(self, h: int, article_of: dict[int, int]) -> bool:
        """A heading whose article's next line is another heading of the same level: a
        section with no text, which an article does not print (一、 then （一） is fine)."""
        a = article_of[h]
        k = self.text_lines.index(h)
        rest = self.text_lines[k + 1 :]
        nxt = next((n for n in rest if article_of[n] == a and self.group_of[n] != self.group_of[h]), None)
        return nxt in self.headings and self.headings[nxt] == self.headings[h]

    def settle(self, article_of: dict[int, int]) -> dict[int, int]:
        """The best single move, repeated until none helps (iterated conditional modes)."""
        for _ in range(_PASSES):
            move = self.best_move(article_of)
            if move is None:
                break
            lines, target = move
            for n in lines:
                article_of[n] = target
        return article_of

    def total(self, article_of: dict[int, int]) -> float:
        """The page's score: each group's vocabulary under the rest of its article, and the rest."""
        profiles = self.profiles(article_of)
        vocabulary = 0.0
        for g in self.groups:
            sv: Counter[str] = Counter()
            for n in g:
                sv.update(self.raw[n])
            rest = profiles[article_of[g[0]]].copy()
            rest.subtract(sv)
            vocabulary += self.likelihood(sv, rest)
        return _VOCABULARY_WEIGHT * vocabulary + self.fixed_score(article_of)

    def alternations(self, article_of: dict[int, int]) -> list[dict[int, int]]:
        """For each run under titles printed side by side, its groups given to those
        articles in turn, in the order their titles are printed."""
        out = []
        for first, heads in self.head_above.items():
            if len(heads) < 2:
                continue
            order = sorted(heads, key=lambda a: self.titles[a] or 0)
            trial = dict(article_of)
            k = self.text_lines.index(first)
            seen: list[int] = []
            for n in self.text_lines[k:]:
                if n in self.head_above and n != first:
                    break
                if self.group_of[n] not in seen:
                    seen.append(self.group_of[n])
                trial[n] = order[(len(seen) - 1) % len(order)]
            out.append(trial)
        return out

    def best_move(self, article_of: dict[int, int]) -> tuple[list[int], int] | None:
        profiles = self.profiles(article_of)
        base = self.fixed_score(article_of)
        best: tuple[float, list[int], int] | None = None
        for seg in self.segments:
            current = {article_of[n] for n in seg}
            if len(current) != 1:
                continue
            (cur,) = current
            sv: Counter[str] = Counter()
            for n in seg:
                sv.update(self.raw[n])
            without = profiles[cur].copy()
            without.subtract(sv)
            stay = self.likelihood(sv, without)
            for b in range(len(profiles)):
                if b == cur:
                    continue
                trial = dict(article_of)
                for n in seg:
                    trial[n] = b
                gain = _VOCABULARY_WEIGHT * (self.likelihood(sv, profiles[b]) - stay)
                gain += self.fixed_score(trial) - base
                if gain > _LEAST_GAIN and (best is None or gain > best[0]):
                    best = (gain, seg, b)
        return (best[1], best[2]) if best else None


# what answers the paragraph before: a section does not open with it
_CONNECTIVE = re.compile(r"^(但|然而|因此|所以|因而|同时|此外|另外|而且|并且|可见|总之|与此同时)")
_OPENING = re.compile(r"^([^，,、；;。：:！？!?]{2,12}?[。：:！？!?])")


def opening_form(text: str) -> str | None:
    """The form of a paragraph's run-in lead (政治引领的“掌舵人”。 -> XXXX的“XXX”。): parallel
    paragraphs of one article open alike.  Only a lead that has more than Han in it (a
    quote, a bracket, 的) has a form distinctive enough to say so."""
    m = _OPENING.match(text)
    if not m:
        return None
    form = "".join("X" if is_han(c) and c != "的" else c for c in m.group(1))
    return form if len(set(form)) > 2 else None


def _in_turn(a: int, b: int, order: tuple[int, ...]) -> bool:
    """Article ``b`` is the one whose column comes after ``a``'s in a row-by-row reading."""
    return a in order and b in order and order.index(b) == (order.index(a) + 1) % len(order)


def _number_fit(
    number: tuple[int, int],
    n: int,
    a: int,
    article_of: dict[int, int],
    numbers: dict[int, tuple[int, int]],
) -> float:
    """+1 if article ``a`` has the number before this one (or this is the first) and not
    this one already; -1 if it already has this number or lacks the one before."""
    level, value = number
    earlier = sorted((m, v) for m, v in numbers.items() if m < n and article_of.get(m) == a)
    # numbering restarts under each heading of a higher level: 1、 2、 under （一）, again under （二）
    since = max((m for m, v in earlier if v[0] < level), default=0)
    same_level = [v[1] for m, v in earlier if v[0] == level and m > since]
    if value in same_level:
        return -1.0
    if value == 1:
        if same_level:
            return -0.5
        # （一） opens a section of a 一、 heading, 1、 one of a （一）: it fits the article
        # that has the heading above it better than one that has none
        return 0.5 if level == 0 or since else 0.0
    return 1.0 if value - 1 in same_level else -0.5


def recut(pieces: list[Fragment], article_of: dict[int, int]) -> list[Fragment]:
    """Each piece cut wherever the article of its lines changes."""
    out: list[Fragment] = []
    for f in pieces:
        current: Fragment | None = None
        for n in f.lines:
            a = article_of.get(n, f.article)
            if current is None or current.article != a:
                first = current is None
                current = Fragment([], f.header, a, f.moved and first, f.first_in_run and first)
                out.append(current)
            current.lines.append(n)
    return out


def moved_doubts(found: LineArticles) -> list[str]:
    """Each stretch of lines given to another article than the head printed above it: the
    draft's choice and the alternative, for the editor to confirm."""
    out: list[str] = []
    stretch: list[tuple[int, int, int, str]] = []
    position = {n: k for k, n in enumerate(found.text_lines)}

    def apart(a: int, b: int) -> bool:  # another text line printed between them
        return a in position and b in position and position[b] - position[a] > 1

    for change in [*found.changed, None]:
        if stretch and (
            change is None or change[1:3] != stretch[-1][1:3] or apart(stretch[-1][0], change[0])
        ):
            first, last = stretch[0][0], stretch[-1][0]
            _, old, new, why = stretch[0]
            where = f"line {first}" if first == last else f"lines {first}–{last}"
            out.append(
                f"{where}, printed under article {old + 1}'s head, go to article {new + 1}: {why}; "
                f"or they belong to article {old + 1}"
            )
            stretch = []
        if change is not None:
            stretch.append(change)
    return out + found.doubts


def _completed_elsewhere(by_no: dict[int, Line], text_lines: list[int], a: int, b: int) -> bool:
    """Line ``a`` ends mid-word and another text line of the page completes the word
    (jieba reads a dictionary word across the break: 公司|党委), while ``b``, the next
    line of its run, does not: then ``a`` may be a piece of another article printed above
    ``b`` (枢纽铁路公司 above a line of the highway article, 8052), and is not bound to
    it; the vocabulary decides, and the joins are sought again with the lines so read."""
    left = by_no[a].stripped
    if forms_word(left, by_no[b].stripped):
        return False
    return any(forms_word(left, by_no[n].stripped) for n in text_lines if n not in (a, b))
