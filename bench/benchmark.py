"""Benchmark (not a test): the ratios of issue 15, like with like, measured side by side.

    .venv/bin/python bench/benchmark.py                     # 100 and 300 sources
    .venv/bin/python bench/benchmark.py --sizes 100 300 1000 3000 --runs 3

For each corpus size N (a synthetic corpus made from the real sources, synthetic/corpus.py)
every figure is the wall time of a child process, and each ratio divides two figures
measured in the same run on the same files:

* generate ÷ OpenCC: ``edition generate`` against a raw OpenCC process that imports
  OpenCC, reads the same seed files and converts them with t2s (the conversion floor);
* generate after one source changed ÷ the same OpenCC process (the other sources come
  from generate's per-source cache, as in an editor's loop); and with nothing changed;
* ours ÷ plain: our Sphinx build against a plain myst-parser + furo build of the same
  documents with the SAME bounded sidebar (navigation.py), the edition's roles and
  directives standing in as bare text and containers (PLAIN_CONF);
* incremental ÷ full: regenerate + rebuild after one source changed, against the full build;
* serial: our build with ``-j 1`` (as Read the Docs runs it), per source, against 100;
* peak memory (maximum resident set size) of each process, per source.

Cold is the first run in a fresh corpus (nothing generated or built, caches of the
machine as they come); warm runs repeat the same full work with warm file caches and
compiled modules, outputs removed first.  Warm figures are min / median of ``--runs``.

From ``--large-from`` sources (1,000) each Sphinx build (ours, plain, serial) is run
once, cold, with no warm repeat: a full build of 3,000 sources takes about ten minutes
here, so eleven of them would take two hours.  There the build ratios divide two cold
runs (both builds cold alike), and the table says so; generate and OpenCC, which are
cheap, take ``--runs-large`` warm runs.  The serial build comes last at each size, so
that a run stopped during it has measured everything else; each figure is also logged to
stderr as it is measured.  The table is printed again after each size.

Prints a Markdown table; nothing is asserted.  Results go in docs/benchmark.md with the
machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sizheng_edition.synthetic.corpus import make_corpus  # noqa: E402

PY = sys.executable
EDITION = [PY, "-m", "sizheng_edition"]
TIME = "/usr/bin/time"

# The floor: what converting the same bytes costs a process that does nothing else.
OPENCC = """
import sys, pathlib, opencc
data = "".join(p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")))
opencc.OpenCC("t2s").convert(data)
"""

# The plain build: myst-parser and furo, with the edition's bounded sidebar (else furo's
# full tree makes the plain build quadratic and the comparison meaningless), and the
# edition's roles and directives as bare stand-ins so that the same text is parsed.
PLAIN_CONF = """
import sys
sys.path.insert(0, {tools!r})
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sizheng_edition.sphinxext.navigation import setup_navigation

project = "plain"
extensions = ["myst_parser"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
exclude_patterns = ["_build", "_latex"]
html_theme = "furo"
html_search_language = "zh"
smartquotes = False
suppress_warnings = ["ref.ref", "ref.doc", "myst"]


class AnyOptions(dict):
    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return directives.unchanged


class Container(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOptions()

    def run(self):
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.inline(rawtext, text)], []


def setup(app):
    setup_navigation(app)
    for role in ("pn", "ln", "gl", "lang-zh", "lang-zht", "lang-pinyin"):
        app.add_role(role, text_role)
    for name in ("glossary-entry", "lang", "cite-article", "cite-edition", "essay-chapters"):
        app.add_directive(name, Container)
"""


@dataclass
class Sample:
    """Runs of one command: seconds and peak MiB of each."""

    seconds: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)

    def add(self, seconds: float, mib: float) -> None:
        self.seconds.append(seconds)
        self.mib.append(mib)

    @property
    def min(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.mib)


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds (timed here: GNU time's %e has only 10 ms, a fifth of OpenCC's floor
    on the real edition) and peak resident MiB of one child process (GNU time, so that the
    figure is this process's own and not the largest of all children so far)."""
    start = time.perf_counter()
    out = subprocess.run(
        ["nice", TIME, "-f", "%M", *cmd],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(out.stderr.strip().splitlines()[-1]) / 1024


def sphinx_cmd(src: Path, out: Path, jobs: str) -> list[str]:
    return [PY, "-m", "sphinx", "-q", "-j", jobs, "-b", "html", str(src), str(out)]


def plain_copy(corpus: Path) -> Path:
    plain = corpus / "plain"
    shutil.copytree(corpus / "edition", plain, ignore=shutil.ignore_patterns("_build", "conf.py"))
    (plain / "conf.py").write_text(PLAIN_CONF.format(tools=str(ROOT / "tools")), encoding="utf-8")
    return plain


def touch_one_source(corpus: Path) -> None:
    seed = sorted((corpus / "seeds").glob("*.txt"))[0]
    lines = seed.read_text(encoding="utf-8").split("\n")
    k = next(i for i, line in enumerate(lines) if line.endswith("。"))
    lines[k] = lines[k][:-1] + "！"
    seed.write_text("\n".join(lines), encoding="utf-8")


def clear_generated(corpus: Path) -> None:
    """The generated pages and generate's per-source cache (so that a warm run does the
    full work again); the glossary's pinyin cache is kept, as an editor's machine keeps it."""
    for sub in ("texts", "glossary"):
        shutil.rmtree(corpus / "edition" / sub, ignore_errors=True)
    shutil.rmtree(Path(os.environ["SIZHENG_EDITION_CACHE"]) / "sources", ignore_errors=True)


def measure(n: int, runs: int, builds: int, serial: bool, work: Path) -> dict[str, Sample]:
    """``runs`` warm runs of generate and OpenCC; ``builds`` warm runs of each Sphinx build
    (0: the cold one only)."""
    corpus = work / f"n{n}"
    make_corpus(ROOT, corpus, n, seed=n)
    # edition/conf.py reads the release date from the project's CITATION.cff
    shutil.copy(ROOT / "CITATION.cff", corpus / "CITATION.cff")
    generate = [*EDITION, "--root", str(corpus), "generate"]
    s: dict[str, Sample] = {}

    def sample(key: str, cmd: list[str]) -> None:
        seconds, mib = run(cmd, ROOT)
        s.setdefault(key, Sample()).add(seconds, mib)
        print(f"{time.strftime('%H:%M:%S')} {n} sources, {key}: {seconds:.2f} s, {mib:.0f} MiB",
              file=sys.stderr, flush=True)  # fmt: skip

    opencc = [PY, "-c", OPENCC, str(corpus / "seeds")]
    sample("generate cold", generate)
    sample("opencc cold", opencc)
    for _ in range(runs):
        sample("opencc", opencc)
        clear_generated(corpus)
        sample("generate", generate)
    ours, plain_out = corpus / "out", corpus / "plain-out"
    plain = plain_copy(corpus)  # before the change below: both builds read the same pages
    sample("sphinx cold", sphinx_cmd(corpus / "edition", ours, "auto"))
    # One source changed, after a full build of the current state (ours is built); next to
    # the full build, so that at 3,000 sources it is measured early in a long run.
    sample("generate unchanged", generate)  # every source from the cache
    touch_one_source(corpus)
    sample("generate one changed", generate)
    sample("sphinx one changed", sphinx_cmd(corpus / "edition", ours, "auto"))
    sample("plain cold", sphinx_cmd(plain, plain_out, "auto"))
    for _ in range(builds):
        shutil.rmtree(ours, ignore_errors=True)
        shutil.rmtree(plain_out, ignore_errors=True)
        sample("sphinx", sphinx_cmd(corpus / "edition", ours, "auto"))
        sample("plain", sphinx_cmd(plain, plain_out, "auto"))
    if serial:  # last: the longest measure, and the one most worth sparing at 3,000
        for _ in range(max(builds, 1)):
            shutil.rmtree(corpus / "serial", ignore_errors=True)
            sample("sphinx -j 1", sphinx_cmd(corpus / "edition", corpus / "serial", "1"))
    shutil.rmtree(corpus)
    return s


def report(results: dict[int, dict[str, Sample]], runs: int, large_from: int, runs_large: int) -> None:
    large = [n for n in results if n >= large_from]
    small = [n for n in results if n < large_from]
    where = "; ".join(
        [f"at {', '.join(f'{n:,}' for n in small)} sources warm figures min / median of {runs}"] * bool(small)
        + [
            f"at {', '.join(f'{n:,}' for n in large)} sources each Sphinx build run once, cold (no warm "
            f"build: the build ratios there divide two cold builds), generate and OpenCC {runs_large} warm"
        ]
        * bool(large)
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {where}"
    )
    base_n = next(iter(results))
    base = results[base_n]
    head = "| measure | " + " | ".join(f"{n:,} sources" for n in results) + " |"
    print("\n" + head + "\n|---|" + "---|" * len(results))

    def row(name: str, cell: Callable[[int, dict[str, Sample]], str]) -> None:
        print(f"| {name} | " + " | ".join(cell(n, r) for n, r in results.items()) + " |")

    def spread(a: Sample) -> str:
        return f"{a.min:.2f} / {a.median:.2f}"

    def full(r: dict[str, Sample], key: str) -> Sample:
        """The warm runs of a Sphinx build, or its cold one where there were none."""
        return r.get(key) or r[f"{key} cold"]

    def peak(r: dict[str, Sample], key: str) -> float:
        """Of the warm runs where there were any: a cold generate also computes the
        glossary's pinyin (jieba's dictionary, about 120 MiB), once per glossary."""
        return full(r, key).peak

    def ratio(a: Sample, b: Sample) -> str:
        return f"{a.min / b.min:.2f}× / {a.median / b.median:.2f}×"

    def warm(key: str, cell: Callable[[dict[str, Sample]], str]) -> Callable[[int, dict[str, Sample]], str]:
        return lambda n, r: cell(r) if key in r else "— (cold only)"

    row("generate, cold, s", lambda n, r: f"{r['generate cold'].min:.2f}")
    row("generate, warm, s (min / median)", lambda n, r: spread(r["generate"]))
    row("raw OpenCC process, warm, s", lambda n, r: spread(r["opencc"]))
    row("generate cold ÷ OpenCC cold", lambda n, r: f"{r['generate cold'].min / r['opencc cold'].min:.1f}×")
    row("generate warm ÷ OpenCC warm", lambda n, r: ratio(r["generate"], r["opencc"]))

    def over_opencc(key: str) -> Callable[[int, dict[str, Sample]], str]:
        return lambda n, r: f"{r[key].min / r['opencc'].min:.2f}×"

    def per_source_peak(key: str) -> Callable[[int, dict[str, Sample]], str]:
        return lambda n, r: f"{peak(r, key):.0f} ({peak(r, key) / n:.2f})"

    row("generate, nothing changed ÷ OpenCC", over_opencc("generate unchanged"))
    row("generate after one source changed ÷ OpenCC", over_opencc("generate one changed"))
    row("our build, cold, s", lambda n, r: f"{r['sphinx cold'].min:.1f}")
    row("plain build, cold, s", lambda n, r: f"{r['plain cold'].min:.1f}")
    row("our build ÷ plain, cold", lambda n, r: f"{r['sphinx cold'].min / r['plain cold'].min:.2f}×")
    row("our build ÷ plain, warm", warm("sphinx", lambda r: ratio(r["sphinx"], r["plain"])))
    row(
        "regenerate + rebuild after one changed ÷ full build",
        lambda n, r: (
            f"{(r['generate one changed'].min + r['sphinx one changed'].min) / full(r, 'sphinx').min:.2f}"
            + ("" if "sphinx" in r else " (÷ cold)")
        ),
    )
    row("peak MiB of generate (per source)", per_source_peak("generate"))
    row("peak MiB of our build (per source)", per_source_peak("sphinx"))
    row("peak MiB of plain build", lambda n, r: f"{peak(r, 'plain'):.0f}")
    row("peak memory, our build ÷ plain", lambda n, r: f"{peak(r, 'sphinx') / peak(r, 'plain'):.2f}×")
    if "sphinx -j 1" in base:
        per = base["sphinx -j 1"].min / base_n

        def serial(cell: Callable[[Sample], str]) -> Callable[[int, dict[str, Sample]], str]:
            return lambda n, r: cell(r["sphinx -j 1"]) if "sphinx -j 1" in r else "not run"

        row("serial build (-j 1), s", serial(lambda a: f"{a.min:.1f}"))
        row(
            f"serial time per source ÷ at {base_n:,}",
            lambda n, r: serial(lambda a: f"{a.min / n / per:.2f}")(n, r),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--runs", type=int, default=3, help="warm runs of each command")
    parser.add_argument(
        "--large-from",
        type=int,
        default=1000,
        help="from this many sources, each Sphinx build is run once, cold (default 1000)",
    )
    parser.add_argument(
        "--runs-large", type=int, default=1, help="warm runs of generate and OpenCC at those sizes"
    )
    parser.add_argument("--no-serial", action="store_true", help="skip the -j 1 builds")
    parser.add_argument("--serial-up-to", type=int, help="the -j 1 builds only up to this many sources")
    args = parser.parse_args()
    if not Path(TIME).exists():
        sys.exit(f"{TIME} (GNU time) is needed to measure each process's peak memory")
    results: dict[int, dict[str, Sample]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # generate's caches, fresh for this run and inherited by every child
        os.environ["SIZHENG_EDITION_CACHE"] = str(Path(tmp) / "cache")
        for n in sorted(set(args.sizes)):
            large = n >= args.large_from
            runs, builds = (args.runs_large, 0) if large else (args.runs, args.runs)
            serial = not args.no_serial and n <= (args.serial_up_to or n)
            results[n] = measure(n, runs, builds, serial, Path(tmp))
            report(results, args.runs, args.large_from, args.runs_large)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
