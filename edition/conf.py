"""Sphinx configuration.  Read the Docs runs sphinx-build with this directory as
the source directory, so everything the build needs is reachable from here."""

import os
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The package without installing the project (a plain checkout); tools/ is its source root.
sys.path.insert(0, str(ROOT / "tools"))

project = "Eight Essays on Ideological and Political Work"
author = "The editors"
copyright = "the editors (editorial matter); the source texts remain their authors'"
release = version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
# The stable URL in citations: Read the Docs sets this; a local build has none.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

extensions = ["myst_parser", "sizheng_edition.sphinxext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_latex"]

language = "en"  # the interface; the texts carry lang="zh-Hans" themselves
html_search_language = "zh"  # jieba segments the Chinese for the search index
smartquotes = False  # never retouch the source's quotation marks or dashes

html_theme = "furo"
html_title = "Eight Essays on Ideological and Political Work"
html_last_updated_fmt = None
html_show_sourcelink = False
# Chinese in English contexts (sidebar, notes) must not fall back to whatever Han font
# the system has first (on Debian with TeX installed, a Kaiti): name SC fonts before the
# generic family, for each platform.
_CJK_SANS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"'
html_theme_options = {
    "light_css_variables": {
        "font-stack": f'-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, {_CJK_SANS}, '
        'sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    },
}
html_favicon = "_static/favicon.svg"  # also spares browsers a 404 for /favicon.ico

today_fmt = f"Version {release}"  # the title page carries the version, not a build date

# The PDF: XeLaTeX with xeCJK and Debian's Noto CJK fonts (fonts-noto-cjk): serif for
# the text, sans for headings.  The glossary is an appendix.  Read the Docs builds the
# PDF with latexmk from the latexmkrc Sphinx writes, so nothing here depends on make.
latex_engine = "xelatex"
latex_documents = [("book", "sizheng-edition.tex", project, author, "manual")]
latex_appendices = ["glossary/index", "glossary/categories", "glossary/usage"]
latex_use_xindy = True  # makeindex mangles UTF-8 index headings
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\usepackage{fontspec}
\setmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}, AutoFakeSlant=0.15]
\setsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}, AutoFakeSlant=0.15]
\setmonofont{Noto Sans Mono CJK SC}
\usepackage[CJKmath=true]{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}, AutoFakeSlant=0.15]
\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}, AutoFakeSlant=0.15]
\setCJKmonofont{Noto Sans Mono CJK SC}
\xeCJKsetup{CheckSingle=true}
% 互联网+ and 党建+ take no space before the plus: treat + as a CJK character.
\xeCJKDeclareCharClass{CJK}{"002B}
""",
    "babel": "",
    "tocdepth": r"\setcounter{tocdepth}{1}",
    "preamble": r"""
\setlength{\headheight}{14pt}
\renewcommand{\editionparanum}[1]{\marginpar{\raggedleft\footnotesize\sffamily #1}}
\setlength{\marginparwidth}{2.2em}
""",
}
latex_table_style = ["booktabs"]
latex_additional_files = ["_latex/latexmkrc", "_latex/pinyin.xdy"]

# The EPUB: marked Chinese so that e-readers choose Chinese fonts.
epub_language = "zh-Hans"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
# Sphinx writes epub_uid both as the OPF identifier's XML id and as the NCX uid, which
# must equal the identifier's value: so one value, a valid XML name, serves for both.
epub_identifier = epub_uid = "sizheng-edition-9f1d5d2e"
epub_description = "An annotated digital edition of eight Chinese essays on ideological and political work."
epub_contributor = author
epub_show_urls = "no"
epub_exclude_files = ["search.html"]
