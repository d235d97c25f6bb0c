"""Search with Pagefind (extended build, which segments Chinese itself) instead of
Sphinx's own index; docs/search.md gives the measurements that chose it.

* Sphinx writes no search index (no jieba, no stemming): the builder's ``search`` is
  switched off and the search page is added by this module, with Pagefind's UI.
* Only the page body is indexed (``data-pagefind-body``), essays weighted above the
  apparatus, and what a reader does not read as the text is excluded by selector:
  note marks and footnotes, paragraph numbers, provenance and citation blocks, witness
  lines and the traditional original.  Glossary glosses are attributes of their links
  (sphinxext/glossary.py), never text, so neither index nor snippet can pick them up.
* A glossary term's toneless pinyin and English rendering are indexed on the essay
  pages where the term occurs (a hidden block), so ``yibao`` or ``mass line`` find them.
* A traditional-script query is converted to simplified in the browser with a character
  table built from OpenCC's t2s for the characters the edition uses.
* ``build-finished`` runs Pagefind on the output directory, so ``make html`` and Read the
  Docs' own ``sphinx-build`` both produce the index; it needs no network.  Pagefind
  cannot update an index, so it makes the whole index again whenever a page's bytes
  changed, and is not run when none did (``MANIFEST``).
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import re
import shutil
import subprocess
import unicodedata
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.jinja2glue import SphinxFileSystemLoader

from sizheng_edition.text.chars import HAN_RUN

TEMPLATES = Path(__file__).parent / "templates"

# What is not the text a reader searches: kept out of the index and the snippets.
EXCLUDED = (
    ".footnote-reference",  # note marks and the notes themselves (English, editorial)
    ".footnote",
    ".footnote-list",
    ".para-number",
    ".headerlink",
    ".provenance",
    ".original",  # the traditional original beside a converted witness
    ".original-forms",  # its table of conversion errors (English apparatus)
    ".witness-lines",
    ".cite-panel",  # the citation repeats title and author in English prose
    ".cite-this",
)
ESSAY_WEIGHT = "6"  # an essay's words outweigh the same words on an apparatus page
APPARATUS_WEIGHT = "1"
BYLINE_WEIGHT = "10"  # Pagefind's highest

# A glossary link carries its gloss in attributes (sphinxext/glossary.py), never in
# its text; the attribute order is the one glossary.py writes.
TIP = re.compile(
    r'<a class="term-link[^"]*"[^>]*? data-pinyin="(?P<pinyin>[^"]*)" data-english="(?P<english>[^"]*)"'
    r"[^>]*>(?P<term>[^<]*)</a>"
)


def toneless(pinyin: str) -> str:
    """yībǎo jú → yibao ju (ü → u, as readers type it without an IME)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
    return bare.lower()


PARAGRAPH = re.compile(r'id="(p\d+)"')


@dataclass(frozen=True)
class TermKey:
    """Where a pinyin or English key leads: the paragraph of the term's first
    occurrence, and the term as the text prints it (the search page marks it there)."""

    paragraph: str
    term: str


def term_keys(body: str) -> dict[str, TermKey]:
    """The toneless pinyin (spaced and joined) and English of every glossary link."""
    starts = [(m.start(), m.group(1)) for m in PARAGRAPH.finditer(body)]
    keys: dict[str, TermKey] = {}
    for m in TIP.finditer(body):
        paragraph = next((p for at, p in reversed(starts) if at < m.start()), "")
        target = TermKey(paragraph, html.unescape(m.group("term")))
        pinyin = toneless(html.unescape(m.group("pinyin")))
        english = html.unescape(m.group("english")).strip()
        for key in (pinyin, pinyin.replace(" ", ""), english):
            if key and key not in keys:
                keys[key] = target
    return keys


def term_block(body: str) -> str:
    """The hidden block Pagefind indexes after the text: one span per key, its id naming
    the paragraph and the term (st-p7-3-医保局; ids may hold any character but space),
    which is all Pagefind hands back about it: edition-search.js links the hit to the
    paragraph and builds its excerpt around the term in the text, never from this block."""
    spans = []
    for i, (key, k) in enumerate(term_keys(body).items()):
        anchor = f"st-{k.paragraph or 'top'}-{i}-{''.join(k.term.split())}"
        spans.append(f'<span id="{html.escape(anchor)}">{html.escape(key)}. </span>')
    return f'<div class="edition-search-terms" hidden lang="en">{"".join(spans)}</div>' if spans else ""


