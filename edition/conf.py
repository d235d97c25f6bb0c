"""Sphinx configuration.  Read the Docs runs sphinx-build with this directory as
the source directory, so everything the build needs is reachable from here."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `tools` without installing the project (a plain checkout)

project = "Eight Essays on Ideological and Political Work"
author = "The editors"
copyright = "the editors (editorial matter); the source texts remain their authors'"
release = version = "0.1.0"

extensions = ["myst_parser", "tools.sphinxext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]

language = "en"  # the interface; the texts carry lang="zh-Hans" themselves
html_search_language = "zh"  # jieba segments the Chinese for the search index
smartquotes = False  # never retouch the source's quotation marks or dashes

html_theme = "furo"
html_title = "Eight Essays on Ideological and Political Work"
html_last_updated_fmt = None
html_show_sourcelink = False

# Reproducible output: no build-time timestamps.
if "SOURCE_DATE_EPOCH" not in os.environ:
    os.environ["SOURCE_DATE_EPOCH"] = "0"

# The PDF: XeLaTeX with xeCJK and Debian's Noto CJK fonts; the glossary is an appendix.
latex_engine = "xelatex"
latex_documents = [("book", "sizheng-edition.tex", project, author, "manual")]
latex_appendices = ["glossary/index", "glossary/categories", "glossary/usage"]
latex_elements = {
    "fontpkg": r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
""",
}
