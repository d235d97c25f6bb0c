"""The glossary as a specialist reads it: every official or scholarly rendering has a
source one can open, every variant shows its own entry's pinyin and rendering, and every
essay a definition names contains the term.

Convention (docs/glossary.md): a definition names an essay by its place or unit, with the
words in ``ESSAYS`` ("the Tangshan hospital essay", "the Guangyang bureau", "the SOE
essay"); naming it is a claim that the essay uses the term or one of its variants."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sizheng_edition.errors import EditionError
from sizheng_edition.load.glossary import check_quotations
from sizheng_edition.model.glossary import Rendering
from sizheng_edition.render.pages import edition_files

# The words that name an essay in a definition, and the essay's author (its byline).
ESSAYS = {
    r"Guangyang": "傅清",
    r"Xingtai": "米耀坤",
    r"SOE essay|state-firm": "索淑杰",
    r"highway": "田旭",
    r"Fengrun": "焦晓云",
    r"Tianjin|railway": "刘江南",
    r"Tangshan": "王威昊",
    r"Sheyang": "王烨",
}

# Forms that were listed as variants but name other things (research, section 3): none
# may link to its old head term.
NOT_THE_SAME = {
    "形势任务教育": "形势政策教育",
    "支部活动日": "主题党日",
    "医者初心": "初心使命",
    "干部职工": "干部",
    "中层干部": "干部",
    "党组会": "党组",
    "党性教育": "党性",
    "党性修养": "党性",
    "心中有党": "四个有",
    "看病钱": "救命钱",
    "宣讲团": "宣讲",
    "正风肃纪反腐": "正风肃纪",
    "书记讲党课": "党课",
    "基层党建": "党建",
    "老政工": "政工干部",
}


def _text_by_author(articles) -> dict[str, str]:
    out = {}
    for a in articles.values():
        if a.author:
            out[a.author.text] = "\n".join(b.text for b in a.blocks)
    return out


def test_every_author_of_the_convention_has_an_essay(articles):
    assert set(ESSAYS.values()) <= set(_text_by_author(articles))


def test_every_essay_a_definition_names_contains_the_term(glossary, articles):
    texts = _text_by_author(articles)
    wrong = []
    for e in glossary.entries:
        for sentence in re.split(r"(?<=[.;])\s+", e.definition):
            # A sentence may name the word the essay uses instead (老政工 for 政工干部):
            # then that word must be in the essay.
            forms = [e.term, *e.variants, *re.findall(r"[\u4e00-\u9fff]{2,}", sentence)]
            for words, author in ESSAYS.items():
                if re.search(rf"(?<![-–])\b(?:{words})\b(?![-–])", sentence) and not any(
                    f in texts[author] for f in forms
                ):
                    wrong.append((e.term, words, sentence))
    assert wrong == [], "\n".join(map(str, wrong))


def test_the_check_catches_a_wrong_claim(glossary, articles):
    # 思想政治教育 occurs in the Tangshan and Sheyang essays, not in Xingtai's.
    texts = _text_by_author(articles)
    assert "思想政治教育" in texts["王威昊"] and "思想政治教育" not in texts["米耀坤"]
    assert "Xingtai" not in glossary.by_term()["思想政治教育"].definition


@pytest.mark.parametrize("form, old_head", sorted(NOT_THE_SAME.items()))
def test_a_different_term_is_not_a_variant(glossary, form, old_head):
    assert glossary.surfaces().get(form) != old_head


def test_every_linked_form_shows_its_own_entry(glossary, articles):
    """A form links to an entry whose term is the form itself, or lists it as a variant;
    a form with an entry of its own shows that entry's pinyin, not its head's."""
    by_term = glossary.by_term()
    for form, term in glossary.surfaces().items():
        entry = by_term[term]
        assert form == entry.term or form in entry.variants
    for form in NOT_THE_SAME:
        if form in by_term:
            assert glossary.surfaces()[form] == form
            assert by_term[form].pinyin.replace(" ", "") != by_term[NOT_THE_SAME[form]].pinyin.replace(
                " ", ""
            )


def test_every_official_or_scholarly_rendering_has_a_source(glossary):
    for e in glossary.entries:
        if e.rendering in (Rendering.OFFICIAL, Rendering.SCHOLARLY):
            assert e.sources, e.term
        for s in e.sources:
            assert re.fullmatch(r"https?://\S+", s.url), (e.term, s.url)
            assert s.title.strip() and s.publisher.strip(), e.term
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|undated", s.date), (e.term, s.date)


def test_a_rendering_without_a_source_is_refused(tmp_path):
    from sizheng_edition.errors import EditionError
    from sizheng_edition.load.glossary import parse_glossary
    from sizheng_edition.load.yaml_lines import parse_yaml

    text = (
        "- {term: 党支部, traditional: 黨支部, english: x, rendering: official, rendering_source: x, "
        "category: institution, definition: A test.}\n"
    )
    with pytest.raises(EditionError, match="missing key 'sources'"):
        parse_glossary(parse_yaml(text, "g.yaml"), "g.yaml")


def test_the_glossary_page_links_each_source(glossary):
    from sizheng_edition.render.glossary_index import source_citation

    e = glossary.by_term()["思想政治工作"]
    cited = source_citation(e.sources[0])
    assert cited.startswith("[China issues guideline on ideological\\, political work](<http://en.people.cn/")
    assert cited.endswith(", 2021\\-07\\-13")


def _entry_block(page: str, term: str) -> str:
    return page.split(f"````{{glossary-entry}} {term}\n", 1)[1].split("````", 1)[0]


def test_no_entry_says_it_occurs_nowhere(edition, glossary):
    """Every term is in the essays (test_glossary); one printed only inside a longer
    term, which the matcher links instead, names that term and its places."""
    page = edition_files(edition, glossary)["glossary/index.md"]
    assert "0 times in 0 articles" not in page
    block = _entry_block(page, "二十大")
    assert (
        "**Occurs** only inside a longer term: {gl}`奋进新征程、喜迎二十大 <奋进新征程、喜迎二十大>`, 1 time"
        in block
    )


def test_a_term_sent_to_a_longer_one_stands_only_inside_it(edition, glossary, articles):
    page = edition_files(edition, glossary)["glossary/index.md"]
    text = "\n".join(b.text for a in articles.values() for b in a.blocks)
    entries = glossary.by_term()
    sent = 0
    for term, e in entries.items():
        occurs = _entry_block(page, term).split("**Occurs** ", 1)[1]
        if not occurs.startswith("only inside"):
            continue
        sent += 1
        rest = text
        for host in re.findall(r"\{gl\}`([^<`]+) <", occurs):
            for form in sorted((host, *entries[host].variants), key=len, reverse=True):
                rest = rest.replace(form, "")
        assert not [form for form in (term, *e.variants) if form in rest], term
    assert sent >= 1


# Quotations from the essays (docs/glossary.md): ``quotations: [{article, paragraph, text}]``,
# the words exactly as that paragraph prints them, using the term or a variant. The loader
# refuses a bad one (tests/test_bad_glossary.py); these tests check the real glossary
# against the built articles on their own, and how the page shows and links them.


def _quotation_errors(entry, quotations, articles) -> list[str]:
    errors = []
    for q in quotations:
        article = articles.get(q.article)
        paragraphs = {b.number: b.text for b in article.blocks if b.number} if article else {}
        if q.text not in paragraphs.get(q.paragraph, ""):
            errors.append(f"{entry.term}: {q.article} ¶{q.paragraph} does not contain {q.text}")
        if not any(form in q.text for form in (entry.term, *entry.variants)):
            errors.append(f"{entry.term}: the quotation {q.text} does not use the term")
    return errors


def test_every_quotation_from_the_essays_stands_in_its_paragraph(glossary, articles):
    quoted = [e for e in glossary.entries if e.quotations]
    # The 36 entries whose notes quoted the essays before the typed field (0.1.2) still do.
    assert len(quoted) >= 36, "entries lost their quotations"
    errors = [err for e in quoted for err in _quotation_errors(e, e.quotations, articles)]
    assert errors == [], "\n".join(errors)


def test_no_note_still_quotes_the_essays_as_plain_text(glossary):
    assert [e.term for e in glossary.entries if "In the essays:" in (e.note or "")] == []


def test_the_quotation_check_catches_a_wrong_paragraph_and_a_wrong_term(glossary, articles):
    entry = glossary.by_term()["思想政治工作"]
    right = entry.quotations[0]
    assert (right.article, right.paragraph) == ("guangyang-medical-insurance", 1)
    assert _quotation_errors(entry, [right], articles) == []
    assert len(_quotation_errors(entry, [replace(right, paragraph=2)], articles)) == 1
    other = glossary.by_term()["舆情"]
    assert len(_quotation_errors(other, [right], articles)) == 1


def test_the_loader_refuses_a_quotation_that_is_not_in_its_paragraph(glossary, articles):
    entry = glossary.by_term()["思想政治工作"]
    q = entry.quotations[0]
    moved = replace(q, paragraph=2)
    damaged = replace(glossary, entries=tuple(replace(e, quotations=(moved,)) if e is entry else e
                                             for e in glossary.entries))  # fmt: skip
    check_quotations(glossary, articles.values())  # the real one passes
    with pytest.raises(EditionError) as caught:
        check_quotations(damaged, articles.values())
    assert caught.value.line == q.yaml_lines[2]
    assert "does not stand in ¶2 of 'guangyang-medical-insurance'" in str(caught.value)


def _entry_block(page: str, term: str) -> str:
    start = page.index(f"````{{glossary-entry}} {term}\n")
    return page[start : page.index("\n````\n", start)]


def test_the_glossary_page_links_each_quotation_to_its_paragraph(glossary, articles, edition):
    page = edition_files(edition, glossary)["glossary/index.md"]
    for e in glossary.entries:
        block = _entry_block(page, e.term)
        if not e.quotations:
            assert "**In the essays**" not in block
            continue
        field = next(line for line in block.splitlines() if line.startswith("**In the essays** "))
        places = field.removeprefix("**In the essays** ").split("; ")
        assert len(places) == len(e.quotations)
        for q, place in zip(e.quotations, places, strict=True):
            a = articles[q.article]
            # Named by the author as the Occurs line names an article, then the ¶ link, then the words.
            link = f"[{a.author.text}](../texts/{a.source}/{a.id}.md)"
            para = f"{{ref}}`¶{q.paragraph} <{q.article}-p{q.paragraph}>`"
            assert place == f"{link} {para} {{lang-zh}}`“{q.text}”`"


def test_the_built_glossary_links_each_quotation_to_its_paragraph(glossary, articles, built_html):
    import bs4  # furo's dependency

    glossary_page = (built_html / "glossary" / "index.html").read_text(encoding="utf-8")
    soup = bs4.BeautifulSoup(glossary_page, "html.parser")
    fields = [p for p in soup.select("p.entry-field") if p.strong and p.strong.get_text() == "In the essays"]
    quotations = [q for e in glossary.entries for q in e.quotations]
    shown = [span for p in fields for span in p.find_all("span", attrs={"lang": "zh-Hans"}, recursive=False)]
    assert [s.get_text() for s in shown] == [f"“{q.text}”" for e in glossary.sorted() for q in e.quotations]
    assert len(shown) == len(quotations)
    for span in shown:
        para_link = span.find_previous_sibling("a")
        author_link = para_link.find_previous_sibling("a")
        href = para_link["href"]
        page, _, anchor = href.partition("#")
        target = (built_html / "glossary" / page).resolve()
        assert target.is_file(), href
        # The anchor is the paragraph that prints the words.
        html = bs4.BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        number = html.find(id=anchor)
        assert number is not None, href
        para = number.find_parent("p")
        for mark in para.select("a.footnote-reference"):  # note marks stand between the words
            mark.decompose()
        assert span.get_text().strip("“”") in para.get_text().replace("\n", ""), href
        assert author_link["href"] == page
