"""The normalisation rules page, written from the rule table the code applies, so
the page cannot drift from the code."""

from __future__ import annotations

from sizheng_edition.build import normalise
from sizheng_edition.build.normalise import RULES, UNITS
from sizheng_edition.model import labels
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import target


def render_rules() -> str:
    # A rule is a StrEnum: formatting it gives its name as the plan and the code spell it.
    rows = "\n".join(f"| `{rule}` | {escape(text)} | {escape(UNITS[rule])} |" for rule, text in RULES.items())
    return (
        f"{target(labels.NORMALISATION_RULES)}\n# Normalisation rules\n\n"
        "The reading text is normalised by these rules, applied by code in this order "
        "(conversion first, then emendations, then spacing and punctuation). Each "
        "article's provenance box says how many times each rule applied, counted in the "
        "unit the last column names (per gap, mark or character): a space rule applies "
        "once to a gap however many spaces fill it, and 互联网+ is one occurrence "
        "whether one or both of its spaces went. The counts report; they do not "
        "account: `edition check` accounts for every character of every source, "
        "whatever rule it falls under. This page is "
        # The module is named from the code itself, so a move cannot leave the page stale.
        f"generated from the rule table in `{normalise.__name__}`, so it cannot drift "
        "from the code.\n\n"
        f"| Rule | What it does | Counted per |\n|---|---|---|\n{rows}\n"
    )
