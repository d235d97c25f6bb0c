"""A source's diplomatic transcription: every line as received, numbered, in runs of
lines that went to the same place, each run headed by an arrow to where it went in the
edition or why it is not printed."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.model import labels
from sizheng_edition.model.edition import Article, Disposition, EditionSource, Fate
from sizheng_edition.render import page_paths
from sizheng_edition.render.article_names import who
from sizheng_edition.render.escape import escape
from sizheng_edition.render.invisible import CLOSE, KEPT, OPEN, VISIBLE_SPACE, show_spaces
from sizheng_edition.render.references import doc_link, ref, target


def render_transcription(src: EditionSource) -> str:
    key = src.source.key
    titles = {a.id: a for a in src.articles}
    lines = [
        # Not in the search index: the witness repeats the reading text with its
        # column breaks, so hits would duplicate the articles' (docs/search.md).
        "---\nlang: zh-Hans\nnosearch: true\n---\n",
        target(labels.transcription_label(key)),
        f"# Source {key}: diplomatic transcription",
        "",
        "```{lang} en",
        ":class: provenance",
        "",
        f"{escape(src.source.name)}, exactly as received: {len(src.source.lines)} lines, "
        f"SHA-256 {src.source.sha256}. {VISIBLE_SPACE} marks a space in the source. The "
        "lines are grouped in runs that went to the same place: before each run, an arrow "
        "names the article paragraph it went to, or why it is not printed there, and the "
        "numbers of the empty lines within it." + _marks_note(src),
        "```",
        "",
    ]
    for run in _runs(src, titles):
        lines += _run(src, run)
    return "\n".join(lines) + "\n"


def _marks_note(src: EditionSource) -> str:
    """Said only on pages that show a mark, so that the others stay as they were."""
    if not any(KEPT.search(line) for line in src.source.lines):
        return ""
    return (
        f" {OPEN}…{CLOSE} marks a character the witness holds that no reader would see: "
        "a zero-width character by its short name, a private-use character by its code "
        "point; the mark's title names it."
    )


@dataclass(frozen=True)
class _Run:
    """Consecutive lines with one destination, and the empty lines among or after them."""

    destination: str
    lines: tuple[Disposition, ...]
    empty: tuple[Disposition, ...]


def _is_empty(src: EditionSource, fate: Disposition) -> bool:
    return fate.fate is Fate.BLANK and not src.source.line(fate.line)


def _runs(src: EditionSource, titles: dict[str, Article]) -> list[_Run]:
    """Fates summarised per run rather than per line: a hard-wrapped page would
    otherwise repeat the same arrow on every line (and an empty line between every two)."""
    runs: list[_Run] = []
    # A destination depends on all of a fate but its line: made once for each, not for
    # each of the lines that share it (15,000 lines, 2,400 destinations at 300 sources).
    made: dict[tuple[object, ...], str] = {}
    for fate in src.dispositions:
        if _is_empty(src, fate):
            if runs:
                runs[-1] = _Run(runs[-1].destination, runs[-1].lines, (*runs[-1].empty, fate))
            else:
                runs.append(_Run("", (), (fate,)))
            continue
        where = (fate.fate, fate.article, fate.paragraph, fate.block, fate.metadata_key, fate.drop_reason)
        if where not in made:
            made[where] = _destination(fate, titles)
        destination = made[where]
        if runs and runs[-1].destination == destination:
            runs[-1] = _Run(destination, (*runs[-1].lines, fate), runs[-1].empty)
        else:
            runs.append(_Run(destination, (fate,), ()))
    return runs


def _run(src: EditionSource, run: _Run) -> list[str]:
    key = src.source.key
    numbers = [f.line for f in (*run.lines, *run.empty)]
    span = f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else str(numbers[0])
    head = f"Lines {span}" if len(numbers) > 1 else f"Line {span}"
    if run.destination:
        head += f" {run.destination}"
    if run.empty:
        anchors = " ".join(f"{{ln}}`{labels.line_citation(key, f.line)}`" for f in run.empty)
        head += f" · empty: {anchors}" if run.lines else f" empty: {anchors}"
    out = ["{.srcrun}", head, ""]
    for fate in run.lines:
        raw = src.source.line(fate.line)
        text = escape(show_spaces(raw))
        out += ["{.srcline}", f"{{ln}}`{labels.line_citation(key, fate.line)}` {text}".rstrip(), ""]
    return out


def _destination(fate: Disposition, titles: dict[str, Article]) -> str:
    if fate.fate is Fate.METADATA:
        return f"→ metadata: {escape(fate.metadata_key or '')}"
    if fate.fate is Fate.BLANK:
        return "→ whitespace only"
    if fate.article is None:
        raise ValueError(f"line {fate.line} is {fate.fate.value} but names no article")
    article = titles[fate.article]
    name = who(article)
    page = page_paths.relative(
        page_paths.article(article.source, article.id), page_paths.transcription(article.source)
    )
    if fate.fate is Fate.DROPPED:
        return f"→ dropped, noted in {doc_link(name, page)}"
    if fate.paragraph:
        return f"→ {escape(name)} {ref(labels.paragraph_label(article.id, fate.paragraph))}"
    if fate.block is None:
        raise ValueError(f"line {fate.line} is printed but names no block")
    # Not a paragraph (a title, byline, heading...): the block's kind says where it went.
    return f"→ {doc_link(f'{name}, {fate.block.value}', page)}"
