"""What the side-by-side benchmarks (generate_bench, incremental_bench) share: the
projects they run on, the edit they time, their command line and how they report."""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sizheng_edition.synthetic.corpus import make_corpus  # noqa: E402


def make_project(n: int, dest: Path) -> Path:
    """Size 0: a copy of the real edition's inputs (no generated pages); N > 0: a
    synthetic corpus of N sources."""
    if n == 0:
        for part in ("seeds", "conf"):
            shutil.copytree(ROOT / part, dest / part)
        skip = shutil.ignore_patterns("texts", "glossary", "_build")
        shutil.copytree(ROOT / "edition", dest / "edition", ignore=skip)
        shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    else:
        make_corpus(ROOT, dest, n, seed=n)
    shutil.copy(ROOT / "CITATION.cff", dest / "CITATION.cff")  # conf.py reads the release date
    return dest


def change_one_seed(project: Path, k: int) -> None:
    """Change the last mark of one sentence of one seed (another seed each time), the
    same edit for every code compared."""
    seeds = sorted((project / "seeds").glob("*.txt"))
    seed = seeds[k % len(seeds)]
    lines = seed.read_text(encoding="utf-8").split("\n")
    ends = [i for i, line in enumerate(lines) if line.endswith(("。", "！"))]
    i = ends[k % len(ends)]
    lines[i] = lines[i][:-1] + ("！" if lines[i].endswith("。") else "。")
    seed.write_text("\n".join(lines), encoding="utf-8")


def parse_args(doc: str | None, extra: dict[str, int]) -> argparse.Namespace:
    """--sizes, --runs, --baseline, and each of ``extra`` as an integer option."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=doc, formatter_class=raw)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 300])
    parser.add_argument("--runs", type=int, default=3)
    for name, default in extra.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--baseline", help="a command running another sizheng_edition's Python")
    return parser.parse_args()


def codes(args: argparse.Namespace) -> dict[str, list[str]]:
    """This checkout's Python, and the baseline's command if one was given."""
    this = {"this": [sys.executable]}
    return this | ({"baseline": shlex.split(args.baseline)} if args.baseline else {})


def machine(what: str) -> str:
    return (
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {what}"
    )


def spread(a: list[float]) -> str:
    return f"{min(a):.2f} / {statistics.median(a):.2f}"