def _indexed(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def t2s_table(chars: set[str]) -> dict[str, str]:
    """Traditional → simplified for every character whose simplified form the edition uses."""
    import opencc

    candidates = [chr(c) for c in range(0x3400, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(candidates)).split("\n")
    return {t: s for t, s in zip(candidates, converted, strict=True) if t != s and len(s) == 1 and s in chars}


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format == "html" and app.builder.name != "epub":
        # Sphinx's own index (jieba, stemming) is not built: Pagefind indexes the output.
        app.builder.search = False  # type: ignore[attr-defined]
        # The search page's template, first in the chain (before furo's search.html).
        # Not through templates_path: that is configuration, hashed into .buildinfo, and
        # this folder's absolute path differs between checkouts (conf.py imports the
        # package from the checkout's tools/).
        templates: Any = app.builder.templates
        templates.loaders.insert(0, SphinxFileSystemLoader(str(TEMPLATES)))
        templates.templatepathlen += 1


def _collect_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    if app.builder.name == "epub":
        return []
    return [("search", {"edition_search": True}, "search.html")]


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if not body or not _indexed(app):
        return
    if pagename == "book" or "/transcription" in pagename:
        return  # the PDF's master page duplicates the home page; transcriptions repeat the essays
    essay = bool(app.env.metadata.get(pagename, {}).get("article"))
    extra = term_block(body) if essay else ""
    if essay:
        # Readers search for authors by name: the byline weighs as much as a title.
        body = body.replace(
            '<p class="byline">', f'<p class="byline" data-pagefind-weight="{BYLINE_WEIGHT}">', 1
        )
    weight = ESSAY_WEIGHT if essay else APPARATUS_WEIGHT
    context["body"] = (
        # No data-pagefind-filter: Pagefind writes its filter files in a varying order,
        # and two builds of one commit must be identical (tests/test_formats.py).
        f'<div data-pagefind-body data-pagefind-weight="{weight}">{body}{extra}</div>'
    )


# What the last index was made from, kept with the doctrees (not in the site): each
# page's stat, digest and Han characters, and the digest of all that Pagefind read.
MANIFEST = "edition-search.json"


@dataclass(frozen=True)
class PageScan:
    """One written page as the index last saw it: found by its stat, so that only the
    pages Sphinx wrote since are read again."""

    mtime_ns: int
    size: int
    digest: str
    chars: str


def scan_pages(outdir: Path, previous: dict[str, PageScan]) -> dict[str, PageScan]:
    """Every HTML page of the site, by path: a page whose size and mtime are those of
    ``previous`` is not read again (an incremental build writes a handful of pages; reading
    all of them back cost 0.2 s of a 2.7 s rebuild at 100 sources)."""
    pages: dict[str, PageScan] = {}
    for page in sorted(outdir.rglob("*.html")):
        rel = page.relative_to(outdir).as_posix()
        if rel.startswith("pagefind/"):
            continue
        st = page.stat()
        old = previous.get(rel)
        if old is not None and (old.mtime_ns, old.size) == (st.st_mtime_ns, st.st_size):
            pages[rel] = old
            continue
        data = page.read_bytes()
        chars = "".join(sorted(set("".join(HAN_RUN.findall(data.decode("utf-8"))))))
        pages[rel] = PageScan(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest(), chars)
    return pages


def _load_manifest(path: Path) -> tuple[str, dict[str, PageScan]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["index"]), {k: PageScan(*v) for k, v in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return "", {}  # none yet, or unreadable: every page is read and Pagefind runs


def _index_state(pages: dict[str, PageScan], cmd: list[str]) -> str:
    """What Pagefind's output is a function of: every page's bytes, the command line and
    Pagefind's version (an upgrade keeps the executable's path)."""
    h = hashlib.sha256("\0".join([*cmd, importlib.metadata.version("pagefind")]).encode())
    for rel, scan in sorted(pages.items()):
        h.update(f"\0{rel}\0{scan.digest}".encode())
    return h.hexdigest()


def _run_pagefind(app: Sphinx, exception: Exception | None) -> None:
    if exception or not _indexed(app):
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    static.mkdir(exist_ok=True)
    manifest = Path(app.doctreedir) / MANIFEST
    last_state, previous = _load_manifest(manifest)
    # Read from the written pages: with -j the pages are rendered in worker processes.
    pages = scan_pages(outdir, previous)
    chars = {c for scan in pages.values() for c in scan.chars}
    table = json.dumps(t2s_table(chars), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    target = static / "edition-search-t2s.js"
    text = f"window.EDITION_T2S = {table};\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    from pagefind.service import _must_get_executable  # the extended binary from PyPI

    cmd = [str(_must_get_executable()), "--site", str(outdir), "--quiet", "--force-language", "zh"]
    for selector in EXCLUDED:
        cmd += ["--exclude-selectors", selector]
    state = _index_state(pages, cmd)
    # Pagefind cannot update an index, only make it again from every page; when no page
    # changed (Sphinx rewrote none, or rewrote the same bytes) the index it would make is
    # the one already there.  Any page that differs, or an index that is missing, and it runs.
    if state == last_state and (outdir / "pagefind" / "pagefind-entry.json").is_file():
        return
    manifest.unlink(missing_ok=True)  # an index cut off by a failure must not be trusted
    # Pagefind adds its files beside the old index's and never removes those: fragments of
    # pages as they were would stay in the site (a rebuild would not make what a clean
    # build makes).  The folder is Pagefind's alone.
    shutil.rmtree(outdir / "pagefind", ignore_errors=True)
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ExtensionError(f"pagefind failed: {result.stdout[-2000:]}{result.stderr[-2000:]}")
    record = {"index": state, "pages": {rel: list(astuple(scan)) for rel, scan in pages.items()}}
    manifest.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def setup_search(app: Sphinx) -> None:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-collect-pages", _collect_pages)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _run_pagefind)
