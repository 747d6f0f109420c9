"""The clause a candidate pair shares, read from Kiwi's morphemes (features of relpairs.py).

Words between and after the two arguments vary with a document's style ('자리했다',
'참석했다', '함께했다'); the grammar of the clause does not. These features say what role
each argument plays (the particle Kiwi tagged after it: subject, topic, object, place,
possessive, list), which predicate governs the clause after the pair and what kind of act
it names (attend, hold, chair, sign, select, announce, schedule), whether a clause ends
between the two arguments (then they are seldom each other's), and whether the predicate
only modifies a noun ('참석한 기업': a relative clause). No feature names a document,
a name or an entity.
"""
from __future__ import annotations

from ingest.nlp.view import TextView

# the particle's role (Kiwi's tag, refined by form where one tag has several uses)
_ROLE_BY_TAG = {"JKS": "subj", "JKC": "subj", "JKO": "obj", "JKB": "adv", "JKG": "poss", "JC": "conj",
                "JKQ": "quote", "JKV": "other"}
_ROLE_BY_FORM = {"은": "topic", "는": "topic", "도": "also", "만": "only", "에": "at", "에서": "from", "에게": "to",
                 "으로": "as", "로": "as", "와": "conj", "과": "conj", "께서": "subj", "부터": "from", "까지": "until"}
# predicate lemmas (the noun of 'N하다' or the verb stem) by the act they name
_ACT = {**dict.fromkeys(("참석", "자리", "함께", "배석", "참가", "방문", "초청", "출석", "모이", "모", "찾"), "attend"),
        **dict.fromkeys(("참여", "동참", "합류", "가입", "구성", "나서", "뛰어들", "소속"), "member"),
        **dict.fromkeys(("개최", "열", "열리", "마련", "진행", "개막"), "hold"),
        **dict.fromkeys(("주재", "주관", "맡", "이끌", "주도", "위원장", "좌장", "총괄"), "chair"),
        **dict.fromkeys(("체결", "서명", "협약", "맺"), "sign"),
        **dict.fromkeys(("선정", "지정", "선발", "뽑"), "select"),
        **dict.fromkeys(("발표", "공개", "수립", "확정", "내놓", "밝히", "공고", "출범", "시행", "추진", "제시", "의결"),
                        "announce"),
        **dict.fromkeys(("예정", "계획", "목표", "방침"), "schedule"),
        **dict.fromkeys(("말하", "강조", "설명", "당부", "언급"), "say")}
_CLAUSE_EC = ("고", "며", "으며", "면서", "으면서", "어서", "아서", "는데", "은데", "지만", "으나", "나", "면", "으면")


def role(view: TextView, end: int, limit: int) -> str:
    """The role of the word that ends at `end`: its first particle, 'none' for a bare noun
    followed by a space or punctuation."""
    for m in view.morphs_in(end, min(limit, end + 6)):
        if m.start > end + 1:
            break
        if m.tag.startswith("J"):
            return _ROLE_BY_FORM.get(m.form) or _ROLE_BY_TAG.get(m.tag, "other")
        if m.tag in ("SP",):
            return "comma"
        if m.tag in ("VCP",):
            return "copula"
        if m.tag.startswith(("N", "S")) and m.start > end:
            break
    return "none"


def predicate(view: TextView, start: int, limit: int) -> tuple[str, str, int]:
    """(act, how the predicate ends: 'final' / 'link' / 'mod' / 'noun', its position) of the
    first predicate after `start` within the sentence; ('', '', limit) when there is none."""
    ms = view.morphs_in(start, limit)
    for i, m in enumerate(ms):
        lemma = ""
        if m.tag in ("VV", "VA"):
            lemma = m.form
        elif m.tag in ("XSV", "XSA") and i > 0:
            lemma = ms[i - 1].form
        if not lemma:
            continue
        end = next((n for n in ms[i + 1:i + 5] if n.tag in ("EF", "EC", "ETM", "ETN")), None)  # past the tense (EP)
        how = ("final" if end is None or end.tag == "EF" else "mod" if end.tag == "ETM" else
               "noun" if end.tag == "ETN" else "link")
        return _ACT.get(lemma, "other"), how, m.start
    return "", "", limit


def last_act(view: TextView, start: int, limit: int) -> str:
    """The act of the last predicate before `limit` (the sentence's end) after `start`."""
    act, pos = "", start
    while True:
        got, _how, at = predicate(view, pos, limit)
        if not got:
            return act
        act, pos = got, at + 1


def clause_between(view: TextView, a: int, b: int) -> bool:
    """Whether a clause ends between `a` and `b` (a final ending, or a linking one: 고, 며 …)."""
    return any(m.tag == "EF" or m.tag == "EC" and m.form in _CLAUSE_EC for m in view.morphs_in(a, b))


def pair_features(view: TextView, first: tuple[int, int], second: tuple[int, int], arg_first: bool,
                  sent_end: int) -> list[str]:
    """The clause features of a pair within one sentence; `first`/`second` are the (start,
    end) of the arguments in text order, `arg_first` whether the agent or date (not the
    initiative) comes first."""
    r1, r2 = role(view, first[1], sent_end), role(view, second[1], sent_end)
    ra, ri = (r1, r2) if arg_first else (r2, r1)
    act, how, at = predicate(view, second[1], sent_end)
    mid_act, _mid_how, _p = predicate(view, first[1], second[0])
    f = [f"ra={ra}", f"ri={ri}", f"roles={ra}>{ri}", f"act={act or 'none'}", f"act_how={how or 'none'}",
         f"act={act or 'none'}&ra={ra}", f"act={act or 'none'}&ri={ri}", f"act={act or 'none'}&{how}"]
    if mid_act:
        f += [f"mid_act={mid_act}"]
    last = last_act(view, second[1], sent_end)
    if last and last != act:  # '… 내놨다고 밝혔다': the sentence's own predicate after the clause's
        f.append(f"last_act={last}")
    if clause_between(view, first[1], second[0]):
        f.append("clause_between")
    if at - second[1] <= 12:
        f.append("act_near")
    return f
