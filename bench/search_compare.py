"""Sphinx's search against Pagefind (docs/search.md).

    python bench/search_compare.py rank SPHINX_SITE PAGEFIND_SITE
    python bench/search_compare.py cost SPHINX_TREE PAGEFIND_TREE [REPEAT]

rank: hits in the top 3 per engine and query class, in headless Chromium.  SPHINX_SITE
is a build with Sphinx's index (the edition before the switch, e.g. commit 9f41c7c in a
``git worktree``); PAGEFIND_SITE a build of the edition as it is; ``-` skips one.

cost: each tree's HTML build from scratch with its search and without it (Sphinx's
index switched off by ``search = False``; Pagefind's run at build-finished replaced by
nothing), alternated REPEAT times (default 3) so that both see the same machine load;
the medians and the search's share of the build.  Each tree is built with its own
package (PYTHONPATH=TREE/tools) by this interpreter."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
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


# Run inside the build's interpreter: switch one engine off, then Sphinx's own main().
SWITCH = """
import sys
mode = sys.argv.pop(1)
if mode == "sphinx-off":
    from sphinx.builders.html import StandaloneHTMLBuilder
    StandaloneHTMLBuilder.search = False
elif mode == "pagefind-off":
    import sizheng_edition.sphinxext.search as search
    search._run_pagefind = lambda app, exception: None
from sphinx.cmd.build import main
sys.exit(main(sys.argv[1:]))
"""


def build_seconds(tree: Path, mode: str, out: Path | None = None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-c", SWITCH, mode, "-q", "-E", "-b", "html", "-d", f"{tmp}/doctrees"]
        env = {**os.environ, "PYTHONPATH": str(tree / "tools")}
        start = time.perf_counter()
        html = out or Path(tmp) / "html"
        subprocess.run([*cmd, str(tree / "edition"), str(html)], env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def pagefind_seconds(tree: Path, repeat: int) -> list[float]:
    """Pagefind's binary alone on a built site, as search.py runs it."""
    from pagefind.service import _must_get_executable

    with tempfile.TemporaryDirectory() as tmp:
        build_seconds(tree, "pagefind-off", Path(tmp) / "html")
        cmd = [str(_must_get_executable()), "--site", f"{tmp}/html", "--quiet", "--force-language", "zh"]
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
        return runs


def cost(sphinx_tree: Path, pagefind_tree: Path, repeat: int) -> None:
    runs = (
        ("Sphinx 9.0 (jieba)", sphinx_tree, "on", "sphinx-off"),
        ("Pagefind extended", pagefind_tree, "on", "pagefind-off"),
    )
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(repeat):
        for name, tree, on, off in runs:
            for mode in (on, off):
                times.setdefault((name, mode), []).append(build_seconds(tree, mode))
    print("| engine | build with search (s) | without (s) | search's share | runs |")
    print("|---|---|---|---|---|")
    for name, _tree, on, off in runs:
        with_s, without = statistics.median(times[name, on]), statistics.median(times[name, off])
        share = (with_s - without) / with_s
        print(
            f"| {name} | {with_s:.2f} | {without:.2f} | {with_s - without:.2f} s ({share:.0%}) | {repeat} |"
        )
    alone = pagefind_seconds(pagefind_tree, repeat)
    runs_text = ", ".join(f"{t:.2f}" for t in alone)
    print(f"\nPagefind's binary alone: median {statistics.median(alone):.2f} s ({runs_text})")


if __name__ == "__main__":
    if sys.argv[1] == "rank":
        main(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "cost":
        cost(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    else:
        sys.exit(__doc__)
