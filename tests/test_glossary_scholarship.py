"""The glossary as a specialist reads it: every official or scholarly rendering has a
source one can open, every variant shows its own entry's pinyin and rendering, and every
essay a definition names contains the term.

Convention (docs/glossary.md): a definition names an essay by its place or unit, with the
words in ``ESSAYS`` ("the Tangshan hospital essay", "the Guangyang bureau", "the SOE
essay"); naming it is a claim that the essay uses the term or one of its variants."""

from __future__ import annotations

import re

import pytest
from sizheng_edition.model.glossary import Rendering

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


# A quotation from the essays in a note (docs/glossary.md): "<essay> ¶<n> “<words>”", the
# essay named by one of these words; the words must stand in that paragraph of that essay.
QUOTED_ESSAYS = {
    "Guangyang": "傅清",
    "Xingtai": "米耀坤",
    "SOE": "索淑杰",
    "highway": "田旭",
    "Fengrun": "焦晓云",
    "Tianjin": "刘江南",
    "Tangshan": "王威昊",
    "Sheyang": "王烨",
}
QUOTATION = re.compile(rf"\b({'|'.join(QUOTED_ESSAYS)}) ¶(\d+) “([^”]+)”")


def _paragraphs_by_author(articles) -> dict[tuple[str, int], str]:
    return {
        (a.author.text, b.number): b.text
        for a in articles.values()
        if a.author
        for b in a.blocks
        if b.number is not None
    }


def _quotation_errors(entry, note: str, paragraphs) -> list[str]:
    errors = []
    for essay, number, words in QUOTATION.findall(note):
        text = paragraphs.get((QUOTED_ESSAYS[essay], int(number)), "")
        if words not in text:
            errors.append(f"{entry.term}: {essay} ¶{number} does not contain {words}")
        if not any(form in words for form in (entry.term, *entry.variants)):
            errors.append(f"{entry.term}: the quotation {words} does not use the term")
    return errors


def test_every_quotation_from_the_essays_stands_in_its_paragraph(glossary, articles):
    paragraphs = _paragraphs_by_author(articles)
    quoted = [e for e in glossary.entries if e.note and QUOTATION.search(e.note)]
    assert quoted, "no entry quotes the essays"
    errors = [err for e in quoted for err in _quotation_errors(e, e.note or "", paragraphs)]
    assert errors == [], "\n".join(errors)


def test_the_quotation_check_catches_a_wrong_paragraph_and_a_wrong_term(glossary, articles):
    paragraphs = _paragraphs_by_author(articles)
    entry = glossary.by_term()["思想政治工作"]
    right = "Guangyang ¶1 “思想政治工作是凝聚队伍力量”"
    assert _quotation_errors(entry, right, paragraphs) == []
    assert len(_quotation_errors(entry, right.replace("¶1", "¶2"), paragraphs)) == 1
    other = glossary.by_term()["舆情"]
    assert len(_quotation_errors(other, right, paragraphs)) == 1
