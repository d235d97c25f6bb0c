"""How other pages name an article in running text: by its author, or by its id
when it has none."""

from __future__ import annotations

from sizheng_edition.model.edition import Article


def who(article: Article) -> str:
    return article.author.text if article.author else article.id
