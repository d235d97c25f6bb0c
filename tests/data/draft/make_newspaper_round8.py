"""Tuning pages of the eighth round (tests/data/draft/tuning/newspaper-*.clip and
journal-*.clip): a newspaper's and a journal's furniture, which neither generator makes
(its running heads are a journal's issue, 党建与思政 or 学术论坛·思政研究, and bare page
numbers): a dated head with the
weekday and the page (2024年3月5日　星期二　第11版), an editor's credit at the foot
(责任编辑：…), column labels set directly above a title in mid-page, and columns
cut mid-word, so that a short piece of a paragraph holds a sentence's end and the next
sentence's beginning; and a journal's first page: the journal's name and date as running
head, the affiliation in brackets with place and postcode under the byline, 摘　要： and
关键词： labels, the article's data (中图分类号…文章编号) and the author's note (作者简介) at
the foot.  From material.json; run from the repository's root."""

import json
from pathlib import Path

from sizheng_edition.text.script import to_traditional

MATERIAL = Path("tests/data/draft/material.json")
arts = {a["id"]: a for a in json.loads(MATERIAL.read_text(encoding="utf-8"))["articles"]}
HEAD = "理论周刊　　2024年3月5日　星期二　　第11版"


def _body(aid, n):
    return [(k, t) for k, t in arts[aid]["body"] if k in ("paragraph", "heading")][:n]


def _write(name, layout, script, out, joins):
    head = [
        "# family: hand-made",
        f"# layout: {layout}",
        f"# script: {script}",
        "# joins: " + " ".join(f"{a}-{b}" for a, b in joins),
    ]
    text = "\n".join(head + [f"{r}\t{a}\t{t}" for r, a, t in out]) + "\n"
    Path(f"tests/data/draft/tuning/{name}.clip").write_text(text, encoding="utf-8")


def interleaved(name, ids, label, cut_every, rows, blanks):
    """Two articles' columns one after the other, a column break every ``rows`` lines of an
    article; where a break falls inside a paragraph (every ``cut_every``-th), it is cut
    mid-word, at a third of its length."""
    out = [("metadata", "-", HEAD)]
    a, b = ids
    out.append(("title", a, f"{arts[a]['title']}　□{arts[a]['author']}"))
    out += [("metadata", "-", label), ("title", b, arts[b]["title"]), ("byline", b, f"□ {arts[b]['author']}")]
    queues = {aid: list(_body(aid, 7)) for aid in ids}
    pieces: dict[str, list[tuple[str, str]]] = {aid: [] for aid in ids}
    k = 0
    for aid in ids:  # each article's lines, a paragraph cut where the column breaks
        for kind, text in queues[aid]:
            role = "heading" if kind == "heading" else "paragraph-start"
            k += 1
            if role == "paragraph-start" and k % cut_every == 0 and len(text) > 60:
                cut = len(text) // 3
                while text[cut - 1] in "，。、；：？！“”" or text[cut] in "，。、；：？！“”":
                    cut += 1
                pieces[aid] += [(role, text[:cut]), ("continuation", text[cut:])]
            else:
                pieces[aid].append((role, text))
    last: dict[str, int] = {}
    joins = []
    turn = 0
    while any(pieces.values()):
        aid = ids[turn % 2]
        turn += 1
        for role, text in pieces[aid][:rows]:
            out.append((role, aid, text))
            n = len(out)
            if aid in last and any(out[m - 1][1] not in ("-", aid) for m in range(last[aid] + 1, n)):
                joins.append((last[aid], n))
            last[aid] = n
            if blanks:
                out.append(("blank", "-", ""))
        pieces[aid] = pieces[aid][rows:]
    out.append(("metadata", "-", "（责任编辑：王明　　版式设计：李强）"))
    _write(name, "lines", "simplified", out, joins)


def in_sequence(name, ids, labels, script):
    """Articles one after another, each under a column label set directly above its
    title, between a dated head and a page number at the foot."""
    conv = to_traditional if script == "traditional" else (lambda t: t)
    out = [("metadata", "-", conv("2024年3月5日　星期二　　理论周刊　　第11版")), ("blank", "-", "")]
    for aid, label in zip(ids, labels, strict=True):
        out += [("metadata", "-", conv(label)), ("title", aid, conv(arts[aid]["title"]))]
        out += [("byline", aid, conv(f"□ {arts[aid]['author']}")), ("blank", "-", "")]
        for kind, text in _body(aid, 4):
            role = "heading" if kind == "heading" else "paragraph-start"
            out += [(role, aid, conv(text)), ("blank", "-", "")]
    out.append(("metadata", "-", conv("责任编辑：王明")))
    out.append(("metadata", "-", "— 11 —"))
    _write(name, "lines", script, out, [])


