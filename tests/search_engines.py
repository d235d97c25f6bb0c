"""The search query set (tests/search/queries.yaml) run in Chromium against a built site:
Pagefind's UI (the edition's search page) and, for the comparison in docs/search.md,
Sphinx's own search page.  Shared by the browser test and bench/search_compare.py."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

QUERIES = Path(__file__).parent / "search" / "queries.yaml"


@dataclass(frozen=True)
class Query:
    q: str
    kind: str
    expect: tuple[str, ...]


def load_queries() -> list[Query]:
    raw = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [Query(item["q"], item["class"], tuple(item["expect"])) for item in raw]


def article_id(href: str) -> str:
    """texts/000/soe-branch-secretaries.html#p3 → soe-branch-secretaries."""
    return href.split("#")[0].split("?")[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")


def found(query: Query, hits: list[str]) -> bool:
    """One of the query's essays among the first three results."""
    return any(article_id(h) in query.expect for h in hits[:3])


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site over HTTP on loopback (Pagefind fetches its index; file:// cannot)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pagefind_results(page, site: str, query: str) -> list[dict[str, Any]]:
    """Pagefind's results on the search page: link, excerpt (its HTML, with <mark>) and
    the excerpt's text without the label that names a matched pinyin/English key."""
    page.goto(f"{site}/search.html?q={quote(query)}")
    page.wait_for_function(
        "() => { const m = document.querySelector('.pagefind-ui__message');"
        " return m && !/Searching|Loading/i.test(m.innerText) && m.innerText.trim() !== ''; }",
        timeout=20000,
    )
    page.wait_for_timeout(300)  # the result list fills in after the count
    return page.eval_on_selector_all(
        ".pagefind-ui__result",
        """els => els.map(e => {
          const excerpt = e.querySelector('.pagefind-ui__result-excerpt');
          const text = excerpt ? excerpt.cloneNode(true) : document.createElement('p');
          text.querySelectorAll('.edition-search-key').forEach(k => k.remove());
          const marks = [...text.querySelectorAll('mark')].map(m => m.textContent);
          return {href: e.querySelector('.pagefind-ui__result-link').getAttribute('href'), marks,
                  excerpt: excerpt ? excerpt.innerHTML : '', text: text.textContent};
        })""",
    )


def pagefind_hits(page, site: str, query: str) -> list[str]:
    return [r["href"] for r in pagefind_results(page, site, query)]


def sphinx_hits(page, site: str, query: str) -> list[str]:
    """Sphinx's own search page (searchtools.js)."""
    page.goto(f"{site}/search.html?q={quote(query)}")
    page.wait_for_function(
        "/Search finished|did not match|Error/"
        ".test(document.querySelector('#search-results')?.innerText || '')"
        " || (window.__errors || []).length > 0",
        timeout=20000,
    )
    return page.eval_on_selector_all(
        "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))"
    )
