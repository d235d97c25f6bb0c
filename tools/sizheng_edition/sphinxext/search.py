"""Chinese full-text search that works in the browser, for words and for phrases.

Two fixes to Sphinx 9.0's Chinese search language:

* It ships the English Snowball stemmer for Latin words but emits
  ``window.Stemmer = ChineseStemmer;``, a class that does not exist, so
  searchtools.js throws and search finds nothing (sphinx-doc/sphinx#14229).  The
  stemmer class is named after ``language_name``; naming it English makes the
  emitted line match the code that is shipped.
* jieba segments the text, but the browser does not segment the query, so a
  phrase that jieba cut differently (急难愁盼 → 急难 / 愁 / 盼) finds nothing.  The
  index therefore also holds every pair of adjacent Han characters, and the query
  is split into the same pairs; Sphinx returns the pages that contain all of a
  query's terms, so a phrase finds the pages that contain all its character pairs.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese

from sizheng_edition.text.chars import HAN_RUN

SPLIT_QUERY_JS = r"""
var splitQuery = (query) => {
  const terms = [];
  for (const word of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    if (!word) continue;
    let last = 0;
    for (const m of word.matchAll(/\p{Script=Han}+/gu)) {
      if (m.index > last) terms.push(word.slice(last, m.index));
      const run = [...m[0]];
      if (run.length === 1) terms.push(run[0]);
      for (let i = 0; i + 1 < run.length; i++) terms.push(run[i] + run[i + 1]);
      last = m.index + m[0].length;
    }
    if (last < word.length) terms.push(word.slice(last));
  }
  return terms;
};
"""


def han_pairs(text: str) -> list[str]:
    return [run[i : i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)]


class SearchChineseFixed(SearchChinese):
    language_name = "English"  # the JS stemmer actually shipped is EnglishStemmer
    js_splitter_code = SPLIT_QUERY_JS

    def split(self, input: str) -> list[str]:
        return super().split(input) + han_pairs(input)


def setup_search(app: Sphinx) -> None:
    app.add_search_language(SearchChineseFixed)
