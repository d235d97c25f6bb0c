"""The edition's command line: generate writes the MyST pages; check proves that nothing
was lost and nothing is stale. Bad input exits with status 2 and one line FILE:LINE: message.

Kept as the first paragraph of --help."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.errors import EditionError
from sizheng_edition.output import edition_lock, write_if_changed
from sizheng_edition.project import ProjectPaths

# Each command imports what it alone needs (the checks, the draft's jieba, the
# renderers): Python's start-up and the imports were most of an editor's ``generate``.


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=88)  # fixed: the reference must not depend on the terminal


@dataclass(frozen=True)
class Command:
    """One subcommand: its help, its own arguments, and what it runs."""

    help: str
    description: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edition", description=__doc__.split("\n\n")[0], formatter_class=_formatter
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub_parser = sub.add_parser(
            name, help=command.help, description=command.description, formatter_class=_formatter
        )
        command.arguments(sub_parser)
        sub_parser.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.run(args)
        return result
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output went away (`edition cli-reference | head`): stop
        # quietly, as Python's documentation advises, instead of a traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def cmd_generate(args: argparse.Namespace) -> int:
    from sizheng_edition.pipeline import render_edition, write_edition

    paths = ProjectPaths(args.root)
    edition = render_edition(paths)
    with edition_lock(paths.edition):
        written, removed = write_edition(paths, edition)
    print(f"generated {len(written)} changed file(s), removed {len(removed)} stale file(s)")
    for rel in written:
        print(f"  wrote {rel}")
    for rel in removed:
        print(f"  removed {rel}")
    cached = len(edition.sources) - len(edition.built)
    print(f"built {len(edition.built)} source(s), {cached} unchanged from the cache")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sizheng_edition.check.current import stale
    from sizheng_edition.check.nothing_lost import check_source
    from sizheng_edition.pipeline import load_all
    from sizheng_edition.render.pages import edition_files

    paths = ProjectPaths(args.root)
    sources, glossary = load_all(paths)
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
    files = edition_files(sources, glossary)
    with edition_lock(paths.edition, shared=True):
        outdated = stale(paths, files)
    for rel in outdated:
        print(f"{paths.edition / rel}: stale; run 'edition generate'", file=sys.stderr)
    return 1 if failures or outdated else 0


def _draft_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("witness", type=Path, help="the new witness (a UTF-8 text file)")
    parser.add_argument("-o", "--output", type=Path, help="write the draft here instead of printing it")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="the proposed structure line by line, as JSON")
    shape.add_argument(
        "--explain", action="store_true", help="each decision with its evidence and the alternatives rejected"
    )


def cmd_draft(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    from sizheng_edition.draft import draft  # jieba and its dictionary: only for a draft
    from sizheng_edition.load.seeds import read_source

    drafted = draft(read_source(args.witness))
    if args.json:
        text = drafted.json_text()
    else:
        text = drafted.explain_text() if args.explain else drafted.plan_text()
    if output is None:
        print(text, end="")
    else:
        write_if_changed(output, text)
        print(f"wrote {output}: review it before saving it as conf/plans/<key>.yaml")
    return 0


def cmd_cli_reference(args: argparse.Namespace) -> int:
    print(cli_reference(), end="")
    return 0


def cli_reference() -> str:
    parser = build_parser()
    parts = [
        "# Command-line reference\n",
        "Generated by `edition cli-reference` from the parser itself (`sizheng_edition/cli.py`); a test",
        "fails when this file differs from it. Every command exits with status 2 and one line",
        "`error: FILE:LINE: message` on bad input.\n",
        "## edition\n",
        f"```text\n{parser.format_help()}```\n",
    ]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts.append(f"## edition {name}\n\n```text\n{sub.format_help()}```\n")
    return "\n".join(parts)


COMMANDS = {
    "generate": Command(
        "regenerate edition/texts and edition/glossary from seeds/ and conf/",
        "Read every seed and its plan and the glossary, and rewrite the generated MyST pages "
        "whose content changed; remove generated pages that no longer have a source.",
        cmd_generate,
    ),
    "check": Command(
        "prove every source character is accounted for and edition/ is current",
        "Account for every character of every source line (printed, removed by a named rule, "
        "or in a dropped, metadata or whitespace-only line) and compare the generated pages "
        "with what 'generate' would write. Exit status 1 on any problem.",
        cmd_check,
    ),
    "draft": Command(
        "propose a plan for a new witness, with evidence and confidence",
        "Read a new witness and write a proposed plan: script and layout detected, titles, "
        "bylines, affiliations, headings (also wrapped ones) and paragraphs, and on an "
        "interleaved page the fragments of each article and the joins across column breaks, "
        "each with its evidence and a confidence. What the draft is unsure of it says in "
        "comments; nothing in it is decided. Review it, then save it as conf/plans/<key>.yaml.",
        cmd_draft,
        _draft_arguments,
    ),
    "cli-reference": Command(
        "print this command-line reference as Markdown",
        "Print the reference for every command, generated from the parser itself; docs/cli.md is its output.",
        cmd_cli_reference,
    ),
}
