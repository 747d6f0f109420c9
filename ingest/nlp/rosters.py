"""Who takes part, where a release names them in a note after the sentence that counts them:

    … 해양환경공단 등 8개 공공기관장이 참석하였다.            ← attendance, with a count
    * 해양환경공단·인천항만공사(인천), 국립해양생물자원관(세종)   ← the note lists them all

Releases of state agencies give the count in the sentence and the names in a note line
('*', '※', 'ㅇ') below it, with no verb and no label ('참석자 :' lines are frames.py's). Every
body, company or person of the note takes part in what the counted participants of the
sentence before take part in (the relations already found for it), or, if none was found,
in the meeting the document last named.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

AGENTS = ("COMPANY", "ORGANIZATION", "PERSON", "MINISTRY")
# a note line: '* A·B(서울), C(인천)', '※ A, B, C' (a label such as '참석 :' is frames.py's list line)
_NOTE = re.compile(r"\s*(?:[*※]|ㅇ\s)\s*")
_MARK_ONLY = re.compile(r"\s*[*※]\s*")
_SPACE = re.compile(r"\s*")
_LABELLED = re.compile(r"[^:：\n]{0,12}[:：]")
# the sentence before: who takes part, counted ('등 8개 공공기관장이 참석하였다', '등 15개 기업이 참여한다')
_COUNTED = re.compile(r"등\s(?:[가-힣]+\s)?[\d,]+여?\s?(?:개|명|곳|개사)[^.]{0,40}?(?:참석|참여|참가|동참)")


def note_participants(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                      out: list, add: Callable) -> None:
    """PARTICIPATES_IN for the names of a note line after a counted attendance sentence."""
    text = view.text
    inits = [m for m in mentions if m.label == "INITIATIVE"]
    for si in range(1, len(sents)):
        ss, se = sents[si]
        note = _NOTE.match(text, ss, se)
        prev = si - 1
        if note is None and si > 1 and _MARK_ONLY.fullmatch(text, *sents[si - 1]):
            note, prev = _SPACE.match(text, ss, se), si - 2  # the mark split off as a sentence
        if note is None or _LABELLED.match(text, note.end()) or not _COUNTED.search(text, *sents[prev]):
            continue
        agents = [m for m in buckets[si] if m.label in AGENTS]
        if len(agents) < 2 or any(m.label == "INITIATIVE" for m in buckets[si]) or not _only_names(view, note.end(), se):
            continue
        targets = {t for kind, _h, t, s in out if kind == "PARTICIPATES_IN" and s == prev}
        if not targets:
            before = [m for m in inits if m.end <= ss and m.attrs.get("kind") == "meeting"]
            targets = {before[-1].key} if before else set()
        by_key = {m.key: m for m in inits}
        for t in targets:
            if t in by_key:
                for m in agents:
                    add("PARTICIPATES_IN", m, by_key[t], si)


def _only_names(view: TextView, start: int, end: int) -> bool:
    """Whether the note is a list of names: nouns, separators and bracketed places, no
    predicate or case particle (a note that says something about them is no roster)."""
    return all(not mo.tag.startswith(("V", "E", "XSV", "XSA")) and (not mo.tag.startswith("J") or mo.tag == "JC")
               for mo in view.morphs_in(start, end))
