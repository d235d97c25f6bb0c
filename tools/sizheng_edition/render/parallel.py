"""What a paragraph can be read beside: its witness lines with their fates, and for a
converted witness its traditional original (sphinxext/views.py renders both as
``<details>`` after the paragraph)."""

from __future__ import annotations

from sizheng_edition.model.edition import Block, EditionSource, NoteKind
from sizheng_edition.model.plan import Script
from sizheng_edition.model.source import LineRef
from sizheng_edition.render.escape import escape
from sizheng_edition.render.invisible import show_spaces
from sizheng_edition.render.references import line_ref

# A line's fate as the paragraph's notes know it; a line with none of these is kept.
FATE_OF = {
    NoteKind.JOIN: "joined",
    NoteKind.MOVE: "moved",
    NoteKind.LACUNA: "lacuna",
    NoteKind.DROP: "dropped",
}
KEPT = "kept"


def witness_fates(src: EditionSource, block: Block) -> list[tuple[int, str]]:
    """The block's source lines in reading order, then the dropped lines noted here, each
    with its fates (a line can be both moved and joined).  A move is noted at both ends;
    its lines are listed only beside the paragraph that prints them."""
    fates: dict[int, list[str]] = {n: [] for n in block.lines}
    for anchor in block.anchors:
        fate = FATE_OF.get(anchor.note.kind)
        if fate is None:
            continue
        for ref in anchor.note.lines:
            elsewhere = ref.line not in fates and anchor.note.kind is not NoteKind.DROP
            if ref.source != src.source.key or elsewhere:
                continue
            if fate not in fates.setdefault(ref.line, []):
                fates[ref.line].append(fate)
    return [(n, ", ".join(f) or KEPT) for n, f in fates.items()]


def witness_lang(src: EditionSource) -> str:
    return "zh-Hant" if src.script is Script.CONVERTED_TRADITIONAL else "zh-Hans"


def witness_lines(src: EditionSource, block: Block) -> list[str]:
    """The diplomatic lines a block comes from, as a compact list linked to the
    transcription; the summary names the span as ``000:31–35``."""
    fates = witness_fates(src, block)
    key = src.source.key
    numbers = [n for n, _ in fates]
    first, last = min(numbers), max(numbers)
    span = f"{key}:{first}" + (f"–{last}" if last != first else "")
    items = []
    for n, fate in fates:
        raw = src.source.line(n)
        text = escape(show_spaces(raw))
        parts = [line_ref(LineRef(key, n), str(n)), text, f"{{lang-en}}`{fate}`"]
        items.append("- " + " ".join(p for p in parts if p))
    return [
        "````{parallel} witness-lines",
        f":lang: {witness_lang(src)}",
        f":summary: Source line{'s' if len(numbers) > 1 else ''} {span}",
        "",
        *items,
        "````",
        "",
    ]


def original(src: EditionSource, block: Block) -> list[str]:
    """The traditional witness beside a block of a converted witness."""
    if src.script is not Script.CONVERTED_TRADITIONAL:
        return []
    return original_text(block.raw)


def original_text(raw: str) -> list[str]:
    return [
        "````{parallel} original",
        ":lang: zh-Hant",
        ":summary: Traditional original",
        "",
        escape(raw.strip()),
        "````",
        "",
    ]
