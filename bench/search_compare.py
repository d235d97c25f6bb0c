"""Sphinx's search against Pagefind on the query set (docs/search.md): hits in the top 3
per engine and query class, in headless Chromium.

    python bench/search_compare.py SPHINX_SITE PAGEFIND_SITE

SPHINX_SITE is a build with html_search_language = "zh" and Sphinx's index (the edition
before the switch); PAGEFIND_SITE a build of the edition as it is."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright
from search_engines import found, load_queries, pagefind_hits, serve, sphinx_hits


def main(sphinx_site: Path, pagefind_site: Path) -> None:
    queries = load_queries()
    totals: dict[str, Counter[str]] = {"sphinx": Counter(), "pagefind": Counter()}
    sizes = Counter(q.kind for q in queries)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        engines = (("sphinx", sphinx_site, sphinx_hits), ("pagefind", pagefind_site, pagefind_hits))
        for engine, site_dir, run in engines:
            if str(site_dir) == "-":
                continue  # that engine not run this time
            with serve(site_dir) as site:
                for query in queries:
                    try:
                        hits = run(page, site, query.q)
                    except Exception as exc:  # a page that never finishes searching: a miss
                        hits = []
                        errors.append(f"{engine} {query.q}: {type(exc).__name__}")
                    ok = found(query, hits)
                    totals[engine][query.kind] += ok
                    print(f"{engine:9} {query.kind:17} {query.q:28} {'HIT ' if ok else 'miss'} {hits[:3]}")
        browser.close()
    print("\n| query class | queries | Sphinx 9.0 (jieba) | Pagefind extended |")
    print("|---|---|---|---|")
    for kind in sizes:
        print(f"| {kind} | {sizes[kind]} | {totals['sphinx'][kind]} | {totals['pagefind'][kind]} |")
    print(f"| all | {len(queries)} | {sum(totals['sphinx'].values())} | {sum(totals['pagefind'].values())} |")
    if errors:
        print("\npage errors:", *sorted(set(errors))[:20], sep="\n  ")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
