"""The candidate pairs of the relation classifier (relclf.py) and their features.

The rules (relations.py, frames.py) read the constructions of the documents they were
written on; real documents phrase the same facts in many other ways. The classifier
proposes every pair of a document's own entities that a relation type allows

    within a sentence:      (LG전자, 간담회) in '간담회에는 LG전자, … 등이 자리했다'
    from the frame:         (a company in sentence 5, the initiative of the heading)

describes each with features that do not depend on one writing style (the particle after
each argument, the grammar of the clause the pair shares (relclause.py), trigger lemmas
between and after them, distance, entities between, list membership 'A, B 등', titles, the
position in the document, whether the rules proposed it) and scores it with the weights
relclf.py loads (Candidates.score). The shipped model scores the pairs within a sentence
only (`within`); those of the frame stay for the training script to try.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from typing import Iterable

from ingest.nlp.relclause import pair_features
from ingest.nlp.timing import date_expr, iso, past, value_end, value_start
from ingest.nlp.view import TextView

AGENTS = frozenset({"COMPANY", "PERSON", "MINISTRY", "ORGANIZATION"})
BODIES = frozenset({"MINISTRY", "ORGANIZATION", "COMPANY"})
# relation → (head types, tail types); the tail is always an initiative or a date here (a
# person's post, '안덕근 산업부 장관', is the title rule's: it is exact already)
SIGNATURES = {
    "ANNOUNCES": (BODIES, "INITIATIVE"),
    "PARTICIPATES_IN": (AGENTS, "INITIATIVE"),
    "LEADS": (frozenset({"PERSON", "MINISTRY", "ORGANIZATION"}), "INITIATIVE"),
    "SCHEDULED_FOR": (frozenset({"INITIATIVE"}), "DATE"),
}
MAX_GAP = 160  # characters between two arguments of a pair within a sentence
TRIGGER_RE = re.compile(
    r"주재|좌장|주관|개최|참석|참여|참가|동참|합류|가입|배석|자리|함께|발표|공개|수립|마련|확정|추진|협약|체결|"
    r"출범|시행|운영|모집|공모|착수|까지|부터|예정|목표|계획|방침|위원장|의장|단장|맡|열었|열린|열리|연다|열고|"
    r"나서|나선|초청|방문|면담|논의|밝혔|강조|말했|설명|선정|지원|구성|회원|기업|기관")
_LEMMA = {"열었": "열", "열린": "열", "열리": "열", "연다": "열", "열고": "열", "나선": "나서", "좌장": "주재",
          "동참": "참여", "합류": "참여", "가입": "참여", "참가": "참석", "배석": "참석", "의장": "위원장", "단장": "위원장"}
# trigger lemmas by what they say of an agent (a class generalises over the lemmas a
# document's style prefers: 자리했다 / 참석했다 / 함께했다)
_CLASS = {**dict.fromkeys(("주재", "주관", "위원장", "맡"), "chair"),
          **dict.fromkeys(("참석", "자리", "함께", "초청", "방문", "면담"), "attend"),
          **dict.fromkeys(("참여", "협약", "체결", "구성", "회원", "기업", "기관", "선정", "지원", "나서"), "member"),
          **dict.fromkeys(("발표", "공개", "수립", "마련", "확정", "추진", "출범", "시행", "운영", "모집", "공모",
                           "착수", "밝혔", "강조", "말했", "설명", "논의"), "say"),
          **dict.fromkeys(("까지", "부터", "예정", "목표", "계획", "방침"), "due"), "개최": "hold", "열": "hold"}
PARTICLES = ("에서는", "에서", "에는", "에게", "으로", "께서", "은", "는", "이", "가", "을", "를", "와", "과", "의",
             "에", "도", "로", "등", ",", "·", ")", "'", "’", "\"")
_DUE_CUE = re.compile(r"까지|예정|목표|계획이다|방침|기로")  # those of a past-tense sentence (relations.STRONG_CUE_RE)
_MOVED_FROM = re.compile(r"에서\s")
_QUOTE = re.compile(r'"[^"]{8,}"|“[^”]{8,}”')
_JOIN = re.compile(r"\s?(?:[와과,·]|및|\s및)\s?")
_CLAUSE = re.compile(r"[고며서],?\s|,\s|\.\s")
_TITLE_KINDS = (("장관", "gov"), ("차관", "gov"), ("총리", "gov"), ("대통령", "gov"), ("위원장", "chair"),
                ("의원", "gov"), ("청장", "gov"), ("원장", "chair"), ("회장", "co"), ("대표", "co"), ("사장", "co"),
                ("부회장", "co"), ("의장", "chair"), ("처장", "gov"), ("실장", "gov"), ("국장", "gov"))


def _bucket(n: int, edges: Iterable[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


class Candidates:
    """The candidate pairs of one document and their features (see the module docstring)."""

    def __init__(self, view: TextView, mentions: list, sents: list[tuple[int, int]], rules: list,
                 doc_date: str | None = None) -> None:
        self.view, self.sents, self.ref = view, sents, iso(doc_date)
        self.ms = mentions
        starts = [s for s, _e in sents]
        self.si = [max(0, bisect_right(starts, m.start) - 1) for m in mentions]
        self.rules = {(k, h, t) for k, h, t, _s in rules}
        text = view.text
        self.rule_names = {(k, text[h[0]:h[1]], text[t[0]:t[1]]) for k, h, t, _s in rules}
        self.names = Counter(text[m.start:m.end] for m in mentions)
        # the body in a person's title phrase ('이재용 삼성전자 회장이 참석했다'): the person's title,
        # left to the rules (a roster's affiliations take part by frames.py)
        self.orgs_of_people = {tuple(m.attrs["_org"]) for m in mentions if m.label == "PERSON" and m.attrs.get("_org")}
        inits = [i for i, m in enumerate(mentions) if m.label == "INITIATIVE" and not m.attrs.get("generic")]
        limit = sents[min(2, len(sents) - 1)][1] if sents else 0
        self.inits = inits
        self.main = next((i for i in inits if mentions[i].start < limit), None)
        self.lists = self._lists()
        self._trig: dict[int, list[tuple[int, str]]] = {}
        self._arg: dict[int, list[str]] = {}
        self._past: dict[int, bool] = {}

    def _lists(self) -> dict[int, list[int]]:
        """Each agent in a list ('A, B, C', 'A와 B', 'A·B 및 C') → the members of its list."""
        ms, text = self.ms, self.view.text
        out: dict[int, list[int]] = {}
        run: list[int] = []
        for i, m in enumerate(ms):
            if run and m.label in AGENTS and m.key not in self.orgs_of_people \
                    and _JOIN.fullmatch(text, ms[run[-1]].end, m.start) \
                    and self.si[i] == self.si[run[-1]]:
                run.append(i)
                continue
            for k in run:
                out[k] = run
            run = [i] if m.label in AGENTS and m.key not in self.orgs_of_people else []
        for k in run:
            out[k] = run
        return out

    # --- pairs ---------------------------------------------------------------------------

    def pairs(self, within: bool = False) -> list[tuple[str, int, int]]:
        """(relation, head index, tail index) of every candidate, each once; `within`: only
        the pairs inside one sentence (the trained pass: a pair across sentences is the
        frame rules' to read, and out of fold the model was right on too few of them)."""
        ms, si, inits = self.ms, self.si, self.inits
        if not any(m.label == "INITIATIVE" for m in ms):  # (a generic '간담회' is one within a sentence)
            return []
        out: dict[tuple[str, int, int], None] = {}
        by_sent: dict[int, list[int]] = {}
        for i in range(len(ms)):
            by_sent.setdefault(si[i], []).append(i)
        for idx in by_sent.values():  # within a sentence
            ti = [i for i in idx if ms[i].label == "INITIATIVE"]
            if not ti:
                continue
            for t in ti:
                for h in idx:
                    if h == t or abs(ms[h].start - ms[t].start) > MAX_GAP:
                        continue
                    lab = ms[h].label
                    if lab == "DATE":
                        out[("SCHEDULED_FOR", t, h)] = None
                    elif lab in AGENTS:
                        for kind in ("PARTICIPATES_IN", "ANNOUNCES", "LEADS"):
                            # the body of a person's title ('정의선 현대자동차 회장') neither takes
                            # part nor leads: its person does (the guideline; no dev pair did)
                            if lab in SIGNATURES[kind][0] and (kind == "ANNOUNCES" or ms[h].key not in self.orgs_of_people):
                                out[(kind, h, t)] = None
        main = self.main
        for h, m in enumerate([] if within else ms):  # the frame: the main initiative and the last one named before
            if m.label not in AGENTS and m.label != "DATE" or m.attrs.get("byline"):
                continue
            before = [i for i in inits if si[i] < si[h]]
            for t in {main, before[-1] if before else None} - {None}:
                if si[t] == si[h]:
                    continue
                if m.label == "DATE":
                    out[("SCHEDULED_FOR", t, h)] = None
                    continue
                for kind in ("PARTICIPATES_IN", "ANNOUNCES", "LEADS"):
                    if m.label in SIGNATURES[kind][0]:
                        out[(kind, h, t)] = None
        return [c for c in out if c[0] != "SCHEDULED_FOR" or self._may_be_due(c[2], c[1])]

    def _may_be_due(self, d: int, init: int) -> bool:
        """The guideline's limits on a schedule, which no weight may overrule: a date wholly
        before the document's ('2022년까지 … 달성했다'), a date a past-tense sentence reports
        without a cue of intent ('8일 회의를 주재했다'), the date a schedule moved from ('내년
        2월에서 올해 10월로'), a date in direct speech for an initiative outside it."""
        m, text, view = self.ms[d], self.view.text, self.view
        if not m.value:
            return False
        end = value_end(m.value)
        expr = date_expr(view, m)
        ss, se = self.sents[self.si[d]] if self.sents else (0, len(text))
        cue = _DUE_CUE.search(expr) or _DUE_CUE.search(text, m.end, min(se, m.end + 24))
        was = self.sent_past(self.si[d])
        if was and not cue:
            return False
        if self.ref is not None and end is not None and (
                end < self.ref and "까지" not in expr or end <= self.ref and (was or not cue)):
            return False  # over, or the day of the announcement itself
        if _MOVED_FROM.match(text, m.end) and any(o.label == "DATE" and 0 < o.start - m.end <= 6 for o in self.ms):
            return False
        for q in _QUOTE.finditer(text, ss, se):
            if q.start() <= m.start < q.end() and not q.start() <= self.ms[init].start < q.end():
                return False
        return True

    # --- features ------------------------------------------------------------------------

    def triggers(self, s: int) -> list[tuple[int, str]]:
        """(position, lemma) of the trigger words of sentence `s` outside any mention."""
        got = self._trig.get(s)
        if got is None:
            ss, se = self.sents[s] if self.sents else (0, len(self.view.text))
            inside = [(m.start, m.end) for m, k in zip(self.ms, self.si) if k == s]
            lemmas = [(t.start(), _LEMMA.get(t.group(), t.group())) for t in TRIGGER_RE.finditer(self.view.text, ss, se)
                      if not any(a <= t.start() < b for a, b in inside)]
            got = lemmas + [(p, "@" + _CLASS[w]) for p, w in lemmas if w in _CLASS]  # '@attend': the class
            self._trig[s] = got
        return got

    def word_end(self, m) -> int:
        """Where the words of mention `m` end: after a person's title ('김철수 위원장|이')."""
        if m.label == "PERSON" and m.attrs.get("title"):
            j = self.view.text.find(m.attrs["title"], m.end, m.end + 30)
            if j >= 0:
                return j + len(m.attrs["title"])
        return m.end

    def particle(self, i: int) -> str:
        m = self.ms[i]
        tail = self.view.text[m.end:m.end + 4]
        if m.label == "PERSON" and m.attrs.get("title"):  # '안덕근 산업부 장관은': after the title
            j = self.view.text.find(m.attrs["title"], m.end, m.end + 30)
            if j >= 0:
                tail = self.view.text[j + len(m.attrs["title"]):j + len(m.attrs["title"]) + 4]
        if not tail or tail[0].isspace():
            return "none"
        return next((p for p in PARTICLES if tail.startswith(p)), "other")

    def arg(self, i: int) -> list[str]:
        """What one argument brings, whatever its pair: particle, list, title, place."""
        got = self._arg.get(i)
        if got is not None:
            return got
        m, text = self.ms[i], self.view.text
        f = [f"t={m.label}", f"p={self.particle(i)}"]
        if self.si[i] == 0:
            f.append("first")
        elif self.si[i] <= 2:
            f.append("lead")
        ss = self.sents[self.si[i]][0] if self.sents else 0
        if m.start - ss <= 2:
            f.append("sent_start")
        if len(self.lists.get(i, ())) > 1:
            f.append("list")

        if re.match(r"\S{0,3}\s?등", text[m.end:m.end + 6]):
            f.append("etc")
        title = m.attrs.get("title")
        if title:
            f.append("title=" + next((k for w, k in _TITLE_KINDS if title.endswith(w)), "other"))
        if m.attrs.get("_org"):
            f.append("has_org")
        if m.key in self.orgs_of_people:  # '삼성전자' of '이재용 삼성전자 회장'
            f.append("of_person")
        if m.attrs.get("byline"):
            f.append("byline")
        if m.label == "INITIATIVE":
            f.append("kind=" + m.attrs.get("kind", ""))
            f.append("named=" + _bucket(self.names[text[m.start:m.end]], (1, 2, 4)))
            if i == self.main:
                f.append("main")
            if m.attrs.get("generic"):
                f.append("generic")
            if m.attrs.get("coref"):
                f.append("coref")
        if m.label == "DATE":
            expr = date_expr(self.view, m)
            for cue in ("까지", "부터", "중", "말", "초", "내"):
                if cue in expr[-4:]:
                    f.append("cue=" + cue)
            start = value_start(m.value) if m.value else None
            end = value_end(m.value) if m.value else None
            if self.ref is not None and end is not None and start is not None:
                f.append("future" if start > self.ref else "past" if end < self.ref else "now")
        self._arg[i] = f
        return f

    def sent_past(self, s: int) -> bool:
        got = self._past.get(s)
        if got is None and self.sents:
            ss, se = self.sents[s]  # the sentence's last ending is in its last words
            got = self._past[s] = past(self.view, max(ss, se - 16), se)
        return bool(got)

    def features(self, kind: str, h: int, t: int) -> list[str]:
        """The features of the pair; `h:`/`t:` prefix those of each argument."""
        ms, si, text = self.ms, self.si, self.view.text
        hm, tm = ms[h], ms[t]
        f = ["bias", f"types={hm.label}>{tm.label}"]
        f += ["h:" + x for x in self.arg(h)]
        f += ["t:" + x for x in self.arg(t)]
        if (kind, hm.key, tm.key) in self.rules:
            f.append("rule")
        elif (kind, text[hm.start:hm.end], text[tm.start:tm.end]) in self.rule_names:
            f.append("rule_name")
        elif any((k, hm.key, tm.key) in self.rules for k in SIGNATURES if k != kind):
            f.append("rule_other")
        arg = h if tm.label == "INITIATIVE" else t  # the argument that is not the initiative
        s = si[arg]
        if si[h] == si[t]:
            a, b = (hm, tm) if hm.start < tm.start else (tm, hm)
            f += ["same", "order=" + ("ht" if hm.start < tm.start else "th"),
                  "gap=" + _bucket(b.start - a.end, (2, 8, 20, 50, 100))]
            f.append("ents=" + _bucket(abs(h - t) - 1, (0, 1, 3, 6)))
            f += self._neighbours(h, t, arg)
            if _CLAUSE.search(text, a.end, b.start):
                f.append("clause")
            se = self.sents[s][1] if self.sents else len(text)
            f += ["c:" + x for x in pair_features(self.view, (a.start, self.word_end(a)), (b.start, self.word_end(b)),
                                                  a is ms[arg], se)]
            trig = self.triggers(s)
            f += list(dict.fromkeys("bw:" + w for p, w in trig if a.end <= p < b.start))
            f += list(dict.fromkeys("af:" + w for p, w in trig if p >= b.end))
            f += list(dict.fromkeys("bf:" + w for p, w in trig if p < a.start))
            after = [w for p, w in trig if p >= b.end and w[0] != "@"]
            if after:  # the nearest trigger and the predicate, with the role of each argument
                hp, tp = self.particle(h), self.particle(t)
                for w in {after[0], after[-1], *("@" + _CLASS[x] for x in (after[0], after[-1]) if x in _CLASS)}:
                    f += [f"hp={hp}&{w}", f"tp={tp}&{w}", f"{'ht' if hm.start < tm.start else 'th'}&{w}"]
        else:
            f += ["cross", "sdist=" + _bucket(abs(si[h] - si[t]), (1, 2, 4, 8))]
            other = ms[t if arg == h else h]
            limit = self.sents[min(2, len(self.sents) - 1)][1] if self.sents else 0
            if other.start < limit:
                f.append("frame_lead")
            if any(m.label == "INITIATIVE" for m, k in zip(ms, si) if k == s):
                f.append("own_init")
            init = t if arg == h else h
            before = [i for i in self.inits if si[i] < s]
            if before and before[-1] == init:
                f.append("last_before")
            trig = self.triggers(s)
            f += list(dict.fromkeys("ss:" + w for p, w in trig))
            mine = ms[arg]
            after = [w for p, w in trig if p >= mine.end and w[0] != "@"]
            if after:
                hp = self.particle(arg)
                ends = (after[0], after[-1])
                f += list(dict.fromkeys(f"xp={hp}&{w}" for w in (*ends, *("@" + _CLASS[x] for x in ends if x in _CLASS))))
        if self.sent_past(s):
            f.append("past")
        return f

    def _neighbours(self, h: int, t: int, arg: int) -> list[str]:
        """What else the sentence names: is the initiative the one nearest the other
        argument, does another initiative or another entity of the argument's type stand
        between them (the relation is then more often the neighbour's)."""
        ms, si = self.ms, self.si
        init = t if arg == h else h
        lo, hi = min(h, t), max(h, t)
        same = [i for i in range(len(ms)) if si[i] == si[arg] and i != arg]
        inits = [i for i in same if ms[i].label == "INITIATIVE"]
        near = min(inits, key=lambda i: abs(ms[i].start - ms[arg].start))
        f = ["nearest" if near == init else "not_nearest", "inits=" + _bucket(len(inits), (1, 2, 3))]
        if any(lo < i < hi for i in inits):
            f.append("init_between")
        if any(lo < i < hi and ms[i].label == ms[arg].label for i in same):
            f.append("kin_between")
        f.append("kin=" + _bucket(sum(ms[i].label == ms[arg].label for i in same), (0, 1, 3)))
        return f

    def score(self, model: dict) -> list[tuple[str, int, int, float]]:
        """(relation, head, tail, probability) of every candidate the model has weights for."""
        types = model["types"]
        out = []
        for kind, h, t in self.pairs(within=model.get("within", True)):
            w = types.get(kind)
            if w is None:
                continue
            z = sum(w.get(x, 0.0) for x in self.features(kind, h, t))
            out.append((kind, h, t, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))))
        return out
