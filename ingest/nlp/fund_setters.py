"""Who sets up a fund (issue #20, round 4, news articles): ANNOUNCES body → fund.

A fund is set up by the body that puts money in it or raises it ('특허청은 특허기술사업화 펀드를 …
조성한다', '중기부는 미래도약펀드에 500억 원을 출자해'), and news goes on in the next sentences with
the subject left out ('또 400억 원을 출자해 M&A펀드를 조성하고 … 이 밖에도 창업초기펀드 …를 출자한다'):
the annotators' notes give those funds to the body of the sentence before (gold README, news
articles: an omitted subject is the body of the sentence before). The announce verbs of the
sentence rules do not include 조성 or 출자, which are a fund's own verbs.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

_BODIES = ("MINISTRY", "ORGANIZATION", "COMPANY")
_SUBJ_TAILS = ("은", "는", "이", "가")
# the verb, not a noun it qualifies ('민간펀드 조성의 어려움', '출자비율', '출자사업을 진행한다')
_SETS_UP = re.compile(r"(?:조성|출자|결성)(?!\s?의\s|\s?(?:비율|비중|한도|실적|잔액|사업|어려움))")
# a fund drawn on, not set up ('모태펀드 300억 원을 활용해'), or a form of funding ('매칭펀드 형태로')
_DRAWN_ON = re.compile(r"\s?(?:[\d,.]+\s?[억조만천]*\s?원\s?)?(?:을|를|에서|의)?\s?(?:활용|재원|통해)"
                       r"|\s?(?:형태|방식)(?:로|으로|의)")
# a sentence that goes on with the subject before left out
_GOES_ON = re.compile(r"\s*(?:또한?|아울러|이와 함께|이 밖에도|이밖에도|그 밖에도|한편)\s")


def _funds(ms: list) -> list:
    return [m for m in ms if m.label == "INITIATIVE" and m.attrs.get("kind") == "fund"
            and not m.attrs.get("generic") and not m.attrs.get("coref")]


def fund_setters(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """ANNOUNCES the sentence's subject body (or the one carried from the sentence before) → each
    fund the sentence sets up with 조성, 출자 or 결성 after it."""
    text = view.text
    if "펀드" not in text:
        return
    carried = None  # the body that set up funds in the sentence before
    for si, (ss, se) in enumerate(sents):
        ms = buckets[si]
        funds = [f for f in _funds(ms) if _SETS_UP.search(text, f.end, se) and not _DRAWN_ON.match(text, f.end)]
        if not funds:
            carried = None
            continue
        subj = [m for m in ms if m.label in _BODIES and m.end <= funds[0].start and view.tail(m.end) in _SUBJ_TAILS]
        if len(subj) > 1:
            carried = None
            continue
        if subj:
            body = subj[0]
        elif carried is not None and _GOES_ON.match(text, ss) \
                and not any(m.label in _BODIES and m.end <= funds[0].start for m in ms):
            body = carried
        elif view.tail(funds[0].end) in _SUBJ_TAILS:
            continue  # '지역뉴딜벤처펀드는 … 조성한다': a fund of its own as the topic; the body carries on
        else:
            carried = None
            continue
        for f in funds:
            if not any(m.label in _BODIES and body.end <= m.start < f.start and m is not body for m in ms):
                add("ANNOUNCES", body, f, si)
        carried = body
