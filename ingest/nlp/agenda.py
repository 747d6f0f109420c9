"""Sittings named by their agenda in the minutes of a committee: a question session or a
hearing 'on' something is one name, its title up to the meeting word
('비상계엄에서의 국가기간방송 KBS의 역할 등에 대한 현안질의', gold guideline: "an agenda
title up to the meeting word is the name"). The title runs back, as a law's name does
(initiatives.find_laws), over nouns, '및', '등' and nouns with 의/에서의 to the first word with
another particle, a determiner or an agenda number ('의사일정 제2항'). A title that is only
bodies ('방송통신심의위원회에 대한 현안질의') or that holds a law or bill (which keeps its own
span) names no sitting: the meeting word stands alone there.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.initiatives import _ARTICLE, _GENITIVE, _LAW_DETERMINERS, _STOP_CHARS, _nominal_parts
from ingest.nlp.people import TITLES
from ingest.nlp.view import TextView

# a hearing 'on' a nominee names the person, not an agenda ('위원장후보자에 대한 인사청문회')
_AGENDA_RE = re.compile(r"에 대한 (현안질의|공청회|토론회)(?![가-힣A-Za-z0-9]{2})")
_BODY_LABELS = ("MINISTRY", "ORGANIZATION", "COMPANY", "LOCATION")


def find_agenda_titles(view: TextView, known: list[tuple[int, int, str]]) -> Iterator[tuple]:
    """Question sessions and hearings named by their agenda; `known`: the entities found so far."""
    text = view.text
    bodies = bytearray(len(text))
    laws = []
    for s, e, label in known:
        if label in _BODY_LABELS:
            bodies[s:e] = b"\x01" * (e - s)
        elif label == "INITIATIVE":
            laws.append((s, e))
    for m in _AGENDA_RE.finditer(text):
        end = m.end()
        if not view.is_cut(end) or view.core_end(view.word_start(end - 1), view.word_end(end)) != end:
            continue
        pos = m.start()
        start = view.word_start(pos)
        if start == pos or not (text[start:pos] == "등" or view.is_nominal(start, pos)):
            continue
        words = 0
        while words < 10 and start >= 2 and text[start - 1] == " ":
            ps = view.word_start(start - 1)
            word = text[ps:start - 1]
            stem = next((ps + len(word) - len(g) for g in _GENITIVE if word.endswith(g) and len(word) > len(g)), start - 1)
            if word in _LAW_DETERMINERS or word in TITLES or _ARTICLE.fullmatch(word) \
                    or any(c in _STOP_CHARS and c != "·" for c in word) \
                    or not (word in ("및", "등") or _nominal_parts(view, ps, stem)):
                break
            start, words = ps, words + 1
        while text.startswith(("및 ", "등 "), start):
            start += 2
        title = text[start:pos]
        if words < 2:
            continue  # '방송통신심의위원회에 대한 현안질의', 'KBS 문제에 대한 토론회': the body or matter questioned
        if not view.aligned(start, end) or any(s < pos and e > start for s, e in laws):
            continue  # a bill's hearing: the bill keeps its span
        if all(bodies[i] for i in _letters(title, start)):
            continue  # '방송통신심의위원회에 대한 현안질의': the body questioned, no title
        yield start, end, "INITIATIVE", {"kind": "meeting", "generic": False}


def _letters(title: str, start: int) -> list[int]:
    """Offsets of the title's letters outside the words '등' and '및'."""
    out, at = [], start
    for word in title.split(" "):
        if word not in ("등", "및"):
            out += [at + i for i, c in enumerate(word) if c.isalnum()]
        at += len(word) + 1
    return out