def wrapped(name, aid, col, every):
    """One article hard-wrapped at ``col`` characters, its paragraphs indented, under a dated
    head; the page turns every ``every`` lines, wherever that falls, with the next page's
    head (its number, the paper, the date) printed in the text."""
    a = arts[aid]
    out = [("metadata", "-", "2024年3月5日　星期二　　理论周刊　　11"), ("blank", "-", "")]
    out += [("title", aid, a["title"]), ("byline", aid, f"本报记者　{a['author']}"), ("blank", "-", "")]
    body = []
    for kind, text in _body(aid, 8):
        if kind == "heading":
            body.append(("heading", text))
            continue
        text = "　　" + text
        cut = [text[k : k + col] for k in range(0, len(text), col)]
        body += [("paragraph-start", cut[0])] + [("continuation", c) for c in cut[1:]]
    page = 12
    for k, (role, text) in enumerate(body, 1):
        out.append((role, aid, text))
        if k % every == 0:
            out += [("metadata", "-", f"{page}　　理论周刊　　2024年3月5日　星期二")]
            page += 1
    out.append(("metadata", "-", "（本版责编：王明）"))
    _write(name, "wrapped", "simplified", out, [])


def journal_first_page(name, aid, col, paragraphs):
    a = arts[aid]
    out = [("metadata", "-", "思想政治工作研究　2023.05"), ("blank", "-", "")]
    out += [("title", aid, a["title"]), ("byline", aid, a["author"])]
    out += [
        ("affiliation", aid, "（江苏省盐城市射阳县医疗保险基金中心，江苏盐城　224300）"),
        ("blank", "-", ""),
    ]

    def wrapped_lines(text, role):
        cut = [text[k : k + col] for k in range(0, len(text), col)]
        return [(role, aid, cut[0])] + [("continuation", aid, c) for c in cut[1:]]

    abstract = next(t for k, t in a["body"] if k == "abstract")
    out += wrapped_lines("摘　要：" + abstract, "abstract")
    out.append(("keywords", aid, "关键词：医保中心；职工思想工作；分析研究"))
    out.append(("metadata", "-", "中图分类号：D64　　文献标识码：A　　文章编号：1004-1435（2023）05-0012-02"))
    out.append(("blank", "-", ""))
    done = 0
    for kind, text in a["body"]:
        if kind != "paragraph" or done == paragraphs:
            continue
        out += wrapped_lines("　　" + text, "paragraph-start")
        done += 1
        if done == 3:
            out += [
                ("blank", "-", ""),
                ("metadata", "-", "作者简介：王烨（1980—），女，江苏射阳人，经济师。"),
            ]
            out += [
                ("metadata", "-", "— 12 —"),
                ("metadata", "-", "思想政治工作研究　2023.05"),
                ("blank", "-", ""),
            ]
    _write(name, "wrapped", "simplified", out, [])


journal_first_page(
    "journal-first-page-bracketed-affiliation-article-data", "yancheng-medical-insurance-centre", 24, 5
)
wrapped("newspaper-wrapped-dated-heads-page-turns", "highway-people-centred-management", 22, 17)
interleaved(
    "newspaper-two-interleaved-dated-head-label-cut-mid-word",
    ["soe-branch-secretaries", "tianjin-railway-party-building"],
    "学术论坛",
    2,
    2,
    False,
)
interleaved(
    "newspaper-two-interleaved-dated-head-blank-lines",
    ["guangyang-medical-insurance", "highway-people-centred-management"],
    "党建园地",
    3,
    3,
    True,
)
in_sequence(
    "newspaper-three-in-sequence-labels-above-titles",
    ["fengrun-rural-development", "medical-staff-ideological-work", "yancheng-medical-insurance-centre"],
    ["基层实践", "思政课堂", "工作研究"],
    "simplified",
)
in_sequence(
    "newspaper-traditional-two-in-sequence-labels",
    ["internet-plus-hospital-education", "soe-branch-secretaries"],
    ["理论前沿", "党建园地"],
    "traditional",
)
