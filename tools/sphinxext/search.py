"""Chinese full-text search that works in the browser.

Sphinx 9.0's Chinese search language ships the English Snowball stemmer for
Latin words but emits ``window.Stemmer = ChineseStemmer;``, a class that does
not exist, so searchtools.js throws and search finds nothing
(sphinx-doc/sphinx#14229).  The stemmer class is named after
``language_name``; naming it English makes the emitted line match the code
that is shipped.  Indexing is unchanged: jieba still segments the Chinese.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese


class SearchChineseFixed(SearchChinese):
    language_name = "English"  # the JS stemmer actually shipped is EnglishStemmer


def setup_search(app: Sphinx) -> None:
    app.add_search_language(SearchChineseFixed)
