"""The PDF and EPUB, built as Read the Docs builds them, in a fresh copy of the
repository; and reproducibility of the builds."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, require_file, require_module, require_tool

pytestmark = pytest.mark.slow
JOBNAME = "sizheng-edition"  # Read the Docs passes the project slug as -jobname


def fresh_copy(dest: Path) -> Path:
    """The repository as a clone would have it: tracked and new files, nothing ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for rel in filter(None, listed):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    return dest


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def sphinx(builder: str, conf_dir: Path, out: Path, env: dict | None = None) -> None:
    """Read the Docs' sphinx command line (run in the directory of conf.py)."""
    cmd = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder,
           "-d", "_build/doctrees", "-D", "language=en", ".", str(out)]  # fmt: skip
    run(cmd, conf_dir, env)


@pytest.fixture(scope="module")
def rtd(tmp_path_factory) -> Path:
    for tool in ("xelatex", "latexmk", "xindy"):
        require_tool(tool)
    repo = fresh_copy(tmp_path_factory.mktemp("rtd-repo"))
    out = tmp_path_factory.mktemp("rtd-output")
    conf_dir = repo / "edition"
    sphinx("html", conf_dir, out / "html")
    sphinx("latex", conf_dir, out / "pdf")
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={JOBNAME}",
               "-interaction=nonstopmode"]  # fmt: skip
    run(latexmk, out / "pdf")
    sphinx("epub", conf_dir, out / "epub")
    return out


def pdf_text(pdf: Path) -> str:
    require_tool("pdftotext")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_read_the_docs_builds_html(rtd):
    assert (rtd / "html" / "index.html").exists()
    assert (rtd / "html" / "texts" / "000" / "soe-branch-secretaries.html").exists()


def test_pdf_is_a_book_with_chinese_text_that_can_be_copied(rtd):
    pdf = rtd / "pdf" / f"{JOBNAME}.pdf"
    text = pdf_text(pdf)
    flat = "".join(text.split())  # Chinese has no spaces; pdftotext breaks lines
    assert "解决职工急难愁盼问题" in flat  # a word rejoined across a column break
    assert "干部职工素质与工作效率、社会影响息息相关" in flat  # 003, converted to simplified
    assert "Join(000_1372b43608706eb6.txt,lines67,101)" in flat  # a footnote
    log = (rtd / "pdf" / f"{JOBNAME}.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


def test_pdf_index_is_sorted_by_pinyin(rtd):
    ind = (rtd / "pdf" / f"{JOBNAME}.ind").read_text(encoding="utf-8")
    f_group = ind[ind.index(r"\lettergroup{F}") : ind.index(r"\lettergroup{G}")]
    lines = [line for line in f_group.splitlines() if r"\spxentry" in line]
    entries = [line.split("{", 1)[1].split(" ", 1)[0] for line in lines]
    assert entries == ["fǎnfǔbài", "fāzhǎn", "fēixíng"]


def test_pdf_fonts_are_embedded_cjk_fonts(rtd):
    require_tool("pdffonts")
    fonts = subprocess.run(
        ["pdffonts", str(rtd / "pdf" / f"{JOBNAME}.pdf")], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), fonts
    assert any("NotoSerifCJK" in line for line in fonts) and any("NotoSansCJK" in line for line in fonts)


def test_pdf_has_bookmarks_and_live_internal_links(rtd):
    pypdf = require_module("pypdf")
    reader = pypdf.PdfReader(str(rtd / "pdf" / f"{JOBNAME}.pdf"))
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert any(t.startswith("Source 000") for t in titles)
    assert "新时代提升国有企业党支部书记能力素养实践路径" in titles
    assert any(t.startswith("Glossary") for t in titles)
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            action = obj.get("/A")
            if obj.get("/Subtype") == "/Link" and (
                obj.get("/Dest") or (action and action.get("/S") == "/GoTo")
            ):
                internal += 1
    assert internal > 500  # notes, line references, glossary links, contents


def test_epub_passes_epubcheck_and_is_marked_chinese(rtd):
    java = require_tool("java")
    jar = require_file(Path("/usr/share/java/epubcheck.jar"))  # Debian's epubcheck
    epub = next((rtd / "epub").glob("*.epub"))
    result = subprocess.run([java, "-jar", str(jar), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "No errors or warnings detected" in result.stdout + result.stderr
    with zipfile.ZipFile(epub) as z:
        assert "<dc:language>zh-Hans</dc:language>" in z.read("content.opf").decode()


def test_two_builds_give_identical_html(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    for name in ("one", "two"):
        doctrees = str(tmp_path / f"{name}-doctrees")
        cmd = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", "-d", doctrees,
               str(ROOT / "edition"), str(tmp_path / name)]  # fmt: skip
        run(cmd, ROOT, env)
    assert _differences(filecmp.dircmp(tmp_path / "one", tmp_path / "two")) == []


def _differences(diff: filecmp.dircmp) -> list[str]:
    """Files present on one side only, or whose bytes differ (dircmp compares contents
    whenever size or modification time differ, as they do between two builds)."""
    found = [*diff.left_only, *diff.right_only, *diff.diff_files]
    for sub in diff.subdirs.values():
        found += _differences(sub)
    return found


def test_two_pdf_builds_give_the_same_text(rtd, tmp_path):
    again = tmp_path / "pdf"
    outputs = [
        f"{JOBNAME}.{ext}" for ext in ("pdf", "aux", "log", "idx", "ind", "ilg", "toc", "out", "fls", "xdv")
    ]
    shutil.copytree(rtd / "pdf", again, ignore=shutil.ignore_patterns(*outputs, "*.fdb_latexmk"))
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={JOBNAME}",
               "-interaction=nonstopmode"]  # fmt: skip
    run(latexmk, again)
    assert pdf_text(again / f"{JOBNAME}.pdf") == pdf_text(rtd / "pdf" / f"{JOBNAME}.pdf")
