"""Benchmark (not a test): glossary matchers on the same texts, side by side.

    .venv/bin/python bench/termmatch.py [--sources 300] [--forms 3000]

Scans every block of a synthetic corpus (synthetic/corpus.py) with the glossary's forms,
and again with the glossary grown to ``--forms`` forms (substrings of the texts), using:

* ``trie``: the pure-Python trie the edition used before (kept here as the baseline);
* ``flat``: one regular expression, the forms as alternatives, longest first;
* ``TermMatcher``: the edition's matcher, one regular expression shaped like the trie;
* ``aho-long`` and ``aho-all``: pyahocorasick's ``iter_long``, and all its matches
  reduced to leftmost-longest in Python (only if pyahocorasick is installed).

Prints the best of three runs in seconds, the ratio to the trie, and whether the
matches are the trie's (leftmost-longest); nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sizheng_edition import pipeline  # noqa: E402
from sizheng_edition.synthetic.corpus import make_corpus  # noqa: E402
from sizheng_edition.text.termmatch import Match, TermMatcher  # noqa: E402

Found = list[list[tuple[int, int, str]]]


# The matcher the edition used before, as it was (text/termmatch.py at 35a19eb).
@dataclass
class _Node:
    """A trie node: the characters that may follow, and the entry if a surface ends here."""

    children: dict[str, _Node] = field(default_factory=dict)
    term: str | None = None


@dataclass(frozen=True)
class _Hit:
    end: int
    term: str


class OldTrie:
    def __init__(self, surfaces: Mapping[str, str]) -> None:
        """``surfaces`` maps every term and variant to the entry term it stands for."""
        self._root = _Node()
        for surface, term in surfaces.items():
            if not surface:
                raise ValueError("empty term")
            node = self._root
            for char in surface:
                node = node.children.setdefault(char, _Node())
            node.term = term

    def _longest_at(self, text: str, start: int) -> _Hit | None:
        node, best = self._root, None
        for i in range(start, len(text)):
            child = node.children.get(text[i])
            if child is None:
                break
            node = child
            if node.term is not None:
                best = _Hit(i + 1, node.term)
        return best

    def finditer(self, text: str) -> Iterator[Match]:
        i = 0
        while i < len(text):
            hit = self._longest_at(text, i)
            if hit is None:
                i += 1
                continue
            yield Match(i, hit.end, text[i : hit.end], hit.term)
            i = hit.end


def trie(forms: Mapping[str, str], texts: list[str]) -> Found:
    matcher = OldTrie(forms)
    return [[(m.start, m.end, m.term) for m in matcher.finditer(t)] for t in texts]


def flat(forms: Mapping[str, str], texts: list[str]) -> Found:
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return [[(m.start(), m.end(), forms[m.group()]) for m in pattern.finditer(t)] for t in texts]


def term_matcher(forms: Mapping[str, str], texts: list[str]) -> Found:
    matcher = TermMatcher(forms)
    return [[(m.start, m.end, m.term) for m in matcher.finditer(t)] for t in texts]


def aho_long(forms: Mapping[str, str], texts: list[str]) -> Found:
    import ahocorasick  # type: ignore[import-not-found,unused-ignore]  # optional: only for this benchmark

    automaton = ahocorasick.Automaton()
    for form, term in forms.items():
        automaton.add_word(form, (len(form), term))
    automaton.make_automaton()
    return [[(e + 1 - n, e + 1, term) for e, (n, term) in automaton.iter_long(t)] for t in texts]


def aho_all(forms: Mapping[str, str], texts: list[str]) -> Found:
    import ahocorasick  # type: ignore[import-not-found,unused-ignore]  # optional: only for this benchmark

    automaton = ahocorasick.Automaton()
    for form, term in forms.items():
        automaton.add_word(form, (len(form), term))
    automaton.make_automaton()
    out = []
    for text in texts:
        longest: dict[int, tuple[int, str]] = {}
        for end, (n, term) in automaton.iter(text):
            if longest.get(end + 1 - n, (0, ""))[0] < n:
                longest[end + 1 - n] = (n, term)
        found, pos = [], 0
        for start in sorted(longest):
            if start >= pos:
                n, term = longest[start]
                found.append((start, start + n, term))
                pos = start + n
        out.append(found)
    return out


def grown(forms: Mapping[str, str], texts: list[str], size: int) -> dict[str, str]:
    rng = random.Random(size)
    more = dict(forms)
    long_texts = [t for t in texts if len(t) > 8]
    while len(more) < size:
        text = rng.choice(long_texts)
        start = rng.randrange(len(text) - 6)
        form = text[start : start + rng.randint(2, 6)]
        if form.strip() == form:
            more[form] = form
    return more


def best_of_three(
    run: Callable[[Mapping[str, str], list[str]], Found], forms: Mapping[str, str], texts: list[str]
) -> tuple[float, Found]:
    times, found = [], []
    for _ in range(3):
        start = time.perf_counter()
        found = run(forms, texts)
        times.append(time.perf_counter() - start)
    return min(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--forms", type=int, nargs="*", default=[1000, 3000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        sources, glossary = pipeline.load_all(
            make_corpus(ROOT, Path(work) / "corpus", args.sources, seed=args.sources)
        )
    texts = [b.text for s in sources for a in s.articles for b in a.blocks]
    print(f"{len(texts)} blocks, {sum(map(len, texts))} characters")
    runs: list[tuple[str, Callable[[Mapping[str, str], list[str]], Found]]] = [
        ("trie", trie), ("flat", flat), ("TermMatcher", term_matcher)
    ]  # fmt: skip
    try:
        import ahocorasick  # noqa: F401

        runs += [("aho-long", aho_long), ("aho-all", aho_all)]
    except ImportError:
        print("(pyahocorasick not installed: its rows are left out)")
    for forms in (glossary.surfaces(), *(grown(glossary.surfaces(), texts, n) for n in args.forms)):
        print(f"\n{len(forms)} forms")
        base, reference = best_of_three(trie, forms, texts)
        for name, run in runs:
            seconds, found = best_of_three(run, forms, texts)
            same = "leftmost-longest" if found == reference else "DIFFERENT matches"
            print(f"  {name:12} {seconds:7.3f} s  {seconds / base:5.2f} × trie  {same}")


if __name__ == "__main__":
    main()
