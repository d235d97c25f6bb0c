"""The edition's stylesheet, shipped with the extension.

The file is written into the output's ``_static`` when the builder starts (as
sphinx-design ships its CSS; early, so that every page links it with its checksum),
rather than by adding the extension's folder to ``html_static_path``: that setting is
part of the configuration Sphinx hashes into ``.buildinfo``, and an absolute path there
made two checkouts at different paths build different sites."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

STYLESHEET = Path(__file__).parent / "static" / "edition.css"


def _copy_stylesheet(app: Sphinx) -> None:
    # The EPUB builder ships a stylesheet of its own (sphinxext/epub.py).
    if app.builder.format == "html" and app.builder.name != "epub":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(STYLESHEET, static, force=True)


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _copy_stylesheet)
    app.add_css_file(STYLESHEET.name)
