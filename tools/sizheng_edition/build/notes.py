"""The wording of editorial notes: evidence quoted from the source, then the editor's reason.

Notes are plain text; the renderer escapes them and turns their LineRefs into
links to the diplomatic transcription.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sizheng_edition.build.normalise import RULES
from sizheng_edition.model.edition import Note, NoteKind, Rule
from sizheng_edition.model.plan import Drop, Emendation, EmendationKind, Join, JoinKind, LineRange
from sizheng_edition.model.source import LineRef
from sizheng_edition.text.chars import WHITESPACE_CHARS

QUOTE = 8  # characters of evidence quoted from each side of a break


def refs(source: str, lines: Iterable[int]) -> tuple[LineRef, ...]:
    return tuple(LineRef(source, n) for n in lines)


def _tail(text: str) -> str:
    return text.rstrip(WHITESPACE_CHARS)[-QUOTE:]


def _head(text: str) -> str:
    return text.strip(WHITESPACE_CHARS)[:QUOTE]


def _sentence(text: str) -> str:
    """The editor's reason as a sentence: capitalised, with a full stop."""
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def join(lines: tuple[LineRef, ...], join: Join, before: str, after: str) -> Note:
    a, b = lines[0].line, lines[-1].line
    evidence = f"Line {a} ends “…{_tail(before)}” and line {b} begins “{_head(after)}…”."
    kind = {
        JoinKind.WORD: "A word split across the column break is rejoined.",
        JoinKind.SENTENCE: "The sentence runs on across the column break.",
        JoinKind.PARAGRAPH: "The article continues with a new paragraph.",
    }[join.kind]
    return Note(NoteKind.JOIN, f"{evidence} {kind} {_sentence(join.reason)}", lines)


def move(lines: tuple[LineRef, ...], span: LineRange, reason: str, host: str | None) -> Note:
    """The note where moved lines are printed; ``host`` is the article they stand under."""
    return Note(NoteKind.MOVE, f"Lines {span} are moved here. {_sentence(reason)}", lines, see=host)


def moved_away(lines: tuple[LineRef, ...], span: LineRange, receiver: str) -> Note:
    """The note at the other end of a move: the article whose byline stands over the lines."""
    text = (
        f"Lines {span}, printed in the source between this article's byline and its text, "
        "belong to another article and are printed there."
    )
    return Note(NoteKind.MOVE, text, lines, see=receiver)


def lacuna(lines: tuple[LineRef, ...], reason: str, first_line: str) -> Note:
    text = (
        f"Text is lost before line {lines[0].line}, which begins “{_head(first_line)}…”. {_sentence(reason)}"
    )
    return Note(NoteKind.LACUNA, text, lines)


def drop(lines: tuple[LineRef, ...], drop_plan: Drop, texts: list[str]) -> Note:
    quoted = "; ".join(f"“{t.strip()}”" for t in texts if t.strip())
    span = drop_plan.lines
    label = "Line" if span.first == span.last else "Lines"
    return Note(NoteKind.DROP, f"{label} {span} ({quoted}) dropped. {_sentence(drop_plan.reason)}", lines)


def emendation(lines: tuple[LineRef, ...], em: Emendation) -> Note:
    n = em.line
    if em.kind is EmendationKind.SIC:
        text = f"Line {n} prints “{em.find}”, kept as printed (sic); perhaps “{em.replace}”."
        return Note(NoteKind.SIC, f"{text} {_sentence(em.reason)}", lines)
    if em.kind is EmendationKind.SCRIPT:
        text = (
            f"The witness is right here: the edition's converter (OpenCC t2s) turns line {n} into "
            f"“{em.find}”, and its output, not the witness, is corrected to “{em.replace}”."
        )
        return Note(NoteKind.CONVERSION, f"{text} {_sentence(em.reason)}", lines)
    text = f"Line {n} prints “{em.find}”; emended to “{em.replace}”."
    return Note(NoteKind.EMENDATION, f"{text} {_sentence(em.reason)}", lines)


def normalisation_summary(counts: Counter[Rule], source: str, lines: list[int]) -> Note:
    parts = [f"{counts[name]} × {RULES[name]}" for name in RULES if counts.get(name)]
    text = "; ".join(parts) + "." if parts else "No normalisation rule applied."
    return Note(NoteKind.NORMALISATION, text, refs(source, lines[:1]))
