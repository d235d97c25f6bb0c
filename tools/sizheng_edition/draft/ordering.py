"""Reading order: each article's fragments as chains of joined pieces, its moved opening
first, then the chains in page order; and each affiliation line to its article."""

from __future__ import annotations

from sizheng_edition.draft.model import DraftArticle, Fragment, HeaderKind, Join
from sizheng_edition.model.plan import JoinKind


def order(articles: list[DraftArticle], pieces: list[Fragment], joins: list[Join]) -> None:
    """A chain that starts after a repeated title continues the article with a new
    paragraph; so does one printed later under no title, with less confidence."""
    follows = {j.after: j for j in joins}
    for idx, art in enumerate(articles):
        mine = [f for f in pieces if f.article == idx]
        ends = {f.lines[-1] for f in mine}
        starts = [f for f in mine if not (f.lines[0] in follows and follows[f.lines[0]].before in ends)]
        # an opening printed out of place first, then the text under the article's own
        # title (a piece printed above it continues it), then page order
        starts.sort(key=lambda f: (not f.moved, not _under_own_title(f, idx), f.lines[0]))
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
