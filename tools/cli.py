"""Command line: ``edition generate`` writes the MyST pages, ``edition check`` proves
nothing was lost and nothing is stale.  Bad input exits 2 with ``file:line: message``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_source
from .errors import EditionError
from .generate import edition_files
from .output import sync_tree
from .pipeline import Layout, load_edition


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("generate", help="regenerate edition/texts from seeds/ and conf/plans/")
    sub.add_parser("check", help="prove every source character is accounted for and edition/ is current")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](Layout(args.root))
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def cmd_generate(layout: Layout) -> int:
    sources = load_edition(layout)
    written, removed = sync_tree(layout.generated, edition_files(sources))
    print(f"generated {len(written)} changed file(s), removed {len(removed)} stale file(s)")
    for rel in written:
        print(f"  wrote {rel}")
    for rel in removed:
        print(f"  removed {rel}")
    return 0


def cmd_check(layout: Layout) -> int:
    sources = load_edition(layout)
    failures = 0
    for src in sources:
        problems, tally = check_source(src)
        for problem in problems:
            print(problem, file=sys.stderr)
        failures += len(problems)
        print(
            f"{src.source.name}: {tally.lines} lines; {tally.printed} characters printed, "
            f"{tally.removed} removed by a named rule, {tally.discarded} in dropped, metadata "
            f"or layout lines: {'OK' if not problems else f'{len(problems)} problem(s)'}"
        )
    stale = _stale(layout, edition_files(sources))
    for rel in stale:
        print(f"{layout.generated / rel}: stale; run 'edition generate'", file=sys.stderr)
    return 1 if failures or stale else 0


def _stale(layout: Layout, files: dict[str, str]) -> list[str]:
    stale = []
    for rel, text in sorted(files.items()):
        path = layout.generated / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    if layout.generated.exists():
        stale += sorted(
            p.relative_to(layout.generated).as_posix()
            for p in layout.generated.rglob("*.md")
            if p.relative_to(layout.generated).as_posix() not in files
        )
    return stale


COMMANDS = {"generate": cmd_generate, "check": cmd_check}
