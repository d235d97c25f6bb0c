"""The edition's stylesheet, shipped with the extension."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.add_css_file("edition.css")
