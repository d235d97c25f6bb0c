"""Two hand-assembled held-out pages (fourth round), from material.json, in layouts
neither generator makes; run from the repository root.  Written before any rule of the
round, run once."""

from pathlib import Path

from sizheng_edition.synthetic.clippings import _wrap, essays
from sizheng_edition.synthetic.material import thaw
from sizheng_edition.text.script import to_traditional

DATA = Path("tests/data/draft")
pool = {e.id: e for e in essays(thaw((DATA / "material.json").read_text(encoding="utf-8")))}


def write(name, layout, script, rows, joins=""):
    out = ["# family: hand-made", f"# layout: {layout}", f"# script: {script}", f"# joins: {joins}"]
    out += [f"{r}\t{a or '-'}\t{t}" for r, a, t in rows]
    (DATA / "held-out" / f"{name}.clip").write_text("\n".join(out) + "\n", encoding="utf-8")


# 1. Properly traditional, hard-wrapped at 23 characters, indented paragraphs, two articles
#    in sequence (the first: title and 文/ byline on two lines; the second: title and bare
#    name on one line), a page number and running head in the middle of a paragraph.
rows = []


def wrapped(essay, units, col, conv):
    for heading, text in units:
        for k, chunk in enumerate(_wrap(conv(text), col)):
            lead = "　　" if k == 0 and not heading else ""
            role = ("heading" if heading else "paragraph-start") if k == 0 else "continuation"
            rows.append((role, essay.id, lead + chunk))


a, b = pool["medical-staff-ideological-work"], pool["guangyang-medical-insurance"]
T = to_traditional
rows.append(("title", a.id, T(a.title)))
rows.append(("byline", a.id, T(f"文/{a.author}")))
wrapped(a, list(a.units[:4]), 23, T)
rows.append(("affiliation", a.id, T(a.affiliation)))
rows.append(("title", b.id, T(f"{b.title}　{b.author}")))
wrapped(b, list(b.units[:4]), 23, T)
# the page turns in the middle of the first article's second paragraph
at = 9
rows[at:at] = [("metadata", None, "·37·"), ("metadata", None, T("医院管理与思政"))]
write("traditional-wrapped-indented-two-in-sequence-page-turn", "wrapped", "traditional", rows)

# 2. One paragraph a line, a column label over the page, each article's byline printed
#    ABOVE its title, numbered headings, two articles in sequence.
rows = [("metadata", None, "【实践探索】")]
for essay, n, byline in (
    (pool["internet-plus-hospital-education"], 7, "□ "),
    (pool["highway-people-centred-management"], 6, "文/"),
):
    rows.append(("byline", essay.id, f"{byline}{essay.author}"))
    rows.append(("title", essay.id, essay.title))
    for heading, text in essay.units[:n]:
        rows.append(("heading" if heading else "paragraph-start", essay.id, text))
    if essay.affiliation and essay.affiliation.startswith("（"):
        rows.append(("affiliation", essay.id, essay.affiliation))
write("lines-column-label-byline-above-title", "lines", "simplified", rows)
