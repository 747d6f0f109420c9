"""A group an agreement or a launch sets up, named in the quoted agreement and then on its own.

A release quotes the agreement with the partnership's name in it ("'새만금 그린 트러스트(Green
Trust) 업무협약'을 체결") and then writes the partnership bare ('특히 새만금 그린 트러스트(Green
Trust)는 …', '… 공식 출범식과 함께'). The real-text guideline has the partnership as an initiative
of its own, and an unquoted name with its meeting word as one span ('글로벌 K-FAST 얼라이언스
출범식'). The rules for running text cannot read such a name (it has no head word), but the
quoted agreement vouches for it: each later bare mention is the group, and the group with a
launch or kick-off word after it ('공식 출범식') is that event.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import FUNCTIONAL, TextView

Cand = tuple[int, int, str, dict]

_SETS_UP = re.compile(r"\s(?:업무협약|협약|MOU|양해각서|협약식|업무협약식|출범식|발대식|창립총회)$")
_LAUNCH = re.compile(r"\s(?:공식\s)?(?:출범식|발대식|창립총회|협약식)(?![A-Za-z0-9])")
_LAUNCHED = re.compile(r"['’\"”」』]\s?(?:공식\s)?(?:출범식|발대식|창립총회)")
_AGREEMENTS = frozenset({"업무협약", "협약", "MOU", "양해각서", "협약식", "업무협약식"})
_SPELLING = re.compile(r"\s?\([A-Za-z][A-Za-z .&-]*\)$")


def find_group_mentions(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    quoted = [(s, e) for s, e, lab, a in ents if lab == "INITIATIVE" and a.get("quoted")]
    if not quoted:
        return
    taken = {(s, e) for s, e, _l, _a in ents}
    for qs, qe in quoted:
        m = _SETS_UP.search(text, qs, qe)
        if m is not None:
            group = text[qs:m.start()]
            if m.group().strip() in _AGREEMENTS and not _SPELLING.search(group):
                continue  # "'탄소중립 산업 전환 협약'": the topic of the agreement, no group; a coined name is spelled out
        elif _LAUNCHED.match(text, qe):
            group = text[qs:qe]  # "'…' 출범식": the quoted group, its launch after the quote
        else:
            continue
        if len(group) < 4 or not (" " in group or re.search(r"[A-Za-z]", group)):
            continue  # one short word names no particular group
        # the group is also written without its Latin spelling ('새만금 그린 트러스트가')
        short = _SPELLING.sub("", group)
        forms = [group] + ([short] if short != group and " " in short else [])
        for occ in re.finditer("|".join(map(re.escape, forms)), text):
            s, e = occ.span()
            if qs <= s < qe or (s > 0 and text[s - 1].isalnum()) or (s, e) in taken:
                continue
            launch = _LAUNCH.match(text, e)
            if launch is not None and view.is_cut(launch.end()):
                yield s, launch.end(), "INITIATIVE", {"kind": "meeting", "generic": False}
            elif view.is_cut(e) and (e == len(text) or not text[e].isalnum() or view.tag_at(e).startswith(FUNCTIONAL)):
                yield s, e, "INITIATIVE", {"kind": "taskforce", "generic": False}
