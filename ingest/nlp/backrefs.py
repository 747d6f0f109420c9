"""Back references to a body or council named before: '동 위원회는', '위원회에는 … 참여한다'.

Releases name a committee, council or alliance once ('4차산업혁명위원회', '제4기
민·관환경정책협의회') and then call it by its head word alone, often with a determiner:

    4차산업혁명위원회는 … 출범했다. … 특히 위원회가 중심이 돼 … 기본구상안을 발표했다.
    정부는 '탄소중립 산업전환 협의체'를 구성했다. 동 협의체에는 A, B 등이 참여한다.

The head word is no entity of its own (the words that name meetings and plans are read
by initiatives.find_references and the linker); here it stands, for the relation rules,
for the nearest earlier mention whose name ends in that head, as a surname with a title
stands for the person named before (person_forms.surname_references). Relations found on
it are moved to that mention, so no new node is made.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ingest.nlp.view import TextView

# heads of the names of bodies and standing councils that releases repeat alone
BODY_HEADS = ("위원회", "협의회", "협의체", "추진단", "위원단", "얼라이언스", "연합회", "협회", "공단", "재단")
_REF = re.compile(r"(?<![^\s'\"‘“(])(?:(?P<det>이번|동|해당|본|이|그|같은)\s)?(?P<head>" + "|".join(BODY_HEADS) + r")"
                  r"(?=(?:은|는|이|가|에는|에서는|에서|에도|의|와|과|도|를|을|에|로|으로|측은|측이|측)(?:\s|[,.]|$)"
                  r"|\s(?:위원장|의장|회장|단장|이사장)(?:인|은|는|이|가|을|를|으로|\s))")  # '위원회 위원장인 A'
# the head of the body referred to, named right before or after its post: 'A 위원회 위원장', '위원회 위원장인 A'
_POST = re.compile(r"\s(?:위원장|의장|회장|단장|이사장)(?:인\s|\s)?")
# a determiner with the generic word of a kind of initiative ('이번 사업은', '동 계획에') points
# to the one of that kind named last, though its name ends in another word ('… 육성 프로그램')
KIND_WORDS = {"사업": ("program", "project"), "프로그램": ("program", "project"), "프로젝트": ("program", "project"),
              "계획": ("plan", "strategy"), "전략": ("plan", "strategy"), "대책": ("plan", "strategy"),
              "방안": ("plan", "strategy"), "정책": ("plan", "strategy"), "협약": ("project",), "펀드": ("fund",),
              "기금": ("fund",)}
_DEFINITE = re.compile(r"(?<![^\s'\"‘“(])(?:이번|동|해당|본|이)\s(?P<head>" + "|".join(KIND_WORDS) + r")"
                       r"(?=(?:은|는|이|가|에는|에서는|에서|에도|의|와|과|도|를|을|에|으로|로)(?:\s|[,.]|$))")
_OWN = re.compile(r"(?:우리|저희)\s$")  # the speaker's own body
_LABELS = ("MINISTRY", "ORGANIZATION", "INITIATIVE", "COMPANY")


def body_references(view: TextView, mentions: list) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, label, the key of the mention referred to) for each bare head word of
    `BODY_HEADS` that no mention covers and that follows a mention whose name ends in it
    (the nearest such); a head word right after another noun ('법사 위원회') is part of
    another name unless a determiner precedes it. '우리 위원회' in the minutes is the
    speaker's own committee, not the one named last: no determiner of this kind. A
    determiner with a word of `KIND_WORDS` stands for the last initiative of that kind."""
    text = view.text
    named = [m for m in mentions if m.label in _LABELS and not m.attrs.get("generic")]
    if not named:
        return []
    covered = bytearray(len(text) + 1)
    dated = bytearray(len(text) + 1)  # '이날 위원회 위원장인 …': a date before the head word is no noun of its name
    for m in mentions:
        (dated if m.label in ("DATE", "TIME") else covered)[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for r in _REF.finditer(text):
        hs, he = r.span("head")
        if covered.find(1, hs, he) != -1 or not view.is_cut(he) or _OWN.search(text, max(0, hs - 3), hs):
            continue
        prev = view.last.get(hs - 1) if hs >= 2 and text[hs - 1] == " " else None
        if r.group("det") is None and prev is not None and prev.tag in ("NNG", "NNP", "SL", "SH", "SN") and not dated[hs - 2]:
            continue  # '상원법사 위원회는': the head of another noun phrase
        head = r.group("head")
        ante = [m for m in named if m.end <= hs and _name(text, m).endswith(head) and len(_name(text, m)) > len(head)]
        if ante:
            a = ante[-1]
            out.append((hs, he, a.label, a.key))
    inits = [m for m in named if m.label == "INITIATIVE"]
    for r in _DEFINITE.finditer(text) if inits else ():
        hs, he = r.span("head")
        if covered.find(1, hs, he) != -1 or not view.is_cut(he):
            continue  # a word the entity rules read as a reference already (initiatives.find_references)
        ante = [m for m in inits if m.end <= hs and m.attrs.get("kind") in KIND_WORDS[r.group("head")]]
        if ante:
            out.append((hs, he, "INITIATIVE", ante[-1].key))
    return sorted(out)


def _name(text: str, m) -> str:
    return text[m.start:m.end].rstrip("'’\"”」』 ")


def heads_of(view: TextView, mentions: list, refs: list) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(person, reference) for a person named with the referred body's post: '장병규 위원회
    위원장은', '위원회 위원장인 장병규' (LEADS person → the body named before)."""
    text = view.text
    people = {m.start: m for m in mentions if m.label == "PERSON"}
    ends = {m.end: m for m in mentions if m.label == "PERSON"}
    out = []
    own = [(m.start, m.end, m.label, m.key) for m in mentions if m.label == "INITIATIVE" and text[m.start:m.end] in BODY_HEADS]
    for s, e, _label, _k in refs + own:  # '협의회 위원장인 A': a council word the linker names after the one before
        post = _POST.match(text, e)
        if post is None:
            continue
        if (p := people.get(post.end())) is not None or (s >= 1 and text[s - 1] == " " and (p := ends.get(s - 1)) is not None):
            out.append((p.key, (s, e)))
    return out


def mentions_for(mentions: list, refs: list, make) -> list:
    """A mention (made by `make`, relations.Mention) for each reference, with the kind of
    initiative its antecedent is, so the relation rules pick it as they would the antecedent."""
    by_key = {m.key: m for m in mentions}
    return [make(s, e, label, {k: v for k, v in by_key[key].attrs.items() if k in ("kind", "gov_kind")} | {"coref": True})
            for s, e, label, key in refs]


def adjust(view: TextView, mentions: list, sents: list[tuple[int, int]], rels: list, refs: list) -> list:
    """The sentence rules' relations with the references in mind: a reference as the topic
    of a sentence that describes it ('이번 사업은 정부와 기업이 재원을 마련해 …') is announced by
    nobody there; a person with the referred body's post leads that body."""
    if refs:
        topics = {(s, e) for s, e, _l, _k in refs if view.tail(e) not in ("을", "를")}
        rels = [r for r in rels if r[0] != "ANNOUNCES" or r[2] not in topics]
    if heads := heads_of(view, mentions, refs):
        starts, have = [s for s, _e in sents], {r[:3] for r in rels}
        rels = rels + [("LEADS", p, ref, max(0, bisect_right(starts, ref[0]) - 1)) for p, ref in heads
                       if ("LEADS", p, ref) not in have]
    return rels
