"""Bad witnesses give one clear error naming file and line, never a traceback."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from sizheng_edition.errors import EditionError
from sizheng_edition.load.seeds import parse_source, read_source
from sizheng_edition.synthetic.corpus import without_quotations


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", None, "empty file"),
        (b"\n  \n", None, "empty file"),
        (b"\xef\xbb\xbf\xe6\x96\x87\n", 1, "byte-order mark"),
        ("第一行\n第二行\r\n".encode(), 2, "CRLF"),
        ("第一行\n第二行\n".encode("gbk"), 1, "not UTF-8"),
        ("好\n好\n".encode() + b"\xff\n", 3, "not UTF-8"),
    ],
)
def test_bad_witness_names_file_and_line(data, line, words):
    with pytest.raises(EditionError) as err:
        parse_source(data, "seeds/x.txt", "x.txt")
    assert err.value.path == "seeds/x.txt"
    assert err.value.line == line
    assert words in str(err.value)
    assert str(err.value).startswith("seeds/x.txt" + (f":{line}" if line else ""))


def test_good_witness_keeps_every_line(tmp_path):
    path = tmp_path / "001_x.txt"
    path.write_bytes("  甲\n\n乙 \n".encode())
    source = read_source(path)
    assert source.lines == ("  甲", "", "乙 ")
    assert source.key == "001"
    assert source.size == len(path.read_bytes())


def test_missing_final_newline_keeps_last_line():
    assert parse_source("甲\n乙".encode(), "x", "x").lines == ("甲", "乙")


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (b"\xef\xbb\xbf\xe6\x96\x87\n", ":1: starts with a UTF-8 byte-order mark"),
        (b"", ": empty file"),
        (b"a\r\nb\r\n", ":1: CR or CRLF"),
        (b"\x80abc\n", ":1: not UTF-8"),
    ],
)
def test_cli_reports_bad_seed_without_traceback(project, data, expect):
    seed = next(project.seeds.glob("003_*.txt"))
    seed.write_bytes(data)
    result = run_cli(project.root, "generate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {seed}{expect}")


# -- characters a witness may hold though no reader sees them (docs/characters.md) --------

KEPT = {
    2: (2, "\ue000"),  # in the title: a publisher's private-use character
    6: (3, "\u200b"),  # a zero-width space inside 医保中心, a glossary term
    7: (4, "\ufeff\u00ad"),  # a stray byte-order mark and a soft hyphen
}


def kept_witness(project) -> None:
    """Source 003 alone, with zero-width and private-use characters put into it."""
    for key in ("000", "002"):
        next(project.seeds.glob(f"{key}_*.txt")).unlink()
        (project.plans / f"{key}.yaml").unlink()
    # The glossary quotes the removed sources' articles, which generate would then refuse.
    text = project.glossary.read_text(encoding="utf-8")
    project.glossary.write_text(without_quotations(text), encoding="utf-8")
    seed = next(project.seeds.glob("003_*.txt"))
    lines = seed.read_text(encoding="utf-8").split("\n")
    for number, (column, chars) in KEPT.items():
        line = lines[number - 1]
        lines[number - 1] = line[: column - 1] + chars + line[column - 1 :]
    seed.write_text("\n".join(lines), encoding="utf-8")


def test_kept_characters_are_counted_and_shown(project):
    kept_witness(project)
    assert run_cli(project.root, "generate").returncode == 0
    check = run_cli(project.root, "check")
    assert check.returncode == 0, check.stderr
    texts = project.edition / "texts" / "003"
    article = (texts / "yancheng-medical-insurance-centre.md").read_text(encoding="utf-8")
    transcription = (texts / "transcription.md").read_text(encoding="utf-8")
    # The reading text: private use kept as a labelled mark; zero-width removed, so the
    # glossary still finds 医保中心, and counted under its rule.
    assert "{abbr}`‹U+E000› (private-use character U+E000," in article
    # The reading text marks nothing; the witness lines and original beside it are diplomatic.
    reading = re.sub(r"````\{parallel\}.*?\n````\n", "", article, flags=re.S)
    assert "{parallel}" not in reading and "‹ZWSP›" not in reading
    assert "‹ZWSP›" in article  # in the witness lines of its paragraph
    assert "{gl}`医保中心 <医保中心>`" in article
    assert "3 × zero\\-width character \\(ZWSP" in article  # counted in the provenance box
    # The transcription: every one of them, where it stands.
    for mark in ("‹U+E000›", "‹ZWSP›", "‹ZWNBSP›", "‹SHY›"):
        assert f"{{abbr}}`{mark} (" in transcription
    assert "‹…› marks a character the witness holds that no reader would see" in transcription
    # Nothing raw is left in any page for a font to fail on.
    for page in texts.glob("*.md"):
        assert not set(page.read_text(encoding="utf-8")) & {"\ue000", "\u200b", "\ufeff", "\u00ad"}


def test_kept_characters_survive_every_format(project, tmp_path):
    """The witness with kept characters builds HTML that the Nu checker passes, an EPUB
    that epubcheck passes, and a PDF whose fonts have every glyph it uses."""
    from conftest import LATEXMK, ROOT, require_file, require_tool, rtd_sphinx, run

    kept_witness(project)
    assert run_cli(project.root, "generate").returncode == 0
    java = require_tool("java")
    conf = project.edition

    rtd_sphinx("html", conf, tmp_path / "html", doctrees=tmp_path / "dt-html")
    vnu = require_file(ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
    pages = sorted(str(p) for p in (tmp_path / "html" / "texts" / "003").glob("*.html"))
    run([java, "-jar", str(vnu), "--errors-only", *pages], tmp_path)
    page = (tmp_path / "html" / "texts" / "003" / "transcription.html").read_text(encoding="utf-8")
    assert '<abbr title="zero-width character U+200B ZERO WIDTH SPACE">‹ZWSP›</abbr>' in page

    rtd_sphinx("epub", conf, tmp_path / "epub", doctrees=tmp_path / "dt-epub")
    epubcheck = require_file(Path("/usr/share/java/epubcheck.jar"))
    run([java, "-jar", str(epubcheck), str(next((tmp_path / "epub").glob("*.epub")))], tmp_path)

    for tool in ("xelatex", "latexmk", "xindy"):
        require_tool(tool)
    rtd_sphinx("latex", conf, tmp_path / "pdf", doctrees=tmp_path / "dt-latex")
    run(LATEXMK, tmp_path / "pdf")
    log = next((tmp_path / "pdf").glob("*.log")).read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    text = subprocess.run(
        ["pdftotext", str(next((tmp_path / "pdf").glob("*.pdf"))), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "‹ZWSP›" in text
