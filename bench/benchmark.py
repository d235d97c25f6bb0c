"""Benchmark (not a test): how the pipeline scales, as ratios measured in the same run.

    .venv/bin/python bench/benchmark.py --sizes 100 300 1000 3000 --sphinx-sizes 10 30 100

For each corpus size N (a synthetic corpus made from the real sources, synthetic/corpus.py):

* conversion: `edition generate` (read, plan, assemble, normalise, render, write) against
  raw OpenCC t2s conversion of the same bytes, in this process;
* Sphinx: our build against a plain myst-parser build of the same documents without the
  edition's extension (sphinx-build -j auto, full builds);
* incremental: a rebuild after one source changed, against the full build;
* growth: time per source at N against time per source at the smallest N (1.0 = linear);
* peak memory of each child process (maximum resident set size).

Prints a table; nothing is asserted.  Results go in docs/benchmark.md with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sizheng_edition.synthetic.corpus import make_corpus  # noqa: E402
from sizheng_edition.text.script import to_simplified  # noqa: E402

PY = sys.executable
EDITION = [PY, "-m", "sizheng_edition"]
PLAIN_CONF = """
project = "plain"
extensions = ["myst_parser"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
exclude_patterns = ["_build", "_latex"]
html_theme = "furo"
html_search_language = "zh"
"""


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds and peak resident memory (MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024


def raw_opencc(corpus: Path) -> float:
    data = "".join(p.read_text(encoding="utf-8") for p in sorted((corpus / "seeds").glob("*.txt")))
    start = time.perf_counter()
    to_simplified(data)
    return time.perf_counter() - start


def sphinx(src: Path, out: Path) -> tuple[float, int]:
    return run([PY, "-m", "sphinx", "-q", "-j", "auto", "-b", "html", str(src), str(out)], src)


def plain_copy(corpus: Path) -> Path:
    plain = corpus / "plain"
    shutil.copytree(corpus / "edition", plain, ignore=shutil.ignore_patterns("_build", "conf.py"))
    (plain / "conf.py").write_text(PLAIN_CONF, encoding="utf-8")
    return plain


def touch_one_source(corpus: Path) -> None:
    seed = sorted((corpus / "seeds").glob("*.txt"))[0]
    lines = seed.read_text(encoding="utf-8").split("\n")
    k = next(i for i, line in enumerate(lines) if line.endswith("。"))
    lines[k] = lines[k][:-1] + "！"
    seed.write_text("\n".join(lines), encoding="utf-8")


def measure(n: int, with_sphinx: bool, with_plain: bool, work: Path) -> dict:
    corpus = work / f"n{n}"
    make_corpus(ROOT, corpus, n, seed=n)
    row: dict = {"n": n}
    row["convert"], row["convert_mem"] = run([*EDITION, "--root", str(corpus), "generate"], ROOT)
    row["opencc"] = raw_opencc(corpus)
    if with_sphinx:
        row["sphinx"], row["sphinx_mem"] = sphinx(corpus / "edition", corpus / "out")
        if with_plain:  # furo's full navigation makes this quadratic: small sizes only
            row["plain"], _ = sphinx(plain_copy(corpus), corpus / "plain-out")
        touch_one_source(corpus)
        regen, _ = run([*EDITION, "--root", str(corpus), "generate"], ROOT)
        rebuild, _ = sphinx(corpus / "edition", corpus / "out")
        row["incremental"] = regen + rebuild
    shutil.rmtree(corpus)
    return row


def report(rows: list[dict]) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    base = next((r for r in rows if r["n"] == 100), rows[0])  # growth is measured from 100 sources
    print("\n  N   convert s  ×OpenCC  growth   mem MiB | sphinx s  ×plain  growth  incr/full  mem MiB")
    sbase = next((r for r in rows if "sphinx" in r and r["n"] == 100), None) or next(
        (r for r in rows if "sphinx" in r), None
    )
    for r in rows:
        growth = (r["convert"] / r["n"]) / (base["convert"] / base["n"])
        ratio = r["convert"] / r["opencc"]
        line = f"{r['n']:5d} {r['convert']:9.2f} {ratio:8.0f} {growth:7.2f} {r['convert_mem']:8d}"
        if "sphinx" in r:
            sgrowth = (r["sphinx"] / r["n"]) / (sbase["sphinx"] / sbase["n"])
            plain = f"{r['sphinx'] / r['plain']:7.2f}" if "plain" in r else "      —"
            line += (
                f" | {r['sphinx']:8.1f} {plain} {sgrowth:7.2f}"
                f" {r['incremental'] / r['sphinx']:10.2f} {r['sphinx_mem']:8d}"
            )
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000, 3000])
    parser.add_argument("--sphinx-sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--plain-max", type=int, default=100, help="largest size for the plain build")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes) | set(args.sphinx_sizes))
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(n, n in args.sphinx_sizes, n <= args.plain_max, Path(tmp)) for n in sizes]
    report(rows)


if __name__ == "__main__":
    main()
