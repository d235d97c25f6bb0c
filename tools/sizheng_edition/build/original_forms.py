"""The apparatus to a converted-traditional original: each conversion error the plan
lists, with the witness lines where it occurs, found here rather than typed by the
editor so the list cannot drift from the witness."""

from __future__ import annotations

from sizheng_edition.errors import EditionError
from sizheng_edition.model.edition import OriginalForm
from sizheng_edition.model.plan import Plan, Script
from sizheng_edition.model.source import Source


def original_forms(source: Source, plan: Plan) -> tuple[OriginalForm, ...]:
    """Each listed form with one line number per occurrence, in witness order."""
    if plan.original_forms and plan.script is not Script.CONVERTED_TRADITIONAL:
        first = plan.original_forms[0]
        raise EditionError(
            plan.path, first.yaml_line, "original_forms is only for a converted-traditional witness"
        )
    out = []
    for f in plan.original_forms:
        if f.form == f.correct:
            raise EditionError(
                plan.path, f.yaml_line, f"original form {f.form!r} is the same as its correct form"
            )
        lines = tuple(n for n in range(1, len(source.lines) + 1) for _ in range(source.line(n).count(f.form)))
        if not lines:
            raise EditionError(
                plan.path, f.yaml_line, f"original form {f.form!r} does not occur in the witness"
            )
        out.append(OriginalForm(f.form, f.correct, f.reason, lines))
    return tuple(out)
