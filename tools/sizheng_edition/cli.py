"""The edition's command line: generate writes the MyST pages; check proves that nothing
was lost and nothing is stale. Bad input exits with status 2 and one line FILE:LINE: message.

Kept as the first paragraph of --help."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sizheng_edition.check.nothing_lost import check_source
from sizheng_edition.draft import draft
from sizheng_edition.errors import EditionError
from sizheng_edition.load.seeds import read_source
from sizheng_edition.output import stale_pages, sync_tree, write_if_changed
from sizheng_edition.pipeline import Layout, load_all
from sizheng_edition.render.pages import GENERATED_DIRS, edition_files


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=88)  # fixed: the reference must not depend on the terminal


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edition", description=__doc__.split("\n\n")[0], formatter_class=_formatter
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (helptext, description) in SUBCOMMANDS.items():
        command = sub.add_parser(name, help=helptext, description=description, formatter_class=_formatter)
        if name == "draft":
            command.add_argument("witness", type=Path, help="the new witness (a UTF-8 text file)")
            command.add_argument(
                "-o", "--output", type=Path, help="write the draft here instead of printing it"
            )
    return parser


SUBCOMMANDS = {
    "generate": (
        "regenerate edition/texts and edition/glossary from seeds/ and conf/",
        "Read every seed and its plan and the glossary, and rewrite the generated MyST pages "
        "whose content changed; remove generated pages that no longer have a source.",
    ),
    "check": (
        "prove every source character is accounted for and edition/ is current",
        "Account for every character of every source line (printed, removed by a named rule, "
        "or in a dropped, metadata or whitespace-only line) and compare the generated pages "
        "with what 'generate' would write. Exit status 1 on any problem.",
    ),
    "draft": (
        "propose a plan for a new witness, with evidence and confidence",
        "Read a new witness and write a proposed plan: script and layout detected, titles, "
        "bylines, affiliations, headings (also wrapped ones) and paragraphs, and on an "
        "interleaved page the fragments of each article and the joins across column breaks, "
        "each with its evidence and a confidence. What the draft is unsure of it says in "
        "comments; nothing in it is decided. Review it, then save it as conf/plans/<key>.yaml.",
    ),
    "cli-reference": (
        "print this command-line reference as Markdown",
        "Print the reference for every command, generated from the parser itself; docs/cli.md is its output.",
    ),
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "draft":
            return cmd_draft(args.witness, args.output)
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


def cmd_draft(witness: Path, output: Path | None) -> int:
    text = draft(read_source(witness)).plan_text()
    if output is None:
        print(text, end="")
    else:
        write_if_changed(output, text)
        print(f"wrote {output}: review it before saving it as conf/plans/<key>.yaml")
    return 0


def cmd_cli_reference(layout: Layout) -> int:
    print(cli_reference(), end="")
    return 0


def cli_reference() -> str:
    parser = build_parser()
    parts = [
        "# Command-line reference\n",
        "Generated by `edition cli-reference` from the parser itself (`tools/cli.py`); a test",
        "fails when this file differs from it. Every command exits with status 2 and one line",
        "`error: FILE:LINE: message` on bad input.\n",
        "## edition\n",
        f"```text\n{parser.format_help()}```\n",
    ]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts.append(f"## edition {name}\n\n```text\n{sub.format_help()}```\n")
    return "\n".join(parts)


COMMANDS = {"generate": cmd_generate, "check": cmd_check, "cli-reference": cmd_cli_reference}
