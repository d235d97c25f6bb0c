// The search page (sphinxext/search.py): Pagefind's UI, a traditional-script query
// converted to simplified, each result linked to the paragraph of its first match, and
// its excerpt cut from the reading text alone.
(() => {
  "use strict";
  const t2s = (text) => {
    const table = window.EDITION_T2S || {};
    return [...text].map((c) => table[c] || c).join("");
  };
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const PARAGRAPH = /^p\d+$/;
  // st-p7-3-医保局: a glossary term's pinyin or English, indexed after the text (search.py).
  const KEY = /^st-(p\d+|top)-\d+-(.+)$/;
  const BEFORE = 12; // words (about two characters each) before the first match
  const LENGTH = 36;

  const paragraphAt = (anchors, location) => {
    let found = null;
    for (const anchor of anchors) {
      if (anchor.location <= location && PARAGRAPH.test(anchor.id)) found = anchor;
    }
    return found;
  };

  // Pagefind's own excerpt is cut from the whole indexed body, so a match near an essay's
  // end runs on into the hidden pinyin/English keys, and a key match shows nothing but
  // keys.  Built here instead from its words (Pagefind splits Chinese with U+200B and
  // counts locations in those words), never crossing into the keys.
  const rewrite = (result) => {
    const raw = result.raw_content || "";
    if (!raw.includes("\u200B")) return result; // no Chinese, no keys: Pagefind's excerpt stands
    const words = raw.split("\u200B").map((w) => w.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    const anchors = result.anchors || [];
    const keys = anchors.filter((a) => KEY.test(a.id));
    const textEnd = keys.length ? Math.min(...keys.map((a) => a.location)) : words.length;
    const locations = [...(result.locations || [])].sort((a, b) => a - b);
    const inText = locations.filter((l) => l < textEnd);
    const base = result.url.split("#")[0];
    if (inText.length) {
      const paragraph = paragraphAt(anchors, inText[0]);
      if (paragraph) result.url = `${base}#${paragraph.id}`;
      const start = Math.max(0, inText[0] - BEFORE);
      const end = Math.min(textEnd, start + LENGTH);
      const marked = new Set(inText);
      let html = "";
      for (let i = start; i < end; i++) {
        html += marked.has(i) ? `<mark>${escape(words[i])}</mark>` : escape(words[i]);
      }
      result.excerpt = `${start > 0 ? "… " : ""}${html.trim()}${end < textEnd ? " …" : ""}`;
      return result;
    }
    if (!locations.length || !keys.length) return result;
    // The key holding most of the matched words ("medical consortium" matches
    // "medical ethics…" too), the first of equals.
    const counts = keys.map((k, i) => {
      const next = i + 1 < keys.length ? keys[i + 1].location : Infinity;
      return locations.filter((l) => l >= k.location && l < next).length;
    });
    const key = keys[counts.indexOf(Math.max(...counts))];
    const [, where, term] = KEY.exec(key.id);
    if (where !== "top") result.url = `${base}#${where}`;
    // The term in the running text, from its paragraph on.
    const offsets = [];
    let text = "";
    for (let i = 0; i < textEnd; i++) {
      offsets.push(text.length);
      text += words[i];
    }
    const from = anchors.find((a) => a.id === where);
    let at = text.indexOf(term, from ? offsets[from.location] || 0 : 0);
    if (at < 0) at = text.indexOf(term);
    const label = `<span class="edition-search-key" lang="en"><mark>${escape(key.text.replace(/\.$/, ""))}</mark></span> `;
    if (at < 0) {
      result.excerpt = label;
      return result;
    }
    const start = Math.max(0, at - 2 * BEFORE);
    const end = Math.min(text.length, at + term.length + 2 * (LENGTH - BEFORE));
    result.excerpt =
      label +
      `<span lang="zh-Hans">${start > 0 ? "… " : ""}${escape(text.slice(start, at).trimStart())}` +
      `<mark>${escape(term)}</mark>${escape(text.slice(at + term.length, end).trimEnd())}` +
      `${end < text.length ? " …" : ""}</span>`;
    return result;
  };

  const start = () => {
    const element = document.getElementById("edition-search");
    if (!element || typeof PagefindUI === "undefined") return;
    const ui = new PagefindUI({
      element: "#edition-search",
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      processTerm: (term) => t2s(term),
      processResult: rewrite,
    });
    // Pagefind's input has only a title and a placeholder, which are no label (axe).
    const input = element.querySelector("input.pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", "Search the edition");
    const query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
