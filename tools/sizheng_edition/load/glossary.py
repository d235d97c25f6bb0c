"""Reading the glossary: ``conf/glossary.yaml`` parsed into ``model.glossary`` and
validated, with errors that name the entry and the YAML line."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import NoReturn, Protocol

from sizheng_edition.errors import EditionError
from sizheng_edition.load.yaml_lines import LDict, LList, load_yaml
from sizheng_edition.model.glossary import Category, Entry, Glossary, Rendering
from sizheng_edition.text import pinyin as py

FIELDS = (
    "term", "traditional", "pinyin", "english", "rendering", "rendering_source",
    "category", "definition", "variants", "see_also", "note",
)  # fmt: skip
REQUIRED = ("term", "traditional", "english", "rendering", "rendering_source", "category", "definition")


def load_glossary(path: Path) -> Glossary:
    return parse_glossary(load_yaml(path), str(path))


def parse_glossary(data: object, where: str) -> Glossary:
    if not isinstance(data, LList):
        raise EditionError(where, getattr(data, "line", None), "the glossary must be a list of entries")
    entries = tuple(_entry(where, item, line) for item, line in zip(data, data.item_lines, strict=True))
    _check_unique(where, entries)
    _check_references(where, entries)
    return Glossary(where, entries)


class _Fail(Protocol):
    def __call__(self, key: Hashable | None, message: str) -> NoReturn: ...


def _entry(where: str, item: object, line: int) -> Entry:
    if not isinstance(item, LDict):
        raise EditionError(where, line, "a glossary entry must be a mapping")
    entry = item
    name = entry.get("term", "?")

    def fail(key: Hashable | None, message: str) -> NoReturn:
        raise EditionError(where, entry.line_of(key) if key else entry.line, f"entry {name!r}: {message}")

    for key in entry:
        if key not in FIELDS:
            fail(key, f"unknown field '{key}'")
    required: dict[str, str] = {}
    for key in REQUIRED:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(key if key in entry else None, f"missing or empty field '{key}'")
        required[key] = value
    if required["rendering"] not in [r.value for r in Rendering]:
        fail("rendering", f"rendering must be one of {', '.join(r.value for r in Rendering)}")
    if required["category"] not in [c.value for c in Category]:
        fail("category", f"category must be one of {', '.join(c.value for c in Category)}")
    term = required["term"].strip()
    variants = entry.get("variants") or []
    for form in [term, required["traditional"], *(variants if isinstance(variants, list) else [])]:
        if isinstance(form, str) and any(c in form for c in "`<>\n"):
            fail(
                "term", f"{form!r}: terms, variants and traditional forms cannot contain ` < > or line breaks"
            )
    sylls, override = _syllables(term, _text(entry.get("pinyin")), fail)
    return Entry(
        term=term,
        traditional=required["traditional"].strip(),
        pinyin=override or py.display(term, sylls),
        pinyin_override=override,
        english=_one_line(required["english"]),
        rendering=Rendering(required["rendering"]),
        rendering_source=_one_line(required["rendering_source"]),
        category=Category(required["category"]),
        definition=_one_line(required["definition"]),
        variants=_terms(entry, "variants", fail),
        see_also=_terms(entry, "see_also", fail),
        note=_text(entry.get("note")),
        yaml_line=entry.line,
    )


def _one_line(text: str) -> str:
    """YAML text as one line: the edition shows it as a paragraph."""
    return " ".join(text.split())


def _text(value: object) -> str | None:
    return _one_line(str(value)) if value is not None else None


def _terms(item: LDict, key: str, fail: _Fail) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list):
        fail(key, f"'{key}' must be a list of terms")
    terms = tuple(v.strip() for v in value if isinstance(v, str))
    if len(terms) != len(value) or not all(terms):
        fail(key, f"'{key}' must be a list of terms")
    return terms


def _syllables(term: str, override: str | None, fail: _Fail) -> tuple[list[str], str | None]:
    """Syllables for the term; an override is written as displayed, grouped into words
    (``zūnfǎ xuéfǎ shǒufǎ yòngfǎ``), and every syllable must be a reading of its character."""
    if override is None:
        return py.syllables(term), None
    chars = [c for c in term if py.spoken(c)]
    sylls: list[str] = []
    words = override.replace("'", " ").split()
    for word in words:
        rest = word.lower()
        while rest:
            if len(sylls) == len(chars):
                fail("pinyin", f"pinyin override {override!r} has more syllables than {term} has characters")
            char = chars[len(sylls)]
            fits = sorted((r for r in py.readings(char) if rest.startswith(r)), key=len, reverse=True)
            if not fits:
                known = ", ".join(sorted(py.readings(char)))
                problem = f"{rest!r} does not begin with a reading of {char} ({known})"
                fail("pinyin", f"pinyin override {override!r}: {problem}")
            sylls.append(fits[0])
            rest = rest[len(fits[0]) :]
    if len(sylls) != len(chars):
        fail("pinyin", f"pinyin override {override!r} has {len(sylls)} syllables for {len(chars)} characters")
    return sylls, override


def _check_unique(where: str, entries: tuple[Entry, ...]) -> None:
    owner: dict[str, Entry] = {}
    anchors: dict[str, Entry] = {}
    for e in entries:
        for form in (e.term, *e.variants):
            if form in owner:
                first = owner[form]
                what = "term" if form == e.term and form == first.term else "form"
                raise EditionError(
                    where,
                    e.yaml_line,
                    f"entry {e.term!r}: {what} {form!r} is already claimed by entry {first.term!r} "
                    f"(line {first.yaml_line})",
                )
            owner[form] = e
        if e.anchor in anchors:
            raise EditionError(
                where,
                e.yaml_line,
                f"entry {e.term!r}: anchor {e.anchor} is already used by {anchors[e.anchor].term!r}",
            )
        anchors[e.anchor] = e


def _check_references(where: str, entries: tuple[Entry, ...]) -> None:
    terms = {e.term for e in entries}
    for e in entries:
        for other in e.see_also:
            if other not in terms:
                raise EditionError(
                    where, e.yaml_line, f"entry {e.term!r}: 'see also' names missing entry {other!r}"
                )
            if other == e.term:
                raise EditionError(where, e.yaml_line, f"entry {e.term!r}: 'see also' names itself")
