"""Reading the glossary: ``conf/glossary.yaml`` parsed into ``model.glossary`` and
validated, with errors that name the entry and the YAML line."""

from __future__ import annotations

from pathlib import Path

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


def parse_glossary(data, where: str) -> Glossary:
    if not isinstance(data, LList):
        raise EditionError(where, getattr(data, "line", None), "the glossary must be a list of entries")
    entries = tuple(_entry(where, item, line) for item, line in zip(data, data.item_lines, strict=True))
    _check_unique(where, entries)
    _check_references(where, entries)
    return Glossary(where, entries)


def _entry(where: str, item, line: int) -> Entry:
    if not isinstance(item, LDict):
        raise EditionError(where, line, "a glossary entry must be a mapping")
    name = item.get("term", "?")

    def fail(key: str | None, message: str):
        raise EditionError(where, item.line_of(key) if key else item.line, f"entry {name!r}: {message}")

    for key in item:
        if key not in FIELDS:
            fail(key, f"unknown field '{key}'")
    for key in REQUIRED:
        if not isinstance(item.get(key), str) or not item[key].strip():
            fail(key if key in item else None, f"missing or empty field '{key}'")
    if item["rendering"] not in [r.value for r in Rendering]:
        fail("rendering", f"rendering must be one of {', '.join(r.value for r in Rendering)}")
    if item["category"] not in [c.value for c in Category]:
        fail("category", f"category must be one of {', '.join(c.value for c in Category)}")
    term = item["term"].strip()
    for form in [term, item["traditional"], *(item.get("variants") or [])]:
        if isinstance(form, str) and any(c in form for c in "`<>\n"):
            fail(
                "term", f"{form!r}: terms, variants and traditional forms cannot contain ` < > or line breaks"
            )
    sylls, override = _syllables(term, _text(item.get("pinyin")), fail)
    return Entry(
        term=term,
        traditional=item["traditional"].strip(),
        pinyin=override or py.display(term, sylls),
        pinyin_override=override,
        english=_text(item["english"]),
        rendering=Rendering(item["rendering"]),
        rendering_source=_text(item["rendering_source"]),
        category=Category(item["category"]),
        definition=_text(item["definition"]),
        variants=_terms(item, "variants", fail),
        see_also=_terms(item, "see_also", fail),
        note=_text(item.get("note")),
        yaml_line=item.line,
    )


def _text(value) -> str | None:
    """YAML text as one line: the edition shows it as a paragraph."""
    return " ".join(str(value).split()) if value is not None else None


def _terms(item, key: str, fail) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(key, f"'{key}' must be a list of terms")
    return tuple(v.strip() for v in value)


def _syllables(term: str, override: str | None, fail) -> tuple[list[str], str | None]:
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
