"""Command line: ``edition generate`` writes the MyST pages, ``edition check`` proves
nothing was lost and nothing is stale.  Bad input exits 2 with ``file:line: message``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_source
from .errors import EditionError
from .generate import GENERATED_DIRS, edition_files
from .output import stale_pages, sync_tree
from .pipeline import Layout, load_all


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("generate", help="regenerate edition/texts and edition/glossary from seeds/ and conf/")
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
    sources, glossary = load_all(layout)
    written, removed = sync_tree(layout.edition, GENERATED_DIRS, edition_files(sources, glossary))
    print(f"generated {len(written)} changed file(s), removed {len(removed)} stale file(s)")
    for rel in written:
        print(f"  wrote {rel}")
    for rel in removed:
        print(f"  removed {rel}")
    return 0


def cmd_check(layout: Layout) -> int:
    sources, glossary = load_all(layout)
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
    stale = _stale(layout, edition_files(sources, glossary))
    for rel in stale:
        print(f"{layout.edition / rel}: stale; run 'edition generate'", file=sys.stderr)
    return 1 if failures or stale else 0


def _stale(layout: Layout, files: dict[str, str]) -> list[str]:
    """Generated pages that differ from what the tools would write, or should not exist."""
    stale = []
    for rel, text in sorted(files.items()):
        path = layout.edition / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale + stale_pages(layout.edition, GENERATED_DIRS, files)


COMMANDS = {"generate": cmd_generate, "check": cmd_check}
