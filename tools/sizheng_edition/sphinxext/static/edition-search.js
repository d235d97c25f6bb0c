// The search page (sphinxext/search.py): Pagefind's UI, a traditional-script query
// converted to simplified, and each result linked to the paragraph of its first match.
(() => {
  "use strict";
  const t2s = (text) => {
    const table = window.EDITION_T2S || {};
    return [...text].map((c) => table[c] || c).join("");
  };
  // The paragraph (id="pN") that holds the first matched word, from Pagefind's anchors.
  const paragraphOf = (result) => {
    const first = Math.min(...(result.locations || [Infinity]));
    let best = null;
    for (const anchor of result.anchors || []) {
      if (anchor.location > first) continue;
      // st-p7-3: a glossary term's pinyin or English, indexed for paragraph p7.
      const m = /^(?:st-)?(p\d+)(?:-\d+)?$/.exec(anchor.id);
      if (m) best = m[1];
    }
    return best;
  };
  const start = () => {
    const element = document.getElementById("edition-search");
    if (!element || typeof PagefindUI === "undefined") return;
    const ui = new PagefindUI({
      element: "#edition-search",
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      excerptLength: 40,
      processTerm: (term) => t2s(term),
      processResult: (result) => {
        const p = paragraphOf(result);
        if (p) result.url = `${result.url.split("#")[0]}#${p}`;
        return result;
      },
    });
    const query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
