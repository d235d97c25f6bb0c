"""Benchmark (not a test): the floor under a cold ``edition generate``, as ratios to the
same raw OpenCC process as bench/generate_bench.py, measured side by side in one run.

    .venv/bin/python bench/cold_floor.py --sizes 300 [--runs 5]

Size 0 is the real edition, N > 0 a synthetic corpus of N sources.  One cold generate
(this code) is run first, untimed: its pages (path and bytes) are what the write floors
write, and the modules it had imported at exit are what the start-up floor imports.
Then, ``--runs`` times, interleaved so that they share the machine's load:

* opencc: the raw OpenCC process (start Python, import opencc, read every seed, t2s);
* cold: ``edition generate`` with no pages and an empty cache (as generate_bench.py);
* python: ``python -c pass``;
* imports: a process importing, in the order the cold run first imported them, every
  module the cold run had imported (its own, the libraries', the standard library's);
* writes: a process that holds the cold run's pages in memory and writes them into an
  empty ``edition/`` on the same file system, timed inside the process (its start-up
  and reading the pages in are not counted), one way each:
  - plain: open, write, close; not atomic (a reference, not a floor);
  - atomic: ``output.write_atomic(durable=False)``: a temporary file beside the page,
    then ``os.replace``; a killed run leaves the old page or the new, never a cut one;
    after a power cut a page may be empty or cut on some file systems;
  - atomic+fsync: ``output.write_atomic``, one fsync per page before its rename (what
    generate did before this bench);
  - atomic+batch: every temporary file written, then each fsynced, then every rename,
    then each folder fsynced once: after a power cut, too, each page is old or new;
  - atomic+syncfs: the same with one ``syncfs`` of the file system for the fsyncs.
  Each writes into a folder of its own, made just before, in an order that turns
  with each run; the file system's dirty pages are flushed (``os.sync``) before
  each, untimed.  On a shared machine these
  figures move with the disk's other traffic far more than the rest: read the minima.

Prints a Markdown table: min / median seconds and each ÷ OpenCC (min ÷ min, median ÷
median).  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_bench import OPENCC, clean, timed
from side_by_side import ROOT, make_project

GENERATED = ("texts", "glossary")  # pipeline.GENERATED_DIRS

RECORD = """
import atexit, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write("\\n".join(sys.modules)))
runpy.run_module("sizheng_edition", run_name="__main__", alter_sys=True)
"""

IMPORTS = """
import importlib, sys
for name in open(sys.argv[1]).read().split():
    importlib.import_module(name)
"""

WRITE = """
import os, pickle, sys, time
from pathlib import Path
from sizheng_edition.output import batch_atomic, write_atomic
pages, dest, mode = pickle.loads(Path(sys.argv[1]).read_bytes()), Path(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
if mode == "plain":
    for rel, data in pages:
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
elif mode in ("atomic", "atomic+fsync"):
    for rel, data in pages:
        write_atomic(dest / rel, data, durable=mode == "atomic+fsync")
else:
    with batch_atomic(syncfs=mode == "atomic+syncfs") as write:
        for rel, data in pages:
            write(dest / rel, data)
print(time.perf_counter() - start)
"""

MODES = ("plain", "atomic", "atomic+fsync", "atomic+batch", "atomic+syncfs")


def modules_of_cold_run(python: list[str], project: Path, env: dict[str, str], out: Path) -> Path:
    """Run one cold generate, record the modules it had imported at exit (but the
    entry points, which would run it again), and return the file listing them."""
    clean(project, Path(env["SIZHENG_EDITION_CACHE"]))
    raw = out.with_suffix(".all")
    cmd = [*python, "-c", RECORD, str(raw), "--root", str(project), "generate"]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    names = [n for n in raw.read_text().split() if n != "__main__" and not n.endswith(".__main__")]
    out.write_text("\n".join(names))
    return out


def pages_of(project: Path) -> list[tuple[str, bytes]]:
    edition = project / "edition"
    return sorted(
        (p.relative_to(edition).as_posix(), p.read_bytes())
        for d in GENERATED
        for p in (edition / d).rglob("*")
        if p.is_file()
    )


def write_once(python: list[str], pages: Path, dest: Path, mode: str, env: dict[str, str]) -> float:
    """Write the pages into ``dest``, a folder not there before, in a child process;
    the seconds it took, timed inside it."""
    dest.mkdir(parents=True)
    os.sync()  # no earlier write's dirty pages charged to this one
    out = subprocess.run(
        ["nice", *python, "-c", WRITE, str(pages), str(dest), mode],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip())


def cell(a: list[float], floor: list[float]) -> str:
    lo, mid = min(a), statistics.median(a)
    return f"{lo:.3f} / {mid:.3f} | {lo / min(floor):.1f}× / {mid / statistics.median(floor):.1f}×"


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = [sys.executable]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"min / median of {args.runs}, interleaved"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in args.sizes:
            project = make_project(n, work / f"n{n}")
            base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            base["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
            env = base | {"SIZHENG_EDITION_CACHE": str(work / "cache")}
            edition = [*python, "-m", "sizheng_edition", "--root", str(project), "generate"]
            timed(edition, env)  # warm-up: compiled modules, the pinyin cache
            modules = modules_of_cold_run(python, project, env, work / f"modules-{n}")
            pages = pages_of(project)
            held = work / f"pages-{n}.pickle"
            held.write_bytes(pickle.dumps(pages))
            dest = work / f"written-{n}"
            opencc = [*python, "-c", OPENCC, str(project / "seeds")]
            importer = [*python, "-c", IMPORTS, str(modules)]
            got: dict[str, list[float]] = {k: [] for k in ("opencc", "cold", "python", "imports", *MODES)}
            for k in range(args.runs):
                got["opencc"].append(timed(opencc, env)[0])
                clean(project, Path(env["SIZHENG_EDITION_CACHE"]))
                got["cold"].append(timed(edition, env)[0])
                got["python"].append(timed([*python, "-c", "pass"], env)[0])
                got["imports"].append(timed(importer, env)[0])
                # Each into a new folder, no removal just before; the order turns with
                # each run: on a file system mounted with ``discard`` (this machine's),
                # removing files slows the next writes, whichever way they write.
                for mode in MODES[k % len(MODES) :] + MODES[: k % len(MODES)]:
                    got[mode].append(write_once(python, held, dest / mode, mode, env))
                shutil.rmtree(dest)
                got["opencc"].append(timed(opencc, env)[0])  # before and after: the load drifts
            size = sum(len(data) for _, data in pages)
            count = len(modules.read_text().split())
            print(
                f"\n{n or 'real (3)'} sources: {len(pages)} pages, {size / 2**20:.1f} MiB; "
                f"the cold run had imported {count} modules\n"
            )
            print("| measure | s (min / median) | ÷ OpenCC (min / median) |")
            print("|---|---:|---:|")
            floor = got["opencc"]
            print(f"| raw OpenCC process | {min(floor):.3f} / {statistics.median(floor):.3f} | 1.0× / 1.0× |")
            labels = {
                "cold": "edition generate, cold",
                "python": "python -c pass",
                "imports": "python + the cold run's imports",
                **{mode: f"writing the pages: {mode}" for mode in MODES},
            }
            for key, label in labels.items():
                print(f"| {label} | {cell(got[key], floor)} |", flush=True)
            shutil.rmtree(project)


if __name__ == "__main__":
    main()
