"""Short names a release defines for an initiative and then uses:

    행정안전부는 청년마을 만들기 사업(이하 청년마을 사업)에 참여할 지자체를 공모한다. …
    이번 청년마을 사업은 5월까지 진행된다.

The short name in the parenthesis ('이하' = 'hereafter') and each later use of it are
mentions of the initiative named right before the parenthesis (its canonical name is the
full name, by `_ante` as for back references in initiatives.find_references), so the
relations stated on the short name reach the initiative.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.heads import head_kind
from ingest.nlp.view import TextView

# '(이하 청년마을 사업)', "(이하 '공모전')", '(이하 “K-칩스법”이라 한다)'; a closing quote of the
# full name may stand between ('‘2019 … 공모전’(이하 공모전)')
_DEFINE = re.compile(r"['’\"”」』]?\s?\((?:이하|약칭)\s?[‘'\"“「]?(?P<alias>[^()'’\"”」,\n]{2,20}?)[’'\"”」]?"
                     r"(?:\s?(?:이라|라)\s?(?:한다|함))?\)")
_LETTER = re.compile(r"[가-힣A-Za-z]")
_OPEN_BEFORE = " \n\t'\"‘“(「『<"


def find_short_names(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """The alias of each named INITIATIVE defined by '(이하 …)' right after it, and its later uses."""
    text = view.text
    taken = {(s, e) for s, e, _l, _a in ents}
    for s, e, label, attrs in ents:
        if label != "INITIATIVE" or attrs.get("coref") or attrs.get("generic"):
            continue
        m = _DEFINE.match(text, e)
        if m is None:
            continue
        alias = m.group("alias").strip()
        if not _LETTER.search(alias) or alias == text[s:e]:
            continue
        a_s = text.index(alias, m.start("alias"))
        ref = {"kind": attrs.get("kind", "plan"), "coref": True, "_ante": (s, e)}
        yield a_s, a_s + len(alias), "INITIATIVE", dict(ref)
        pos = m.end()
        while (us := text.find(alias, pos)) != -1:
            ue = us + len(alias)
            pos = ue
            if (us > 0 and text[us - 1] not in _OPEN_BEFORE) or (us, ue) in taken:
                continue  # inside another word ('지역청년마을 사업')
            if view.is_cut(ue) and view.core_end(view.word_start(ue - 1), view.word_end(ue)) == ue:
                yield us, ue, "INITIATIVE", dict(ref)  # followed by a particle or nothing ('청년마을 사업은')


_MIN_LETTERS = 4
_DISTINCT = re.compile(r"[A-Za-z0-9\-·&]")
_BULLETS = "▲△□■○●◇◆※-…"


def find_repeats(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """A name the document marks as a name once (in quotes: "'KTV 편성 개방'이 올해도
    계속된다") written again without the marks elsewhere in the same document (a headline's
    'KTV 편성 개방 올해도 계속', '창조경제혁신센터가 올해 완성됐습니다'): each such word is a
    mention of it. Only at a word's start, ending where the word ends or a particle begins
    (Kiwi's reading), and never cutting another entity; a name of fewer than four letters
    is too likely a common word, and so is one without a head word, Latin letter or digit."""
    text = view.text
    names = {text[s:e] for s, e, label, a in ents
             if label == "INITIATIVE" and a.get("quoted") and not a.get("generic") and not a.get("coref")}
    # a head word or a letter, digit or hyphen marks a name ('KTV 편성 개방'); a quoted phrase of
    # common words ('브랜디드 콘텐츠') is as often a term the text discusses
    names = {n for n in names if len(re.sub(r"\W", "", n)) >= _MIN_LETTERS and (head_kind(n) or _DISTINCT.search(n))}
    if not names:
        return
    kind = {text[s:e]: a.get("kind", "plan") for s, e, label, a in ents if label == "INITIATIVE"}
    spans = [(s, e) for s, e, _label, _a in ents]
    for name in sorted(names, key=len, reverse=True):
        pos = 0
        while (us := text.find(name, pos)) != -1:
            ue = pos = us + len(name)
            if (us > 0 and text[us - 1] not in _OPEN_BEFORE + _BULLETS) or not view.aligned(us, ue) \
                    or any(s < ue and us < e and not (us <= s and e <= ue) for s, e in spans) \
                    or (us, ue) in spans:
                continue  # inside another word or entity; or found already
            word_end = view.word_end(ue)
            if ue < word_end and text[ue].isalnum():
                first = view.morphs_in(ue, word_end)
                if not first or not first[0].tag.startswith(("J", "VCP")):
                    continue  # '…센터장', '…개방하여': another word
            spans.append((us, ue))
            yield us, ue, "INITIATIVE", {"kind": kind.get(name, "plan"), "repeat": True}
