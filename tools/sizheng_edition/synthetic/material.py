"""The synthetic generators' material, frozen: the articles' texts as data, apart from the
edition's editorial decisions.

The generators cut their pages from finished articles.  Built from the live edition, an
editorial decision (declaring an opening an abstract, say) would change the evaluation
pages and move the draft's recorded scores without any change to the draft.  The tests
therefore read the material from a file written once (``freeze``) and rebuilt into
articles (``thaw``) that print exactly the frozen text.
"""

from __future__ import annotations

import json

from sizheng_edition.model.edition import Article, Block, BlockKind, Supplied
from sizheng_edition.model.plan import Script

FORMAT = 1


def _block(kind: BlockKind, text: str) -> Block:
    # A block of supplied text prints exactly ``text``; the generators read only kinds and text.
    return Block(kind, (Supplied(text),))


def _optional(kind: BlockKind, text: str | None) -> Block | None:
    return None if text is None else _block(kind, text)


def freeze(articles: list[Article]) -> str:
    """The articles' kinds and texts as JSON, in a stable order."""
    data = {
        "format": FORMAT,
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "title": a.title.text,
                "author": a.author.text if a.author else None,
                "affiliation": a.affiliation.text if a.affiliation else None,
                "body": [[b.kind.value, b.text] for b in a.body],
            }
            for a in sorted(articles, key=lambda a: (a.source, a.id))
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def thaw(text: str) -> list[Article]:
    """Articles rebuilt from ``freeze``'s output: the same ids, kinds and texts."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"frozen material of format {data.get('format')!r}, expected {FORMAT}")
    return [
        Article(
            id=a["id"],
            source=a["source"],
            title=_block(BlockKind.TITLE, a["title"]),
            author=_block(BlockKind.BYLINE, a["author"]) if a["author"] is not None else None,
            affiliation=_block(BlockKind.AFFILIATION, a["affiliation"])
            if a["affiliation"] is not None
            else None,
            body=tuple(_block(BlockKind(kind), body_text) for kind, body_text in a["body"]),
            notes=(),
            rule_counts=(),
            script=Script.SIMPLIFIED,
        )
        for a in data["articles"]
    ]
