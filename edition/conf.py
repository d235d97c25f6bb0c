"""Sphinx configuration.  Read the Docs runs sphinx-build with this directory as
the source directory, so everything the build needs is reachable from here."""

import hashlib
import os
import sys
import time
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The package without installing the project (a plain checkout); tools/ is its source root.
sys.path.insert(0, str(ROOT / "tools"))

from sizheng_edition.sphinxext.downloads import rtd_downloads  # noqa: E402

project = "Eight Essays on Ideological and Political Work"
author = "The editors"
copyright = "the editors (editorial matter); the source texts remain their authors'"
release = version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
# The stable URL in citations: Read the Docs sets this; a local build has none.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
# The release date, for the citation metadata of every essay: only what CITATION.cff
# states (date-released); without one the pages carry no date rather than a build date.
# A copy of the edition without the file (an editor's project) is built without a date.
_citation = ROOT / "CITATION.cff"
_cff = (yaml.safe_load(_citation.read_text(encoding="utf-8")) if _citation.exists() else None) or {}
edition_release_date = str(_cff.get("date-released") or "")
# The PDF and the EPUB: Read the Docs serves the ones it builds (.readthedocs.yaml,
# formats) at /_/downloads/<language>/<version>/; a local build links none, and its home
# page says how to make them (sphinxext/downloads.py).
edition_pdf_url, edition_epub_url = rtd_downloads(html_baseurl)

extensions = ["myst_parser", "sizheng_edition.sphinxext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_latex"]

language = "en"  # the interface; the texts carry lang="zh-Hans" themselves
# Search: Pagefind indexes the built site (sphinxext/search.py, docs/search.md); Sphinx
# builds no index of its own, so no jieba and no stemming.
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

# The PDF: a printed critical edition (docs/formats.md).  XeLaTeX with xeCJK and Debian's
# Noto CJK fonts (fonts-noto-cjk): serif for the text, sans for headings.  The book class
# gives front matter with roman page numbers and chapters opening on a recto; book.md
# makes each essay a chapter; edition/_latex/editionbook.sty sets the page.  Read the
# Docs builds the PDF with latexmk from the latexmkrc copied below, so nothing here
# depends on make.
latex_engine = "xelatex"
latex_docclass = {"manual": "book"}
latex_documents = [("book", "sizheng-edition.tex", project, author, "manual")]
_HERE = Path(__file__).resolve().parent


def _existing(*docnames: str) -> list[str]:
    """The pages a project has: a new source adds its transcription; a skeleton has fewer."""
    return [name for name in docnames if (_HERE / f"{name}.md").exists()]


latex_appendices = _existing(
    "texts/witnesses",
    *sorted(f"texts/{page.parent.name}/transcription" for page in _HERE.glob("texts/*/transcription.md")),
    "texts/normalisation",
    "glossary/index",
    "glossary/categories",
    "glossary/usage",
    "front/changelog",
)
latex_use_xindy = True  # makeindex mangles UTF-8 index headings
latex_show_urls = "no"
latex_show_pagerefs = False


def _latex_literal(text: str) -> str:
    """Configuration text (the project's name, version) as literal LaTeX."""
    special = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
               "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\~{}"}  # fmt: skip
    return "".join(special.get(c, c) for c in text)


# Reproducible PDF: xdvipdfmx stamps the build time and a random /ID unless told
# otherwise.  Both come from SOURCE_DATE_EPOCH when it is set (as for Read the Docs'
# reproducible builds and the tests), else from a fixed date; the /ID from the edition's
# name and version, so two builds of one version carry the same.
_PDF_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH") or 1767225600)
_PDF_DATE = time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(_PDF_EPOCH))
_PDF_ID = hashlib.md5(f"{project} {release}".encode()).hexdigest().upper()
_TITLE, _VERSION, _EDITORS = _latex_literal(project), _latex_literal(release), _latex_literal(author)
_CITE_URL = _latex_literal(html_baseurl) if html_baseurl else "(the address of the edition's web site)"

latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "babel": "",
    "fncychap": "",  # no "CHAPTER ONE": editionbook.sty sets the chapter openings
    # A measure of 35 ideographs of 11pt; the outer margin holds the paragraph numbers.
    "geometry": r"\usepackage[a4paper,textwidth=385pt,textheight=666pt,inner=82pt,top=92pt,"
    r"headsep=22pt,footskip=30pt,marginparwidth=2.5em,marginparsep=1em]{geometry}",
    "fontpkg": r"""
\usepackage{fontspec}
\setmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}, AutoFakeSlant=0.15]
\setsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}, AutoFakeSlant=0.15]
\setmonofont{Noto Sans Mono CJK SC}
\usepackage[CJKmath=true]{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}, AutoFakeSlant=0.15]
\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}, AutoFakeSlant=0.15]
\setCJKmonofont{Noto Sans Mono CJK SC}
% 互联网+ and 党建+ take no space before the plus: treat + as a CJK character.
\xeCJKDeclareCharClass{CJK}{"002B}
""",
    "tocdepth": r"\setcounter{tocdepth}{0}",  # the contents list chapters: each essay, with its author
    "preamble": rf"""
\usepackage{{editionbook}}
\hypersetup{{hidelinks, pdfcreationdate={{{_PDF_DATE}}}, pdfmoddate={{{_PDF_DATE}}}}}
\special{{pdf:trailerid [<{_PDF_ID}> <{_PDF_ID}>]}}
""",
    # Title page, and on its back the imprint: edition, version, licence, how to cite.
    "maketitle": rf"""
\begin{{titlepage}}
\centering\sffamily
\vspace*{{.22\textheight}}
{{\Huge\bfseries {_TITLE}\par}}
\vspace{{1.5\baselineskip}}
{{\Large An annotated edition of the Chinese texts\par}}
\vspace{{3\baselineskip}}
{{\large Edited by {_EDITORS.lower()}\par}}
\vfill
{{\large Version {_VERSION}\par}}
\end{{titlepage}}
\thispagestyle{{empty}}
\begingroup\footnotesize\raggedright\setlength{{\parskip}}{{.7\baselineskip}}\setlength{{\parindent}}{{0pt}}
\vspace*{{\fill}}
\textit{{{_TITLE}}}. An annotated digital edition of eight Chinese essays, in diplomatic
transcription and edited reading text, with editorial notes, a glossary and an index.

Version {_VERSION}. The edition's version numbers follow \textit{{major.minor.patch}}: a new
source or article raises the minor number, a corrected reading or note the patch number.
Cite the version you read; the changelog at the end of the book lists every version.

The source texts remain the property of their authors and publishers; they are reproduced
for scholarship and criticism, and this edition grants no licence to them. The editorial
matter (notes, normalisation, glossary, introduction and principles) is offered under the
Creative Commons Attribution 4.0 International licence (CC BY 4.0).

How to cite: {_EDITORS}, eds. \textit{{{_TITLE}}}. Version {_VERSION}. {_CITE_URL}.
An essay by its author and title, a passage by the paragraph number printed in the margin
(¶\,\textit{{n}}). A small raised dot\editionmark{{}} marks the first occurrence in an essay of a term
explained in the glossary.

Set in Noto Serif CJK and Noto Sans CJK with XeLaTeX and xeCJK.
\par\endgroup
\cleardoublepage
""",
    # Front matter (roman page numbers) from the contents on; book.md starts the main
    # matter where the essays begin.
    "tableofcontents": r"""
\frontmatter
\begingroup\parskip 0pt\sphinxtableofcontentshook\tableofcontents\endgroup
""",
}
latex_table_style = ["booktabs"]
latex_additional_files = ["_latex/latexmkrc", "_latex/pinyin.xdy", "_latex/editionbook.sty"]

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
# book.md is the PDF's root document; the e-book's is index.md.
epub_exclude_files = ["search.html", "book.xhtml"]
# The contents: the essays and transcriptions sit in hidden toctrees (each source page
# lists its essays with their authors), so the scope includes hidden ones; three levels
# reach them (the texts > a source > an essay), and sphinxext/epub.py keeps whole
# documents only (no glossary letters, no section headings).  A parent is not repeated
# as its own first child in the NCX.
epub_tocscope = "includehidden"
epub_tocdepth = 3
epub_tocdup = False
