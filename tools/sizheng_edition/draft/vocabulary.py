"""What the words say across a column break: a dictionary word the break splits, and
how alike the vocabulary of two texts is (Han bigrams, cosine similarity)."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import jieba
import jieba.posseg

from sizheng_edition.text.chars import HAN_RUN, is_han
from sizheng_edition.text.script import to_simplified


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    jieba.initialize()
    words: dict[str, int] = jieba.dt.FREQ
    return words


def forms_word(left: str, right: str) -> str | None:
    """A dictionary word of two to four characters that spans the break, if jieba, cutting
    the text around the break, reads it there: 与生|产经营 is 生产, but in 与生|在医疗 the
    dictionary's 生在 loses to 与生 在, and says nothing."""
    words = _dictionary()
    left_part, right_part = left[-6:], right[:6]
    at = 0
    for token in jieba.cut(left_part + right_part):
        start, at = at, at + len(token)
        if start < len(left_part) < at:
            spans = 2 <= len(token) <= 4 and all(is_han(c) for c in token) and words.get(token)
            return token if spans else None
    return None


def bigrams(text: str) -> Counter[str]:
    runs = HAN_RUN.findall(text)
    return Counter(r[i : i + 2] for r in runs for i in range(len(r) - 1))


def cosine(x: Counter[str], y: Counter[str]) -> float:
    dot = sum(v * y[k] for k, v in x.items())
    norm = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
    return dot / norm if norm else 0.0


_SURNAMES = frozenset(
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎"
    "易常武乔贺赖龚文米索焦温燕"
)


def is_name(text: str) -> bool:
    """A person's name: not an ordinary word of jieba's dictionary, and either a common
    surname and one or two characters more, or tagged nr (a name) by jieba.  A traditional
    name (劉江南) is read in simplified, as the surnames and the dictionary are."""
    text = to_simplified(text)
    words = list(jieba.posseg.cut(text))
    if len(words) == 1 and words[0].flag != "nr" and _dictionary().get(text):
        return False
    if text[:1] in _SURNAMES and 2 <= len(text) <= 3:
        return True
    return bool(words) and words[0].flag == "nr"
