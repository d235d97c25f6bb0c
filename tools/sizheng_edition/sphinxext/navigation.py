"""A sidebar that stays small when the edition grows.

furo renders the whole site's navigation tree into every page: the cost of each page
grows with the number of pages, so a build grows with the square of the corpus (at 100
synthetic sources a third of the build time; docs/benchmark.md).  Above
``edition_nav_full_limit`` documents this module gives furo a bounded tree instead: the
top-level entries, and below them only the branch that leads to the current page, with
at most ``edition_nav_max_siblings`` entries at each level.  Each page then costs the
same whatever the size of the site.  Smaller sites keep furo's full tree.

furo has no hook for its tree: its ``html-page-context`` handler (the private
``furo._compute_navigation_tree``) builds it by calling the page's ``toctree()``.  This
module's handler runs first and gives the page a ``toctree()`` that returns the bounded
tree, so every tree the page renders is the bounded one.  That relies on how furo works
inside, so it is done only for the furo releases it was tested with (``FURO_TESTED``);
with any other release the build warns and keeps furo's own tree.
"""

from __future__ import annotations

import html
from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from docutils import nodes
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Keep in step with the furo line in pyproject.toml.
FURO_TESTED = SpecifierSet(">=2025.12.19,<2026")

# Before furo's own handler (priority 500), which reads the page's toctree().
_BEFORE_FURO = 400


def _parents(env: BuildEnvironment, root: str) -> dict[str, str]:
    """Each document's parent in the tree under the root (breadth first: another toctree
    that also includes a document, such as the PDF's book.md, does not count)."""
    parents: dict[str, str] = {}
    queue = deque([root])
    while queue:
        doc = queue.popleft()
        for child in env.toctree_includes.get(doc, []):
            if child not in parents and child != root:
                parents[child] = doc
                queue.append(child)
    return parents


def _path(parents: dict[str, str], docname: str) -> list[str]:
    path = [docname]
    while path[-1] in parents and parents[path[-1]] not in path:
        path.append(parents[path[-1]])
    return path


def bounded_tree(app: Sphinx, parents: dict[str, str], pagename: str) -> str:
    """The sidebar's tree for one page, as the HTML furo expects from ``toctree()``."""
    on_path = set(_path(parents, pagename))
    return _list(app, pagename, app.config.root_doc, on_path, 1)


def _list(app: Sphinx, pagename: str, doc: str, on_path: set[str], level: int) -> str:
    children = app.env.toctree_includes.get(doc, [])
    # The root's own entries are few and written by hand: always all of them.
    limit = app.config.edition_nav_max_siblings if level > 1 else len(children)
    shown = children if len(children) <= limit else [c for c in children if c in on_path]
    items = [_item(app, pagename, child, on_path, level) for child in shown]
    if len(shown) < len(children):
        more = len(children) - len(shown)
        uri = app.builder.get_relative_uri(pagename, doc)
        link = f'<a class="reference internal" href="{uri}">… {more} more</a>'
        items.append(f'<li class="toctree-l{level}">{link}</li>')
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _item(app: Sphinx, pagename: str, doc: str, on_path: set[str], level: int) -> str:
    title = html.escape(app.env.titles[doc].astext()) if doc in app.env.titles else html.escape(doc)
    current = doc in on_path
    classes = f"toctree-l{level}" + (" current" if current else "")
    if doc == pagename:
        link = f'<a class="current reference internal" href="#">{title}</a>'
    else:
        uri = app.builder.get_relative_uri(pagename, doc)
        link = f'<a class="reference internal" href="{uri}">{title}</a>'
    below = _list(app, pagename, doc, on_path, level + 1) if current else ""
    return f'<li class="{classes}">{link}{below}</li>'


class Furo(Enum):
    """The theme, as far as this module is concerned."""

    ABSENT = "absent"  # another theme: its sidebar is none of this module's business
    TESTED = "tested"
    UNTESTED = "untested"


def furo_release(app: Sphinx) -> Furo:
    furo = app.extensions.get("furo")  # the theme's extension, loaded when the builder starts
    if furo is None:
        return Furo.ABSENT
    try:
        return Furo.TESTED if Version(furo.version) in FURO_TESTED else Furo.UNTESTED
    except InvalidVersion:
        return Furo.UNTESTED


@dataclass
class BoundedNavigation:
    """The sidebar of one Sphinx application.  Its handlers are connected to that
    application only, so what it remembers between events (whether this build bounds the
    tree, each document's parent) lasts one build of one application, with no module state."""

    bounded: bool = False
    parents: dict[str, str] = field(default_factory=dict)

    def env_updated(self, app: Sphinx, env: BuildEnvironment) -> None:
        """Once per build, after reading: whether to bound the tree, and each document's place in it."""
        large = len(env.found_docs) > app.config.edition_nav_full_limit
        furo = furo_release(app) if app.builder.format == "html" else Furo.ABSENT
        if large and furo is Furo.UNTESTED:
            logger.warning(
                "furo %s is not a release the edition's bounded sidebar was tested with (%s): "
                "keeping furo's full navigation tree",
                app.extensions["furo"].version,
                FURO_TESTED,
                type="edition",  # suppress_warnings = ["edition.furo"] silences it
                subtype="furo",
            )
        self.bounded = large and furo is Furo.TESTED
        self.parents = _parents(env, app.config.root_doc) if self.bounded else {}

    def page_context(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        if not self.bounded:
            return

        def toctree(**kwargs: Any) -> str:
            return bounded_tree(app, self.parents, pagename)

        context["toctree"] = toctree


def _book_patterns(app: Sphinx) -> list[str]:
    masters = {doc[0] for doc in app.config.latex_documents} - {app.config.root_doc}
    suffixes = list(app.config.source_suffix)
    return sorted(f"{master}{suffix}" for master in masters for suffix in suffixes)


def _site_without_book(app: Sphinx, config: Config) -> None:
    """The printed book's master document (book.md, ``latex_documents``) is no page of the
    web site: it only orders the essays as chapters, and as HTML it was a second, stray
    home page.  So HTML builds do not read it; the LaTeX build keeps it.  (The EPUB reads it
    and leaves it out of the book: ``epub_exclude_files``.)

    It is excluded as soon as the configuration is read, before Sphinx compares it with
    the one the saved environment was built with: excluded later, every HTML build found
    ``exclude_patterns`` changed and read every document again, so an incremental build
    cost as much as a full one.  The builder is known only once it starts
    (``_book_for_print``), so the builders that print the book take it back then."""
    config.exclude_patterns = [*config.exclude_patterns, *_book_patterns(app)]


def _book_for_print(app: Sphinx) -> None:
    if app.builder.format == "html" and app.builder.name != "epub":
        return
    book = set(_book_patterns(app))
    app.config.exclude_patterns = [p for p in app.config.exclude_patterns if p not in book]


def setup_navigation(app: Sphinx) -> None:
    # After Sphinx has added the suffixes extensions register (myst-parser's .md).
    app.connect("config-inited", _site_without_book, priority=900)
    app.connect("builder-inited", _book_for_print)
    app.add_config_value("edition_nav_full_limit", 150, "html")
    app.add_config_value("edition_nav_max_siblings", 60, "html")
    navigation = BoundedNavigation()
    app.connect("env-updated", navigation.env_updated)
    app.connect("html-page-context", navigation.page_context, priority=_BEFORE_FURO)
