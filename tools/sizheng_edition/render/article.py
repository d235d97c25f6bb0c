"""An Article as a MyST page: pure function from the model to text.

All source-derived text passes through ``escape``; everything else is markup
this module writes itself.  Notes become MyST footnotes, which docutils turns
into footnote nodes: linked and back-linked in HTML, real footnotes in LaTeX.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from sizheng_edition.build.normalise import RULES
from sizheng_edition.model import labels
from sizheng_edition.model.edition import (
    Article,
    Block,
    BlockKind,
    Cell,
    EditionSource,
    Note,
    NoteKind,
    Rule,
    Supplied,
)
from sizheng_edition.model.plan import Script
from sizheng_edition.model.source import LineRef
from sizheng_edition.render import page_paths
from sizheng_edition.render.article_names import who
from sizheng_edition.render.concordance import EDITED_RULES, Link
from sizheng_edition.render.escape import escape, role_content
from sizheng_edition.render.invisible import label_invisible
from sizheng_edition.render.parallel import original_text, witness_lines
from sizheng_edition.render.references import line_ref, paragraph_ref, ref, target, term_link

# The sign of each edited rule in the text (edition.css): an emendation corrects the
# witness, a conversion only the edition's converter, so the reader must tell them apart.
SIGN_OF = {Rule.EMENDATION: "emended", Rule.SCRIPT: "converted"}

NOTE_LABELS = {
    NoteKind.JOIN: "Join",
    NoteKind.MOVE: "Move",
    NoteKind.LACUNA: "Lacuna",
    NoteKind.EMENDATION: "Emendation",
    NoteKind.CONVERSION: "Conversion",
    NoteKind.SIC: "Sic",
    NoteKind.DROP: "Dropped line",
    NoteKind.NORMALISATION: "Normalisation summary",
}


class _Notes:
    """Numbers the notes of one page in reading order and keeps their texts."""

    def __init__(self, src: EditionSource) -> None:
        self.src = src
        self.defs: list[str] = []

    def mark(self, note: Note) -> str:
        label = f"n{len(self.defs) + 1}"  # a footnote's name on this page only: not a citable label
        lines = ", ".join(line_ref(r, str(r.line)) for r in note.lines)
        where = f"{escape(self.src.source.name)}, line{'s' if len(note.lines) > 1 else ''} {lines}"
        text = f"**{NOTE_LABELS[note.kind]}** ({where}). {escape(note.text)}{_see(self.src, note)}"
        self.defs.append(f"[^{label}]: {text}")
        return f"[^{label}]"


def _see(src: EditionSource, note: Note) -> str:
    """The link to the other end of a move: the article, and the paragraph that prints
    the note's lines if that article prints them."""
    other = next((a for a in src.articles if a.id == note.see), None)
    if other is None:
        return ""
    name = f"{who(other)}, {other.title.text}"
    where = next(
        (d.paragraph for d in src.dispositions if d.line == note.lines[0].line and d.article == other.id),
        None,
    )
    para = f", {paragraph_ref(other.id, where)}" if where is not None else ""
    return f" See {ref(labels.article_label(other.id), name)}{para}."


LinkFinder = Callable[[Block], list[Link]]


def _no_links(block: Block) -> list[Link]:
    return []


def render_article(src: EditionSource, article: Article, find_links: LinkFinder = _no_links) -> str:
    notes = _Notes(src)
    out = [
        _front_matter(article),
        target(labels.article_label(article.id)),
        f"# {_inline(article.title, notes)}",
        "",
    ]
    out += _original(src, article.title)
    out += _byline(src, article, notes)
    out += _provenance(src, article)
    out += _body(src, article, notes, find_links)
    out += _original_forms(src, article)
    out += _cite(article)
    out += ["", *notes.defs, ""] if notes.defs else []
    return "\n".join(out).rstrip("\n") + "\n"


def _cite(article: Article) -> list[str]:
    """The citation block; its values are quoted, as MyST reads directive options as YAML."""
    author = f":author: {_quoted(article.author.text)}" if article.author else ""
    title = f":title: {_quoted(article.title.text)}"
    # The plan's English description: the page's meta description and the citation metadata.
    about = f":description: {_quoted(article.description)}" if article.description else ""
    return ["```{cite-article}", *filter(None, [author, title, about]), "```", ""]


def _quoted(text: str) -> str:
    # Plain text, not markup: a private-use character as its label, which a reader can copy.
    return json.dumps(label_invisible(text), ensure_ascii=False)


def _front_matter(article: Article) -> str:
    return f"---\nlang: zh-Hans\narticle: {article.id}\n---\n"


