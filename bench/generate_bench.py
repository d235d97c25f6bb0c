"""Benchmark (not a test) of ``edition generate``, as ratios measured side by side in one run.

    .venv/bin/python bench/generate_bench.py --sizes 0 100 300 [--baseline "CMD"] [--runs 3]

Size 0 is the real edition (a copy of seeds/ and conf/); N > 0 a synthetic corpus of N
sources (synthetic/corpus.py).  Every figure is the wall time of one child process run
under ``nice``, min / median of ``--runs``; every ratio divides two figures of the same
run on the same files:

* opencc: a raw OpenCC process (start Python, import opencc, read every seed, t2s), the
  floor any generate must pay (the same floor as bench/benchmark.py);
* cold: ``edition generate`` with an empty per-source cache and no generated pages;
* changed: ``generate`` after one line of one seed changed (the editor's loop);
* unchanged: ``generate`` again with nothing changed;
* peak resident memory (MiB, GNU time) of the cold runs.

Compiled modules are kept (``PYTHONPYCACHEPREFIX``, a folder of this run) even where
the environment sets PYTHONDONTWRITEBYTECODE.  The glossary's pinyin cache is kept warm
throughout (it is another cache, keyed by the glossary alone).  With --baseline, the
same figures for another command that runs Python with another ``sizheng_edition``
(say ``env PYTHONPATH=/tmp/base/tools .venv/bin/python``, an older commit unpacked with
git archive) on the same corpus, so that before and after share the machine's load.
Prints a Markdown table; nothing is asserted.
"""

from __future__ import annotations

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

OPENCC = """
import sys, pathlib, opencc
data = "".join(p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")))
opencc.OpenCC("t2s").convert(data)
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds (timed here: GNU time's %e has only 10 ms, a fifth of the real
    edition's floor) and peak resident MiB (GNU time) of one child process."""
    start = time.perf_counter()
    out = subprocess.run(
        ["nice", "/usr/bin/time", "-f", "%M", *cmd],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    seconds = time.perf_counter() - start
    kib = out.stderr.strip().splitlines()[-1]
    return seconds, int(kib) / 1024


def clean(project: Path, cache: Path) -> None:
    for sub in ("edition/texts", "edition/glossary"):
        shutil.rmtree(project / sub, ignore_errors=True)
    shutil.rmtree(cache / "sources", ignore_errors=True)  # the per-source cache; pinyin kept


KEYS = ("cold", "changed", "unchanged")


def one_run(
    python: list[str], project: Path, k: int, env: dict[str, str], got: dict[str, list[float]]
) -> None:
    """Cold (no pages, empty per-source cache), then one seed changed, then nothing."""
    edition = [*python, "-m", "sizheng_edition", "--root", str(project), "generate"]
    clean(project, Path(env["SIZHENG_EDITION_CACHE"]))
    seconds, mib = timed(edition, env)
    got["cold"].append(seconds)
    got["mib"].append(mib)
    change_one_seed(project, k)
    got["changed"].append(timed(edition, env)[0])
    got["unchanged"].append(timed(edition, env)[0])


def ratio(a: list[float], b: list[float]) -> str:
    return f"{min(a) / min(b):.1f}× / {statistics.median(a) / statistics.median(b):.1f}×"


def main() -> None:
    args = parse_args(__doc__, {})
    tools = codes(args)
    print(
        machine(
            f"min / median of {args.runs}; the tools' runs interleaved, so that they share the machine's load"
        )
    )
    print("\n| sources | code | OpenCC s | cold s | cold ÷ OpenCC | one changed s | changed ÷ OpenCC "
          "| unchanged s | unchanged ÷ OpenCC | peak MiB (cold) |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in args.sizes:
            first = make_project(n, work / f"n{n}-this")
            projects = {name: first for name in tools}
            for name in list(tools)[1:]:
                projects[name] = work / f"n{n}-{name}"
                shutil.copytree(first, projects[name])
            # Compiled modules are written (to a folder of this run), as on an editor's
            # machine, even where the environment says PYTHONDONTWRITEBYTECODE: compiling
            # 60 modules again on every run was a third of a one-changed generate.
            base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            base["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
            envs = {name: base | {"SIZHENG_EDITION_CACHE": str(work / f"cache-{name}")} for name in tools}
            for name, python in tools.items():  # warm-up: compiled modules, the pinyin cache
                timed(
                    [*python, "-m", "sizheng_edition", "--root", str(projects[name]), "generate"], envs[name]
                )
            opencc = [sys.executable, "-c", OPENCC, str(first / "seeds")]
            floor: list[float] = []
            got = {name: {"cold": [], "changed": [], "unchanged": [], "mib": []} for name in tools}
            for k in range(args.runs):
                floor.append(timed(opencc, envs["this"])[0])
                for name, python in tools.items():
                    one_run(python, projects[name], k, envs[name], got[name])
                floor.append(timed(opencc, envs["this"])[0])  # before and after: the load drifts
            for name, g in got.items():
                print(
                    f"| {n or 'real (3)'} | {name} | {min(floor):.3f} / {statistics.median(floor):.3f} | "
                    + " | ".join(f"{spread(g[key])} | {ratio(g[key], floor)}" for key in KEYS)
                    + f" | {max(g['mib']):.0f} |",
                    flush=True,
                )
            for path in set(projects.values()):
                shutil.rmtree(path)


if __name__ == "__main__":
    main()
