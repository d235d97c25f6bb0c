"""Benchmark (not a test) of issue 15's incremental goal, measured side by side in one run.

    .venv/bin/python bench/incremental_bench.py --sizes 0 100 300 [--baseline "CMD"] [--runs 3]

Size 0 is the real edition (a copy of seeds/, conf/ and edition/); N > 0 a synthetic
corpus of N sources (synthetic/corpus.py).  For each size and each code (this checkout,
and with --baseline another command running Python with another ``sizheng_edition``,
say ``env PYTHONPATH=/tmp/base/tools .venv/bin/python``), on its own copy of the same
files, runs interleaved so that they share the machine's load:

* full: ``sphinx-build -j auto -b html`` into an empty output folder (after generate);
* then, ``--runs`` times, one seed changed (one sentence's last mark, the same edit for
  every code), timed apart: ``generate`` (the other sources from its cache) and the
  incremental ``sphinx-build`` into the same output folder and doctrees.

Every figure is the wall time of one child process run under ``nice``, min / median;
the ratio is (generate + incremental build) ÷ full build, of the minima and of the
medians.  After the last run, each code's site is compared with a clean build of the
same files (every HTML page and the Pagefind index, byte for byte), so that the rebuild
measured is one that makes the site a full build makes.  Prints a Markdown table;
nothing is asserted.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from side_by_side import ROOT, change_one_seed, codes, machine, make_project, parse_args, spread


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(["nice", *cmd], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def sphinx(python: list[str], project: Path, out: Path) -> list[str]:
    return [*python, "-m", "sphinx", "-q", "-j", "auto", "-b", "html", str(project / "edition"), str(out)]


def same_site(a: Path, b: Path) -> bool:
    """Every HTML page and every file of the Pagefind index, byte for byte."""

    def files(root: Path) -> set[str]:
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and (p.suffix == ".html" or "pagefind" in p.parts)
        }

    names = files(a)
    if names != files(b):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, sorted(names), shallow=False)
    return not mismatch and not errors


def main() -> None:
    args = parse_args(__doc__, {"full-runs": 2})
    tools = codes(args)
    print(machine("min / median; the codes' runs interleaved, so that they share the machine's load"))
    print(
        "\n| sources | code | full build s | generate, one changed s | incremental build s "
        "| (generate + incremental) ÷ full | same site as a clean build |"
    )
    print("|---|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = os.environ | {"SOURCE_DATE_EPOCH": "1767225600"}
        for n in args.sizes:
            first = make_project(n, work / f"n{n}-this")
            projects = {"this": first}
            for name in list(tools)[1:]:
                projects[name] = work / f"n{n}-{name}"
                shutil.copytree(first, projects[name])
            envs = {name: env | {"SIZHENG_EDITION_CACHE": str(work / f"cache-{name}")} for name in tools}
            got: dict[str, dict[str, list[float]]] = {
                name: {"full": [], "gen": [], "incr": []} for name in tools
            }
            for name, python in tools.items():
                generate = [*python, "-m", "sizheng_edition", "--root", str(projects[name]), "generate"]
                timed(generate, envs[name])
            for _ in range(args.full_runs):
                for name, python in tools.items():
                    out = projects[name] / "out"
                    shutil.rmtree(out, ignore_errors=True)
                    got[name]["full"].append(timed(sphinx(python, projects[name], out), envs[name]))
            for k in range(args.runs):
                for name, python in tools.items():
                    change_one_seed(projects[name], k)
                    generate = [*python, "-m", "sizheng_edition", "--root", str(projects[name]), "generate"]
                    got[name]["gen"].append(timed(generate, envs[name]))
                    build = sphinx(python, projects[name], projects[name] / "out")
                    got[name]["incr"].append(timed(build, envs[name]))
            for name, python in tools.items():
                clean = projects[name] / "clean"
                timed(sphinx(python, projects[name], clean), envs[name])
                same = same_site(projects[name] / "out", clean)
                g = got[name]
                lo = (min(g["gen"]) + min(g["incr"])) / min(g["full"])
                mid = (statistics.median(g["gen"]) + statistics.median(g["incr"])) / statistics.median(
                    g["full"]
                )
                print(
                    f"| {n or 'real (3)'} | {name} | {spread(g['full'])} | {spread(g['gen'])} | "
                    f"{spread(g['incr'])} | {lo:.3f} / {mid:.3f} | {'yes' if same else 'NO'} |",
                    flush=True,
                )
            for path in set(projects.values()):
                shutil.rmtree(path)


if __name__ == "__main__":
    main()
