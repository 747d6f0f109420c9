"""A broadcaster's programmes named with their airtime, as schedules in releases write them:

    KTV는 정책 대담 프로그램 국정토크(매주 수 오후 8시)를 신설한다.
    생방송 정보광장(월~금 오전 9시 30분)에서는 …

The gold guideline counts a broadcaster's programmes as initiatives (ingest/nlp/gold/README.md:
'정책오늘, 국정포커스'), yet their names are often words of no head (포커스, 오늘, 현장) that
no other rule reads. The airtime in brackets right after a name (a weekday or 매일/매주/평일
and a clock time), with broadcasting spoken of nearby, marks the words before it as a
programme: one to three bare nouns, back to a particle, punctuation, a determiner, a kind
word (프로그램) or another entity.

A broadcaster's page heads its item with the programme and its airtime on a line of their
own, then the date it was posted ('KTV 대한뉴스 월~금요일 19시 00분' | … | '등록일 : …'): the
whole line before the airtime is the programme's name (`find_page_programmes`).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.heads import CHAIN_STOP, HEADS
from ingest.nlp.news_items import filed_under
from ingest.nlp.view import TextView

_DAY = r"(?:매일|매주|평일|주말|격주|[월화수목금토일](?:요일)?(?:\s?[~∼·,-]\s?[월화수목금토일](?:요일)?)*)"
_AIRTIME = re.compile(r"\((?:" + _DAY + r")[^()\n]{0,12}?(?:오전|오후|저녁|아침|밤|낮)?\s?\d{1,2}(?:시|:\d\d)[^()\n]{0,16}\)")
_MAX_WORDS = 3
# a schedule is a broadcaster's where broadcasting is spoken of nearby; a venue may have
# hours too ('본관 대회의실(매주 화 14시)')
_BROADCAST = re.compile(r"방송|방영|프로그램|편성|채널|진행자|시청자|생중계|앵커")
_NEAR = 150
_WORDISH = re.compile(r"[가-힣A-Za-z]")
_CLOCK = re.compile(r"\d+(?:시|분|일|월|년)|[월화수목금토일]요일")  # '토요일 26시(일요일 오후 2시)': a time, no name


def find_programmes(view: TextView, taken: bytearray) -> Iterator[tuple]:
    """INITIATIVE candidates for the names before an airtime in brackets; `taken` marks
    the characters of entities found so far (a quoted name there is found already)."""
    text = view.text
    for m in _AIRTIME.finditer(text):
        end = m.start()
        if end == 0 or text[end - 1].isspace() or taken[end - 1] or not view.is_cut(end):
            continue  # '『KTV 캠퍼스 리포트』(매주 토, 저녁 9시)': the quoted name is read already
        if not _BROADCAST.search(text, max(0, end - _NEAR), min(len(text), m.end() + _NEAR)):
            continue
        start, words, pos = end, 0, end
        while words < _MAX_WORDS and pos > 0:
            ws = view.word_start(pos)
            word = text[ws:pos]
            if not word or word in CHAIN_STOP or word in HEADS or _CLOCK.fullmatch(word) or not view.is_nominal(ws, pos) \
                    or taken.find(1, ws, pos) != -1 or view.tag_at(ws) == "NNB":
                break  # '대담 프로그램 국정토크(…)': the kind before the name is no part of it
            start, words = ws, words + 1
            if ws < 2 or text[ws - 1] != " ":
                break
            pos = ws - 1
        if words and text[start:end] not in HEADS:
            yield start, end, "INITIATIVE", {"kind": "program", "generic": False}


# 'KTV 대한뉴스 7 화~토 07시 00분', 'KTV 뉴스 (17시) 일요일 17시 00분' on a line of their own
_HEADER = re.compile(r"^(?P<name>[^\n]{2,30}?) " + _DAY + r" \d{1,2}시 \d{2}분[ \t]*$", re.M)
_POSTED = re.compile(r"등록일\s?:")


def find_page_programmes(view: TextView) -> Iterator[tuple]:
    """The programme a broadcaster's page is filed under: the words before the airtime on
    a line of their own near the page's '등록일 :' (posting date)."""
    text = view.text
    yield from filed_under(view)  # '… | KTV 뉴스중심 | … | 등록일 : …': no airtime
    if "분" not in text or _POSTED.search(text) is None:
        return  # a cheap check: no posting date, no page header
    for m in _HEADER.finditer(text, 0, min(len(text), 600)):
        name = m.group("name").strip()
        start = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        end = start + len(name)
        if _WORDISH.search(name) and not _CLOCK.fullmatch(name) and _POSTED.search(text, m.end(), m.end() + 200) \
                and view.is_cut(start) and view.is_cut(end):
            yield start, end, "INITIATIVE", {"kind": "program", "generic": False}
