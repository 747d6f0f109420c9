"""A release's title names its event or programme whole. A notice board's title field ('제목
전자정부를 빛낸 50선 추천 공모 담당부서 …', '가. 제목 : 제1회 … 공모전') and a headline that
names the agency and its event with the verb left out ('산림청, 개청 50주년 기념 백두대간
생태탐방') are one name each, as the real-text guideline has them; the rules for running text
stop earlier in them (at a verb form, a year, an anniversary, a place). So when the rules found
an INITIATIVE that ends where such a title ends, it is widened to the title's start, and the same
words repeated later in the document are that name too.
"""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent

# a title field up to the next field or the end of its line
_FIELD = re.compile(r"(?:^|\n|(?<=[.\s]))제\s?목\s?:?\s?(?P<title>[^\n]{4,60}?)"
                    r"(?=\s(?:담당부서|담당자|작성일|작성자|등록일|조회수?|첨부파일)|\s*\n|\s*$)")
# 'Agency, event' on the first line, the verb left out; up to the page's fields or the line's end
_HEADLINE = re.compile(r"\A[^\S\n]*(?P<body>[가-힣A-Za-z]{2,12}), (?P<title>[^\n,]{4,50}?)"
                       r"(?=\s?(?:작성일|작성자|등록일|조회)|\s*\n|\s*$)")
_QUOTES = "'\"‘’“”「」『』<>《》"
_VERB_END = re.compile(r"(?:다|요|까|죠|했|한다|된다|나선다|연다)$")
_KEEP = ("DATE", "QUANTITY", "LOCATION", "INITIATIVE")  # what a title may contain and swallow (one INITIATIVE: its end)
_LOCATIVE = re.compile(r"[가-힣]{2,}(?:서|에서)\s")  # a headline's '… 공간서' (에서): the venue, no part of the name
_TOPIC = re.compile(r"\s관련\s")  # '보건복지부, "…" 관련 2018년 업무보고': the topic before 관련 is no part of the name


def widen_titles(text: str, ents: list[Ent]) -> list[Ent]:
    spans: list[tuple[int, int]] = []
    for m in _FIELD.finditer(text):
        spans.append(m.span("title"))
    head = _HEADLINE.match(text)
    if head is not None and any(e.start == head.start("body") and e.end == head.end("body") and e.label == "MINISTRY"
                                for e in ents):
        spans.append(head.span("title"))
    if not spans:
        return ents
    names: list[str] = []
    for s, e in spans:
        title = text[s:e].rstrip()
        e = s + len(title)
        topic = None
        for topic in _TOPIC.finditer(text, s, e):
            pass
        if topic is not None:
            s, title = topic.end(), text[topic.end():e]
        if any(c in _QUOTES for c in title) or _VERB_END.search(title):
            continue  # a quoted name is its own; a sentence is no name
        inside = [x for x in ents if s <= x.start and x.end <= e]
        last = next((x for x in reversed(inside) if x.end == e), None)
        if last is None or last.label != "INITIATIVE" or last.start == s or any(x.label not in _KEEP for x in inside) \
                or any(x.label == "INITIATIVE" and x is not last for x in inside) \
                or any(x.start < s < x.end or x.start < e < x.end for x in ents) or _LOCATIVE.search(text, s, last.start):
            continue  # two names, or where the event is held ('… 메타버스 공간서 발대식'): no one name
        drop = {id(x) for x in inside if x is not last}
        ents = [x for x in ents if id(x) not in drop]
        last.start = s
        last.attrs["generic"] = False
        last.attrs.pop("_bare", None)
        names.append(title)
    if names:
        ents = _widen_repeats(text, ents, names)
    return ents


def _widen_repeats(text: str, ents: list[Ent], names: list[str]) -> list[Ent]:
    """The title's words written again in the body: the part the rules found grows to the whole."""
    for name in names:
        for x in list(ents):
            if x.label != "INITIATIVE" or text[x.start:x.end] == name:
                continue
            s = x.end - len(name)
            if s >= 0 and text[s:x.end] == name and (s == 0 or not text[s - 1].isalnum()) \
                    and not any(y is not x and s < y.end and y.start < x.end and y.label not in _KEEP for y in ents):
                drop = {id(y) for y in ents if y is not x and s <= y.start and y.end <= x.end}
                ents = [y for y in ents if id(y) not in drop]
                x.start = s
                x.attrs["generic"] = False
    return ents
