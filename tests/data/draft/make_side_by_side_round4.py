"""Three tuning pages of the fourth round (tests/data/draft/tuning/side-by-side-*.clip):
articles set side by side and read row by row (one paragraph a line, the articles'
heads printed one after another at the top, then one paragraph or heading of each in
turn), from material.json.  Written after the first side-by-side rule, to see whether it
holds beyond the issue's page; run from the repository's root."""

import json
from pathlib import Path

MATERIAL = Path("tests/data/draft/material.json")
arts = {a["id"]: a for a in json.loads(MATERIAL.read_text(encoding="utf-8"))["articles"]}


def page(ids, rows, heads, name):
    out = []  # (role, article, text)
    for aid, style in zip(ids, heads, strict=True):
        a = arts[aid]
        if style == "one-line":
            out.append(("title", aid, f"{a['title']}　□ {a['author']}"))
        else:
            out += [("title", aid, a["title"]), ("blank", "-", ""), ("byline", aid, style + a["author"])]
        out.append(("blank", "-", ""))
    bodies = [
        [(k, t) for k, t in arts[aid]["body"] if k in ("paragraph", "heading", "abstract")][:rows]
        for aid in ids
    ]
    last = {}
    joins = []
    for r in range(rows):
        for aid, body in zip(ids, bodies, strict=True):
            if r >= len(body):
                continue
            kind, text = body[r]
            role = "heading" if kind == "heading" else "paragraph-start"
            out.append((role, aid, text))
            n = len(out)
            if aid in last and any(out[m - 1][1] not in ("-", aid) for m in range(last[aid] + 1, n)):
                joins.append(f"{last[aid]}-{n}")
            last[aid] = n
            out.append(("blank", "-", ""))
    head = ["# family: hand-made", "# layout: lines", "# script: simplified", "# joins: " + " ".join(joins)]
    text = "\n".join(head + [f"{r}\t{a}\t{t}" for r, a, t in out]) + "\n"
    Path(f"tests/data/draft/tuning/{name}.clip").write_text(text, encoding="utf-8")


page(
    ["fengrun-rural-development", "tianjin-railway-party-building"],
    6,
    ["□ ", "文/"],
    "side-by-side-two-bylines-on-own-lines",
)
page(
    ["highway-people-centred-management", "medical-staff-ideological-work"],
    6,
    ["one-line", "one-line"],
    "side-by-side-two-title-byline-one-line",
)
page(
    ["internet-plus-hospital-education", "yancheng-medical-insurance-centre", "guangyang-medical-insurance"],
    4,
    ["one-line", "□ ", "one-line"],
    "side-by-side-three-articles",
)
