"""Which script a witness is in: simplified, properly traditional, or traditional
machine-converted from simplified."""

from __future__ import annotations

from sizheng_edition.draft.model import DetectedScript, WitnessScript
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import is_han
from sizheng_edition.text.script import to_simplified, to_traditional, to_traditional_per_character

_SLIPS = 2


def _slips(text: str) -> list[tuple[str, str]]:
    """Where the text differs from its round trip through simplified (OpenCC, by phrase)."""
    round_trip = to_traditional(to_simplified(text))
    return [(a, b) for a, b in zip(text, round_trip, strict=False) if a != b]


def detect_script(source: Source) -> DetectedScript:
    """A machine conversion leaves the simplified characters that stand for several
    traditional ones (干部 for 幹部, 關系 for 關係): converting the text to simplified and
    back with OpenCC's phrase-level converters restores them, so the round trip changes a
    machine-converted text and leaves a properly traditional one alone.
    """
    text = "".join(source.lines)
    han = sum(is_han(c) for c in text)
    if not han:
        return DetectedScript(WitnessScript.SIMPLIFIED, "no Chinese characters")
    simplified = to_simplified(text)
    changed = sum(a != b for a, b in zip(text, simplified, strict=False))
    if changed / han < 0.02:
        return DetectedScript(WitnessScript.SIMPLIFIED, f"{changed / han:.1%} of characters change under t2s")
    # The lines joined bare (a wrapped page breaks its phrases) and joined as lines (on a
    # page of one paragraph a line two lines would make a phrase of their own): the
    # reading with fewer slips is the page's.
    slips = min((_slips(sep.join(source.lines)) for sep in ("", "\n")), key=len)
    # Two slips are enough: on a short page a machine conversion may leave only a few
    # (复→復 for 複, 系→系 for 繫), and OpenCC's own round trip of a proper text leaves none.
    # One slip is enough when it is what a character-by-character conversion writes: the
    # character's own default (系 for 係, 松 for 鬆), where the phrase says otherwise.  A
    # person typing traditional text writes the phrase's character, or another variant.
    machine = [(a, b) for a, b in slips if is_han(a) and to_traditional(to_simplified(a)) == a]
    if (len(slips) >= _SLIPS and len(slips) / han > 0.001) or machine:
        shown = "、".join(sorted({f"{a}→{b}" for a, b in slips})[:6])
        return DetectedScript(
            WitnessScript.CONVERTED_TRADITIONAL,
            f"{changed / han:.0%} of characters are traditional, but {len(slips)} are simplified forms "
            f"a proper conversion would not leave ({shown}): a machine conversion from simplified",
        )
    why = f"{changed / han:.0%} of characters are traditional and read as such"
    if to_traditional_per_character(simplified) == text:
        # Where no character of the page converts differently by phrase, a conversion that
        # ignores context prints the very text a proper one does: nothing on the page says
        # which made it (9035, 10025).  Both are planned alike (``plan_script``), so only
        # the editor's note differs; traditional is the likelier, and the doubt is said.
        why += (
            "; DOUBT: traditional or converted-traditional: a character-by-character conversion "
            "from simplified would print this same text, so only where the clipping came from tells"
        )
    return DetectedScript(WitnessScript.TRADITIONAL, why)
