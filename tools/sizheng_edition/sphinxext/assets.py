"""The edition's stylesheets and scripts, shipped with the extension.

The files are written into the output's ``_static`` when the builder starts (as
sphinx-design ships its CSS; early, so that every page links them with their checksum),
rather than by adding the extension's folder to ``html_static_path``: that setting is
part of the configuration Sphinx hashes into ``.buildinfo``, and an absolute path there
made two checkouts at different paths build different sites.

Every ``edition*.css`` and ``edition*.js`` in ``static/`` is shipped, in name order, so a
feature adds its own file without touching this module; ``edition-epub.css`` belongs to
the EPUB builder (sphinxext/epub.py)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

STATIC = Path(__file__).parent / "static"
EPUB_ONLY = frozenset({"edition-epub.css"})


def stylesheets() -> list[Path]:
    return sorted(p for p in STATIC.glob("edition*.css") if p.name not in EPUB_ONLY)


def scripts() -> list[Path]:
    return sorted(STATIC.glob("edition*.js"))


def _copy_assets(app: Sphinx) -> None:
    # The EPUB builder ships a stylesheet of its own (sphinxext/epub.py).
    if app.builder.format == "html" and app.builder.name != "epub":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for asset in [*stylesheets(), *scripts()]:
            copy_asset_file(asset, static, force=True)


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _copy_assets)
    for sheet in stylesheets():
        app.add_css_file(sheet.name)
    for script in scripts():
        # Scripts only enhance: every page reads completely without them.
        app.add_js_file(script.name, loading_method="defer")
