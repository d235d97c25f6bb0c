"""The names an editor gives things, checked across the whole project: seed file names
and their keys, and article ids, which become page names and Sphinx labels.  A clash
here does not fail a build; it overwrites a page or sends links to the wrong one."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.errors import EditionError
from sizheng_edition.model import labels
from sizheng_edition.render import page_paths

SEED_NAME = re.compile(r"^([0-9A-Za-z]+)_")

# Pages the renderer writes beside the articles of a source (texts/<key>/…).
PAGES_BESIDE_ARTICLES = frozenset(
    posixpath.basename(page(".")) for page in (page_paths.overview, page_paths.transcription)
)
# Labels Sphinx defines itself: the standard domain's and the Python module index's
# (tests/test_bad_names.py checks this against Sphinx's own list).
SPHINX_LABELS = frozenset({"genindex", "modindex", "search", "py-modindex"})
# The forms of the labels the edition generates (model/labels.py): an article id is a
# label too, so an id of one of these forms could take another place's name.
_GENERATED_LABELS = (
    (re.compile(r"^[pl][0-9]+$"), "a paragraph's or line's anchor"),
    (re.compile(r".-p[0-9]+$"), "a paragraph's label (<article>-p<n>)"),
    (re.compile(r"^s[0-9a-z]+-l[0-9]+$"), "a source line's label (s<key>-l<n>)"),
    (re.compile(r"^(src|source|term|glossary)-"), "a generated label (src-, source-, term-, glossary-)"),
)


@dataclass(frozen=True)
class ArticleName:
    """An article id, where the plan gives it."""

    id: str
    source: str  # the key of the source
    plan: str  # the plan's path
    line: int | None  # the plan line of the article


def seed_key(seed: Path) -> str:
    """The key a seed's name starts with; an EditionError if it has none."""
    match = SEED_NAME.match(seed.name)
    if match is None:
        raise EditionError(
            str(seed), None, "seed names start with a key of ASCII letters or digits and '_' (e.g. 004_x.txt)"
        )
    return match.group(1)


def check_seed_names(seeds: Iterable[Path]) -> None:
    """Every seed has a key of its own: not the same as another's, nor the same but for
    case (the two would share a folder and a plan on macOS and Windows)."""
    seen: dict[str, Path] = {}
    for seed in seeds:
        key = seed_key(seed)
        if unicodedata.normalize("NFC", seed.name) != seed.name:
            raise EditionError(
                str(seed),
                None,
                "the file name is not in Unicode NFC form; rename it (plans name seeds in NFC)",
            )
        other = seen.get(key.casefold())
        if other is not None:
            other_key = seed_key(other)
            how = "is also the key of" if other_key == key else f"differs only in case from '{other_key}' of"
            raise EditionError(
                str(seed), None, f"seed key '{key}' {how} {other.name}: give each seed a key of its own"
            )
        seen[key.casefold()] = seed


def check_article_ids(names: Iterable[ArticleName]) -> None:
    """No article id is a name the edition already uses, or used twice in the project."""
    seen: dict[str, ArticleName] = {}
    for name in names:
        reason = reserved_reason(name.id)
        if reason:
            raise EditionError(name.plan, name.line, f"article id '{name.id}' is reserved: {reason}")
        other = seen.get(name.id)
        if other is not None:
            where = f"{other.plan}:{other.line}" if other.line is not None else other.plan
            raise EditionError(
                name.plan,
                name.line,
                f"article id '{name.id}' is already used by source {other.source} ({where}); "
                "article ids name pages and labels, so each must be unique in the edition",
            )
        seen[name.id] = name


def reserved_reason(article_id: str) -> str | None:
    """Why ``article_id`` cannot be used, or None."""
    if article_id in PAGES_BESIDE_ARTICLES:
        return f"the tools write texts/<key>/{article_id}.md themselves"
    if article_id in SPHINX_LABELS:
        return "Sphinx uses it for a page and label of its own"
    if labels.article_label(article_id) != article_id:
        return None  # labels are no longer the bare id: the forms below cannot clash
    for form, what in _GENERATED_LABELS:
        if form.search(article_id):
            return f"it has the form of {what}"
    return None