def _inline(block: Block, notes: _Notes, links: Sequence[Link] = ()) -> str:
    """Escaped text of ``block`` with note markers, emended spans and glossary links."""
    marks: dict[int, list[str]] = {}
    for anchor in block.anchors:
        marks.setdefault(anchor.after, []).append(notes.mark(anchor.note))
    starts = {link.first: link for link in links}
    parts: list[str] = []
    plain: list[str] = []  # consecutive unedited characters, escaped as one run
    run: list[str] = []  # consecutive edited characters of one rule, shown as one span
    sign = ""

    def flush() -> None:  # at most one of plain and run holds characters
        if plain:
            parts.append(escape("".join(plain)))
            plain.clear()
        if run:
            parts.append(f"[{escape(''.join(run))}]{{.{sign}}}")
            run.clear()

    outs, rules = block.positions()
    # Stretch by stretch, not position by position: between two cuts every position has
    # one rule and no link starts or note is marked (the loop is what it was per position).
    cuts = _cuts(block, starts.values(), marks)
    i = 0
    while i < len(outs):
        if i in starts:
            flush()
            link = starts[i]
            parts.append(term_link(link.surface, link.term))
            i = link.end
        else:
            end = cuts[bisect_right(cuts, i)]
            rule = rules[i]
            if isinstance(rule, Rule) and rule in EDITED_RULES:
                if plain or SIGN_OF[rule] != sign:
                    flush()
                    sign = SIGN_OF[rule]
                run += outs[i:end]
            elif not isinstance(rule, Supplied):
                if run:
                    flush()
                plain += outs[i:end]
            else:
                flush()
                parts.append(f"[{escape(outs[i])}]{{.supplied}}")
                end = i + 1
            i = end
        if i in marks:
            flush()
            parts.extend(marks.pop(i))
    flush()
    for rest in marks.values():
        parts.extend(rest)
    return "".join(parts)


def _cuts(block: Block, links: Iterable[Link], marks: Iterable[int]) -> list[int]:
    """Sorted positions of ``block`` where its rule may change (the edges of each span,
    edit and supplied text), a link starts or ends, or a note is marked; the last is
    the block's size, so every position has a cut after it."""
    cuts = {block.size}
    at = 0
    for s in block.spans:
        cuts.add(at)
        if isinstance(s, Supplied):
            at += 1
            continue
        for e in s.edits:
            cuts.add(at + e.offset)
            cuts.add(at + e.offset + e.length)
        at += len(s.raw)
    for link in links:
        cuts.add(link.first)
        cuts.add(link.end)
    cuts.update(marks)
    return sorted(c for c in cuts if c <= block.size)


def _byline(src: EditionSource, article: Article, notes: _Notes) -> list[str]:
    out = []
    for block, cls in ((article.author, "byline"), (article.affiliation, "affiliation")):
        if block is not None:
            out += [f"{{.{cls}}}", _inline(block, notes), ""]
    if src.script is Script.CONVERTED_TRADITIONAL and article.author is not None:
        line = article.author.lines[0]
        out += original_text(src.source.line(line))
    return out


def _original(src: EditionSource, block: Block) -> list[str]:
    if src.script is not Script.CONVERTED_TRADITIONAL:
        return []
    return original_text(block.raw)


def _original_forms(src: EditionSource, article: Article) -> list[str]:
    """The apparatus to the traditional original: the converter's errors it keeps, each
    with its correct form and the lines of this article where it occurs."""
    printed = {n for b in article.blocks for n in b.lines}
    rows = []
    for f in src.original_forms:
        lines = [n for n in f.lines if n in printed]
        if not lines:
            continue
        where = ", ".join(
            line_ref(LineRef(src.source.key, n)) + (f" (×{lines.count(n)})" if lines.count(n) > 1 else "")
            for n in dict.fromkeys(lines)
        )
        form, correct = (f"{{lang-zht}}`{role_content(t)}`" for t in (f.form, f.correct))
        rows.append(f"| {form} | {correct} | {where} | {escape(f.reason)} |")
    if not rows:
        return []
    return [
        "````{lang} en",
        ":class: original-forms",
        "",
        "```{rubric} Conversion errors in the traditional original",
        "```",
        "",
        "The witness was converted from simplified by machine. Where one simplified character "
        "stands for two traditional ones, the converter often kept the simplified form. The "
        "traditional original keeps these forms as printed; they are listed here with the form a "
        "correct traditional text has. The simplified reading text is not affected.",
        "",
        "| Printed | Correct | Lines | Why |",
        "|---|---|---|---|",
        *rows,
        "````",
        "",
    ]


def _provenance(src: EditionSource, article: Article) -> list[str]:
    spans = ", ".join(_span_link(src, a, b) for a, b in _spans(src, article))
    here = page_paths.article(article.source, article.id)
    rules = page_paths.relative(page_paths.NORMALISATION_RULES, here)
    counts = dict(article.rule_counts)
    summary = "; ".join(
        f"{counts[rule]} × {escape(text)}" for rule, text in RULES.items() if counts.get(rule)
    )
    return [
        "```{lang} en",
        ":class: provenance",
        "",
        f"**Source** {ref(labels.transcription_label(src.source.key), src.source.key)} "
        f"({escape(src.source.name)}), lines {spans}.",
        "",
        f"**Normalisation summary** {summary or 'none'}. {{doc}}`The rules <{rules}>`.",
        *_as_printed(src, article),
        "```",
        "",
    ]


