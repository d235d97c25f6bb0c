"""The edition's Sphinx extension: one module per feature, each with its own setup."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .anchors import setup_anchors
from .assets import setup_assets
from .citation import setup_citation
from .citation_meta import setup_citation_meta
from .downloads import setup_downloads
from .epub import setup_epub
from .glossary import setup_glossary
from .lang import setup_lang
from .latex_book import setup_latex_book
from .navigation import setup_navigation
from .search import setup_search
from .serial import setup_serial
from .views import setup_views


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_lang(app)
    setup_views(app)
    setup_anchors(app)
    setup_search(app)
    setup_glossary(app)
    setup_citation(app)
    setup_citation_meta(app)
    setup_downloads(app)
    setup_navigation(app)
    setup_assets(app)
    setup_epub(app)
    setup_latex_book(app)
    setup_serial(app)
    # env_version: raise it when a change alters what is stored in the environment or
    # the search index, so that Sphinx rebuilds instead of reusing stale data.  3: the
    # glossary's state moved from attributes of the environment into its domain.  4: line
    # and paragraph labels moved from the standard domain into the ``anchors`` domain.
    return {"version": "0.1", "env_version": 4, "parallel_read_safe": True, "parallel_write_safe": True}
