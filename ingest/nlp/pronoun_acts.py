"""'이를' as the object of a plan's verb: the plan named in the sentence before.

News reports and releases name a plan once and go on with a pronoun:

    정부는 오늘 국무회의에서 '2025년 경제정책방향'을 확정했습니다.
    정부는 하반기부터 이를 본격 시행할 계획입니다.          the plan, from the second half

The sentence rules see no initiative in the second sentence and leave it. Read here: a
sentence with no initiative of its own whose '이를' is the object of a verb of running or
setting up (시행, 추진, 도입, 운영, 확정, 마련, 발표, 실시) refers to the object of the sentence
before ('…을 확정했다'); that plan is scheduled for the sentence's one date still ahead, and
the sentence's subject body announces it. '이를 위해' (for this) names no object and is left
alone, and so is a sentence that reports the past.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from ingest.nlp.timing import over, value_end
from ingest.nlp.view import TextView

_THIS = re.compile(r"(?<![가-힣])이를\s(?:[^\s.,]+\s){0,2}?(?:본격\s|본격적으로\s|단계적으로\s)?"
                   r"(?:시행|추진|도입|운영|확정|마련|발표|실시)(?:할|한다|하기로|합니다|하겠|해\s|하고\s|하며)")
_OBJECT = ("을", "를")
_SUBJECT = ("은", "는", "이", "가")
_BODIES = ("MINISTRY", "ORGANIZATION", "COMPANY")


def pronoun_acts(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable,
                 ref: date | None) -> None:
    """SCHEDULED_FOR and ANNOUNCES for the plan '이를' refers back to."""
    text = view.text
    for si in range(1, len(sents)):
        ss, se = sents[si]
        ms = buckets[si]
        if "이를" not in text[ss:se] or any(m.label == "INITIATIVE" for m in ms):
            continue  # (a cheap check first; a sentence with its own initiative: the sentence rules decided)
        this = _THIS.search(text, ss, se)
        if this is None or over(view, ss, se):
            continue
        objects = [m for m in buckets[si - 1] if m.label == "INITIATIVE" and not m.attrs.get("generic")
                   and m.attrs.get("kind") != "meeting" and view.tail(m.end).lstrip("'’\"”」』") in _OBJECT]
        if len(objects) != 1:
            continue  # none, or several: which one the pronoun takes is not told
        plan = objects[0]
        ahead = [d for d in ms if d.label == "DATE" and d.value and d.end <= this.start()
                 and (ref is None or (value_end(d.value) or date.min) >= ref)]
        if len(ahead) == 1:
            add("SCHEDULED_FOR", plan, ahead[0], si)
        subject = [b for b in ms if b.label in _BODIES and b.end <= this.start() and view.tail(b.end) in _SUBJECT]
        if len(subject) == 1:
            add("ANNOUNCES", subject[0], plan, si)