def _as_printed(src: EditionSource, article: Article) -> list[str]:
    """Where the edition's layout departs from the witness's: said, with the line."""
    said = [*_affiliation_place(src, article), *_column_label(src, article)]
    if any(b.kind is BlockKind.ABSTRACT for b in article.body):
        said.append(
            "The witness prints the abstract without a label; the rubric “Abstract” is the "
            "editor's, and the abstract is numbered ¶1 with the body."
        )
    return ["", f"**As printed** {' '.join(said)}"] if said else []


def _affiliation_place(src: EditionSource, article: Article) -> list[str]:
    author, affil = article.author, article.affiliation
    if author is None or affil is None:
        return []
    at = line_ref(LineRef(src.source.key, affil.lines[0]))
    first_body = min((n for b in article.body for n in b.lines), default=affil.lines[0])
    if affil.lines[0] > first_body:
        return [
            f"The witness prints the affiliation at the foot of the article (line {at}); "
            "the edition gives it under the byline."
        ]
    author_col = min(c.col for c in author.items if isinstance(c, Cell) and c.out)
    affil_cells = [c for c in affil.items if isinstance(c, Cell) and c.out]
    if affil.lines == author.lines and affil_cells and affil_cells[0].col < author_col:
        return [
            f"The witness prints the affiliation before the name on the byline (line {at}); "
            "the edition gives the name first."
        ]
    return []


def _column_label(src: EditionSource, article: Article) -> list[str]:
    """The journal's column label, stated on the article it stands over."""
    labels_ = [d for d in src.dispositions if d.metadata_key == "column"]
    if not labels_:
        return []
    label = labels_[0]
    text = escape(src.source.line(label.line).strip())
    at = line_ref(LineRef(src.source.key, label.line))
    first = min(a.title.lines[0] for a in src.articles)
    if article.title.lines[0] == first and label.line < first:
        return [f"Printed under the journal's column label {text} (line {at})."]
    return [
        f"The journal's column label {text} (line {at}) stands once, over the first article "
        "on the page; the witness does not say whether it covers this one too."
    ]


def _spans(src: EditionSource, article: Article) -> list[tuple[int, int]]:
    """The article's source lines in reading order, as runs of adjacent lines."""
    order: list[int] = []
    for block in article.blocks:
        order += [n for n in block.lines if n not in order]
    spans: list[list[int]] = []
    for n in order:
        if spans and _adjacent(src, spans[-1][1], n):
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return [(a, b) for a, b in spans]


def _adjacent(src: EditionSource, a: int, b: int) -> bool:
    return b > a and all(not src.source.line(n).strip() for n in range(a + 1, b))


def _span_link(src: EditionSource, first: int, last: int) -> str:
    start = line_ref(LineRef(src.source.key, first))
    return start if first == last else f"{start}–{line_ref(LineRef(src.source.key, last))}"


def _body(src: EditionSource, article: Article, notes: _Notes, find_links: LinkFinder) -> list[str]:
    out: list[str] = []
    keywords = [b for b in article.body if b.kind is BlockKind.KEYWORD]
    for block in article.body:
        if block.kind is BlockKind.KEYWORD:
            if block is keywords[0]:
                out += _keywords(src, keywords, notes)
            continue
        out += _block(src, article, block, notes, find_links(block))
    return out


def _block(src: EditionSource, article: Article, block: Block, notes: _Notes, links: list[Link]) -> list[str]:
    text = _inline(block, notes, links)
    if block.kind is BlockKind.HEADING:
        out = [f"{'#' * (block.level + 1)} {text}", ""]
    elif block.kind is BlockKind.REFERENCE:
        out = ["```{rubric} References", "```", ""] if _first_reference(article, block) else []
        out += ["{.reference}", text, ""]
    else:
        head = ["```{rubric} Abstract", "```", ""] if block.kind is BlockKind.ABSTRACT else []
        out = [*head, f"{{pn}}`{block.number}`{text}", ""]
    # Headings go without: their lines are on the transcription, and a heading's block
    # beside it would break the two columns where the view lays them out.
    lines = witness_lines(src, block) if block.kind is not BlockKind.HEADING else []
    return out + lines + _original(src, block)


def _first_reference(article: Article, block: Block) -> bool:
    return next(b for b in article.body if b.kind is BlockKind.REFERENCE) is block


def _keywords(src: EditionSource, keywords: list[Block], notes: _Notes) -> list[str]:
    out = ["```{rubric} Keywords", "```", ""]
    out += [f"- {_inline(k, notes)}" for k in keywords]
    out.append("")
    if src.script is Script.CONVERTED_TRADITIONAL:
        out += original_text(src.source.line(keywords[0].lines[0]))
    return out
