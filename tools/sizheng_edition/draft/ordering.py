"""Reading order: each article's fragments as chains of joined pieces, its moved opening
first, then the chains in page order; and each affiliation line to its article."""

from __future__ import annotations

from sizheng_edition.draft.global_assignment import enumeration
from sizheng_edition.draft.model import DraftArticle, Fragment, HeaderKind, Join, Line
from sizheng_edition.model.plan import JoinKind


def order(
    articles: list[DraftArticle], pieces: list[Fragment], joins: list[Join], by_no: dict[int, Line]
) -> None:
    """A chain that starts after a repeated title continues the article with a new
    paragraph; so does one printed later under no title, with less confidence.  Chains
    are read in page order unless their numbers say otherwise (see ``_by_numbers``)."""
    follows = {j.after: j for j in joins}
    for idx, art in enumerate(articles):
        mine = [f for f in pieces if f.article == idx]
        ends = {f.lines[-1] for f in mine}
        starts = [f for f in mine if not (f.lines[0] in follows and follows[f.lines[0]].before in ends)]
        # an opening printed out of place first, then the text under the article's own
        # title (a piece printed above it continues it), then page order
        starts.sort(key=lambda f: (not f.moved, not _under_own_title(f, idx), f.lines[0]))
        chains = []
        for start in starts:
            chain = [start]
            while nxt := _next_in_chain(mine, follows, chain[-1]):
                chain.append(nxt)
            chains.append(chain)
        ordered: list[Fragment] = []
        by_numbers = _by_numbers(chains, by_no)
        for k, chain in enumerate(by_numbers):
            if ordered:
                join = _paragraph_join(ordered[-1], chain[0])
                if chains.index(chain) > k:  # read before a piece printed above it
                    why = "its number comes before that of a piece of the article printed above it"
                    join = Join(join.before, join.after, join.kind, (*join.evidence, why), join.confidence)
                art.joins.append(join)
            art.joins += [follows[f.lines[0]] for f in chain[1:]]
            ordered.extend(chain)
        art.fragments = ordered


def _by_numbers(chains: list[list[Fragment]], by_no: dict[int, Line]) -> list[list[Fragment]]:
    """Chains that follow the first in page order, except where their numbers say
    otherwise: a chain whose first numbered line (（一）, 二、, 1、) comes before that of a
    chain printed above it, at the same level and with no higher number in either, is read
    first (（二） printed above （一）)."""
    out = list(chains[:1])
    for chain in chains[1:]:
        mine = _numbers(chain, by_no)
        at = len(out)
        if mine:
            level, value = mine[0]
            for k in range(len(out) - 1, 0, -1):
                theirs = _numbers(out[k], by_no)
                if not theirs or any(lv < level for lv, _ in [*mine, *theirs]):
                    break
                if theirs[0][0] != level or theirs[0][1] <= value:
                    break
                at = k
        out.insert(at, chain)
    return _outline_order(out, by_no)


def _outline_order(chains: list[list[Fragment]], by_no: dict[int, Line]) -> list[list[Fragment]]:
    """An outline does not skip a level (一、 then （一） then 1、): a chain that opens a
    list a level too deep for the numbers read before it (1、 straight after 一、) reads
    after the later chain that opens the missing level (（一）, or the number after the last
    of its level), when the page prints that chain below it (11052)."""
    out = list(chains)
    for _ in range(len(out)):
        moved = _missing_level(out, by_no)
        if moved is None:
            return out
        k, later = moved
        out.insert(k, out.pop(later))
    return out


def _missing_level(chains: list[list[Fragment]], by_no: dict[int, Line]) -> tuple[int, int] | None:
    for k in range(1, len(chains)):
        mine = _numbers(chains[k], by_no)
        if not mine or mine[0][0] == 0 or mine[0][1] != 1:
            continue
        level = mine[0][0]
        before = [v for c in chains[:k] for v in _numbers(c, by_no)]
        if not before or before[-1][0] >= level - 1:
            continue
        parents = [v for lv, v in before if lv == level - 1]
        wanted = (level - 1, parents[-1] + 1 if parents else 1)
        for j in range(k + 1, len(chains)):
            theirs = _numbers(chains[j], by_no)
            if theirs and theirs[0] == wanted:
                return k, j
    return None


def _numbers(chain: list[Fragment], by_no: dict[int, Line]) -> list[tuple[int, int]]:
    return [v for f in chain for n in f.lines if n in by_no and (v := enumeration(by_no[n].stripped))]


def place_affiliations(articles: list[DraftArticle], pieces: list[Fragment], affiliations: list[int]) -> None:
    """An affiliation line printed just under an article's byline (作者：… then （作者单位：…）),
    with no text between, is that article's; otherwise it closes the article whose text is
    printed last above it."""
    text = sorted(n for g in pieces for n in g.lines)
    for line in affiliations:
        heads = [
            (h, k)
            for k, a in enumerate(articles)
            for h in (a.title, a.byline.number if a.byline else None)
            if h is not None and h < line
        ]
        head, owner = max(heads, default=(0, None))
        if owner is not None and not any(head < n < line for n in text):
            articles[owner].affiliation = line
            continue
        prev = [g for g in pieces if g.lines[-1] < line]
        article = prev[-1].article if prev else None
        if article is not None:
            articles[article].affiliation = line


def _next_in_chain(mine: list[Fragment], follows: dict[int, Join], last: Fragment) -> Fragment | None:
    return next(
        (g for g in mine if g.lines[0] in follows and follows[g.lines[0]].before == last.lines[-1]), None
    )


def _paragraph_join(prev: Fragment, start: Fragment) -> Join:
    if start.header and start.header.kind is HeaderKind.RUNNING:
        why = ("the repeated title above it names this article",)
        return Join(prev.lines[-1], start.lines[0], JoinKind.PARAGRAPH, why, 0.6)
    why = ("printed later on the page under no title",)
    return Join(prev.lines[-1], start.lines[0], JoinKind.PARAGRAPH, why, 0.3)


def _under_own_title(f: Fragment, article: int) -> bool:
    h = f.header
    return f.first_in_run and h is not None and h.kind is HeaderKind.BYLINE and h.article == article
