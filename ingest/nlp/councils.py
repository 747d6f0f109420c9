"""Local councils and their minutes (회의록): the names the guideline reads there.

A local government's name with 의회 is one body, not the city and a stray word:

    사천시의회, 서울특별시 용산구의회, 제8대 의왕시의회       MINISTRY (canonical without the term)
    제266회 사천시의회(임시회), 제269회 거창군의회 임시회     INITIATIVE, an ordinal session
    2022년도 청양군의회 제1차 정례회, 제1차 본회의            INITIATIVE, a session, a sitting
    거창군 드론산업 육성 및 지원에 관한 조례 일부개정조례안    INITIATIVE, an ordinance
    2023년도 행정사무감사                                    INITIATIVE, the council's yearly audit

and, in minutes only (a 회의록 heading, or a chair's '○' line: `is_minutes`), a committee in the heading
(`행정관광위원회 회의록`: canonical with its council, since names recur across councils), the
speaker of each turn (`○ 위원장 구정화`, `○의사팀 이은정 주무관`), members named in the agenda
(`5분자유발언(박수자 의원)`, `(김홍섭·표주숙 의원 발의)`), a year's work briefing
(`2023년도 주요업무 보고의 건`) and a session referred back to (`이번 임시회는`). The names of
local governments come from the authority file through the lexicon (kind "local"). The
spans found here replace what other rules found over them (`override`); a secretariat in a
heading line (`사천시의회사무국`) is a unit: nothing is kept there.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.nlp.ents import Ent, aligned, cut_tokens
from ingest.nlp.lexicon import Lexicon
from ingest.nlp.view import TextView

_TERM = re.compile(r"제\d{1,2}대\s?$")
_SESSION_BEFORE = re.compile(r"(?:제\d{1,3}회|\d{4}년도?)\s?$")
_END = r"(?=[\s,.()」』'\"의은는을를이가에와과도로]|$)"  # a word's end, a particle after it
_KIND_AFTER = re.compile(r"(?:\s?(?:임시회|정례회|정기회)|\s제\d{1,2}차\s?정례회)" + _END)
_COMMITTEE_AFTER = re.compile(r"\s([가-힣·ㆍ]{2,14}위원회)" + _END)
_ELECTION = re.compile(r"(?<![가-힣0-9])제\d{1,2}회\s?전국\s?동시\s?지방\s?선거" + _END)
# a local government's plan for its public property, put to its council every year
_PROPERTY_PLAN = re.compile(r"(?<![가-힣0-9])(?:\d{4}년도?\s?)?(?:제\d{1,2}차\s?)?(?:(?:수시|정기)분\s?)?"
                            r"(?P<local>[가-힣]{2,8}\s)?공유재산\s?관리\s?계획(?:\s?변경)?안?" + _END)
_SECRETARIAT = re.compile(r"사무(?:국|과|처)" + _END)
_SITTING = re.compile(r"(?<![가-힣0-9])제\d{1,2}차\s?본회의" + _END + r"|최초\s?집회" + _END)
_AUDIT = re.compile(r"(?<![가-힣0-9])(?:(\d{4})년도?\s?)?행정사무감사" + _END)
_ORDINANCE = re.compile(r"조례(?:\s?(?:일부|전부)개정조례안|\s?폐지조례안|안)?" + _END)
# a word inside an ordinance's title: nouns, 및, '…에 관한', '…을 위한' (no other particle, _bare_word)
_TITLE_WORD = re.compile(r"[가-힣A-Za-z0-9·ㆍ]+")
_BRIEFING = re.compile(r"(?<![가-힣0-9])(?:\d{4}년도?\s)?(?:시정|군정|구정|도정)?주요업무(?:에\s대한)?\s?보고(?=의\s건|를|가|\s드리|\s순서)")
_BACK = re.compile(r"(?<=이번\s)(?:임시회|정례회)(?=[은는을를이가에의\s])")
_HEADING_COMMITTEE = re.compile(r"^\s*([가-힣·ㆍ]{2,15}위원회)\s?회의록\s*$", re.M)
# a speaker line: '○ 위원장 구정화 …', '○의회사무과장 신종호 …', '○의사팀 이은정 주무관 …'
_SPEAKER = re.compile(r"^\s*○\s*([가-힣·]{1,12})\s+([가-힣]{2,4})(?:\s+([가-힣]{2,6}))?(?=\s|$)", re.M)
_CHAIR_LINE = re.compile(r"(?m)^\s*○\s*(?:[가-힣]{0,8}위원장|의장|임시의장)(?:직무대행)?\s")
_SPEAKER_TITLE = re.compile(r"(?:장|관|위원|의원|대행|대리)$")
_UNIT = re.compile(r"(?:팀|과|계|실|국)$")
# members named in the agenda: '(박수자 의원)', '(김홍섭 의원 대표발의)', '(김홍섭·표주숙 의원 발의)'
_AGENDA_MEMBERS = re.compile(r"\(([가-힣]{2,4}(?:[·ㆍ,]\s?[가-힣]{2,4})*)\s?의원(?:\s?외\s?\d+(?:인|명))?(?:\s?(?:대표|공동)?발의)?\)")
_NAME = re.compile(r"[가-힣]{2,4}")
# an agenda line naming a draft ordinance, resolution or plan: '3. … 조례 일부개정조례안(…)'
_AGENDA_ITEM = re.compile(r"^[\s\-•·○]*\d{1,2}\.\s*([가-힣A-Za-z0-9][^()\n]{3,80}?(?:조례안|결의안|건의안|계획안|동의안))"
                          r"(?=\s*(?:\(|$))", re.M)
_PLACE_FIELD = re.compile(r"^\s*장\s*소\s*:?\s*([가-힣][가-힣()·\s]{1,20}?(?:실|장|관|홀))\s*$", re.M)
_SHORT_SESSION = re.compile(r"(?<![가-힣0-9])제(\d{1,3})회\s?(?:임시회|정례회|정기회)" + _END)
_COMMITTEE_SITTING = re.compile(r"(?<![가-힣0-9])제\d{1,2}차\s?[가-힣·ㆍ]{2,15}위원회(?:\s회의)?" + _END)
_NUMBER_SPACE = re.compile(r"제(\d+)차\s?")
_NUMBERED = re.compile(r"(?<![가-힣0-9])제\d{1,2}차\s")


def is_minutes(text: str) -> bool:
    """Minutes of a council sitting: a 회의록 heading near the top, or a chair's speaker line
    in a text that opens a sitting (releases use '○' for bullets too)."""
    return "회의록" in text[:300] or (("개의" in text or "개회" in text or "의사일정" in text)
                                    and _CHAIR_LINE.search(text) is not None)


def find_councils(view: TextView, lex: Lexicon, doc_date: str | None) -> tuple[list[tuple], list[tuple[int, int]]]:
    """The council spans of the text (start, end, label, attrs) and the spans where nothing
    is kept (secretariats in headings)."""
    text = view.text
    if not any(w in text for w in ("의회", "행정사무감사", "지방선거", "공유재산")):
        return [], []
    out: list[tuple] = []
    blank: list[tuple[int, int]] = []
    sessions: list[str] = []
    for m in re.finditer("의회", text):
        found = _local_before(text, m.start(), lex, doc_date)
        if found is None:
            continue
        s, canon = found
        e = m.end()
        council = canon + "의회"
        sec = _SECRETARIAT.match(text, e)
        if sec:
            ls, le = _line(text, s)
            if text[ls:le].strip(" •·-○\t") == text[s:sec.end()]:
                blank.append((s, sec.end()))
            else:
                out.append((s, sec.end(), "MINISTRY", {"_gaz": council + text[e:sec.end()], "gov_kind": "council"}))
            continue
        if text.startswith("의원", e):
            continue  # '시의회의원' is read by the title rules
        before = _SESSION_BEFORE.search(text, max(0, s - 12), s)
        kind = _KIND_AFTER.match(text, e)
        name = None
        if before and before.group().startswith("제"):
            name = f"{before.group().strip()} {council}"
            if kind and "차" in kind.group():
                name += " " + kind.group().strip()
        elif before and kind and "차" in kind.group():  # '2022년도 청양군의회 제1차 정례회'
            name = f"{before.group().strip()} {council} {kind.group().strip()}"
        if name is not None:  # ('2022년 순천시의회 회기운영 계획': a year, the body)
            end = kind.end() if kind else e
            sessions.append(name)
            out.append((before.start(), end, "INITIATIVE", {"_gaz": name, "kind": "meeting", "generic": False,
                                                             "council": council}))
            continue
        term = _TERM.search(text, max(0, s - 6), s)
        out.append((term.start() if term else s, e, "MINISTRY", {"_gaz": council, "gov_kind": "council"}))
        c = _COMMITTEE_AFTER.match(text, e)
        if c:  # '부산시의회 해양교통위원회': the council's committee, named with its council
            out.append((c.start(1), c.end(1), "MINISTRY", {"_gaz": f"{council} {c.group(1)}", "gov_kind": "council"}))
    out += _ordinances(view, lex)
    for p in _PROPERTY_PLAN.finditer(text):  # '2023년도 제1차 수시분 거창군 공유재산관리계획안'
        local = p.group("local")
        start = p.start()
        if local and not (local.strip() in lex.names and lex.names[local.strip()].kind == "local"):
            if p.start("local") > p.start():
                continue  # '2023년도 … 우리 공유재산 …': a year before another word
            start = p.end("local")
        out.append((start, p.end(), "INITIATIVE", {"kind": "plan", "generic": False}))
    years = {y for y in (a.group(1) for a in _AUDIT.finditer(text)) if y}
    for a in _AUDIT.finditer(text):
        year = a.group(1) or (next(iter(years)) if len(years) == 1 else None)
        name = f"{year}년도 행정사무감사" if year else "행정사무감사"
        out.append((a.start(), a.end(), "INITIATIVE", {"_gaz": name, "kind": "meeting", "generic": False}))
    for el in _ELECTION.finditer(text):  # '제7회 전국 동시 지방선거': an ordinal election is an event
        out.append((el.start(), el.end(), "INITIATIVE", {"kind": "meeting", "generic": False,
                                                          "_gaz": re.sub(r"회\s?전국.*", "회 전국동시지방선거", el.group())}))
    if is_minutes(text):
        out += _minutes(view, out, sessions)
        # '5분 자유발언' is the name of a procedure: its 5분 is no quantity
        blank += [(b.start(), b.start() + 2) for b in re.finditer(r"(?<![\d.])5분\s?자유발언", text)]
        # '의왕시의회 본회의 회의록': the heading names the record, not a sitting
        blank += [b.span() for b in re.finditer(r"(?<![가-힣0-9])본회의(?=\s?회의록)", text)]
    return out, blank


def _local_before(text: str, p: int, lex: Lexicon, doc_date: str | None = None) -> tuple[int, str] | None:
    """(start, canonical) of the local government whose name ends at `p` (the longest)."""
    from ingest.nlp.authority import dated_canonical  # noqa: PLC0415 (authority loads the lexicon's files)
    for k in range(min(14, p), 1, -1):
        name = text[p - k:p]
        info = lex.names.get(name)
        if info is None or info.kind != "local" or info.type != "MINISTRY":
            continue
        s = p - k
        canon = dated_canonical(info.canonical, name, {}, doc_date)  # 강원도의회 in 2020, 강원특별자치도의회 since 2023
        # '서울특별시 용산구의회', '서울특별시용산구의회': the metropolitan government named before
        # stays in the span (the canonical is the district's, qualified where names recur)
        q = re.search(r"([가-힣]{2,7}(?:특별시|광역시|특별자치시|도|특별자치도))\s?$", text[max(0, s - 10):s])
        if q and q.group(1) in lex.names and lex.names[q.group(1)].kind == "local":
            return s - len(q.group()), canon
        if s and re.match(r"[가-힣A-Za-z0-9]", text[s - 1]):
            continue  # '서천군' in '부서천군…': inside another word
        return s, canon
    return None


def _line(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, len(text) if le == -1 else le


def _ordinances(view: TextView, lex: Lexicon) -> list[tuple]:
    """'거창군 드론산업 육성 및 지원에 관한 조례 일부개정조례안': an ordinance named from its
    local government (or council) to 조례/조례안."""
    text = view.text
    out = []
    for m in _ORDINANCE.finditer(text):
        ls = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 80)
        words = []
        pos = m.start()
        if pos and text[pos - 1] == " ":
            pos -= 1
        # walk back over title words to a local government's (or council's) name
        while pos > ls:
            ws = pos
            while ws > ls and text[ws - 1] != " ":
                ws -= 1
            word = text[ws:pos]
            base = word[:-2] if word.endswith("의회") else word
            info = lex.names.get(base)
            if info is not None and info.kind == "local":
                out.append((ws, m.end(), "INITIATIVE", {"kind": "law", "generic": False}))
                break
            if not (word == "및" or word in ("관한", "대한", "위한") or _TITLE_WORD.fullmatch(word) and _bare_word(view, ws, pos)):
                break
            words.append(word)
            if len(words) > 10:
                break
            pos = ws - 1 if ws and text[ws - 1] == " " else ws
    return out


def _bare_word(view: TextView, s: int, e: int) -> bool:
    """A word with no particle or ending (but '…에' before 관한/대한, '…을' before 위한)."""
    text = view.text
    ms = view.morphs_in(s, e)
    if not ms:
        return False
    tail = ms[-1]
    if tail.tag.startswith(("J", "E")) and re.match(r"\s(?:관한|대한|위한)\s", text[e:e + 4]):
        ms = ms[:-1]
    return bool(ms) and not any(m.tag.startswith(("J", "E", "V", "M")) for m in ms)


# the secretariat as an audited institution (the guideline: a body); elsewhere ('○의회사무국 엄기소',
# '의회사무국 직원 보고해 주시기 바랍니다') it is the council's unit, not annotated
_AUDITED_OFFICE = re.compile(r"피감사기관\s?[:：]?\s?[가-힣]*사무(?:처|국|과)|사무(?:처|국|과)에\s?대(?:한|하여)\s[^\n]{0,30}감사")


def _minutes(view: TextView, found: list[tuple], sessions: list[str]) -> list[tuple]:
    """Committees in headings, speakers, members in the agenda, briefings, back references."""
    from ingest.nlp.people import is_name  # noqa: PLC0415 (people imports much of the package)
    text = view.text
    out: list[tuple] = []
    council = next((re.sub(r"사무(?:국|과|처)$", "", a["_gaz"]) for s, e, lab, a in found
                    if lab == "MINISTRY" and a.get("gov_kind") == "council"), None) \
        or next((a.get("council") for s, e, lab, a in found if a.get("council")), None)
    if council and _AUDITED_OFFICE.search(text):  # '피감사기관 의회사무처': the council's secretariat, audited
        for b in re.finditer(r"(?<![가-힣])의회(사무(?:처|국|과))" + _END, text):
            out.append((b.start(), b.end(), "MINISTRY", {"_gaz": council + b.group(1), "gov_kind": "council"}))
        # an audit of the secretariat: '사무처 관계공무원', '이승대 사무처장을' (its head) name it bare
        audited = {a["_gaz"][len(council):] for _s, _e, lab, a in found if lab == "MINISTRY"
                   and a.get("_gaz", "").startswith(council + "사무")}
        if audited and "행정사무감사" in text:
            for b in re.finditer(r"(?<![가-힣])(" + "|".join(sorted(audited)) + r")(?=장[을이은의께]|\s관계)", text):
                out.append((b.start(), b.end(), "MINISTRY", {"_gaz": council + b.group(1), "gov_kind": "council"}))
    for h in _HEADING_COMMITTEE.finditer(text):
        name = h.group(1)
        canon = f"{council} {name}" if council else name
        for c in re.finditer(re.escape(name), text):
            before = text[max(0, c.start() - 6):c.start()]
            if re.search(r"제\d{1,2}차\s?$", before) or re.match(r"(?:회의)?실", text[c.end():]):
                continue  # '제2차 행정관광위원회' is the sitting, '행정관광위원회실' the room
            out.append((c.start(), c.end(), "MINISTRY", {"_gaz": canon, "gov_kind": "council"}))
    for f in _PLACE_FIELD.finditer(text):  # '장 소 : 행정관광위원회실': the room of the sitting
        out.append((f.start(1), f.end(1), "LOCATION", {}))
    speakers: set[str] = set()
    for m in _SPEAKER.finditer(text):
        w1, w2, w3 = m.group(1), m.group(2), m.group(3)
        s = m.start(2)
        title = w1 if _SPEAKER_TITLE.search(w1) else (w3 if w3 and _UNIT.search(w1) and _SPEAKER_TITLE.search(w3) else None)
        if title and is_name(view, s, s + len(w2), strong=True):
            out.append((s, s + len(w2), "PERSON", {"title": title, "speaker": True}))
            speakers.add(w2)
        elif w2 in ("의원", "위원") and len(w1) <= 4 and is_name(view, m.start(1), m.end(1), strong=True):
            out.append((m.start(1), m.end(1), "PERSON", {"title": w2, "speaker": True}))  # '○박수자 의원 …'
            speakers.add(w1)
    for a in _AGENDA_ITEM.finditer(text):  # '4. 용산구 … 감량을 위한 결의안(이미재 의원 외 11명 공동발의)'
        out.append((a.start(1), a.end(1), "INITIATIVE", {"kind": "law", "generic": False}))
    for m in _AGENDA_MEMBERS.finditer(text):
        for n in _NAME.finditer(m.group(1)):
            s = m.start(1) + n.start()
            out.append((s, s + len(n.group()), "PERSON", {"title": "의원"}))
    for b in _BRIEFING.finditer(text):
        out.append((b.start(), b.end(), "INITIATIVE", {"kind": "meeting", "generic": False}))
    # a sitting's name recurs in every council ('제1차 본회의'): its canonical has the session before it
    # (the one named right before it, else the minutes' first), as a committee's has its council
    named = sorted((s, a["_gaz"]) for s, _e, lab, a in found if lab == "INITIATIVE" and a.get("council"))
    for s in [*_SITTING.finditer(text), *_COMMITTEE_SITTING.finditer(text)]:
        attrs = {"kind": "meeting", "generic": False}
        if s.group().startswith("최초"):
            attrs["_gaz"] = "최초집회"
        elif named:
            before = [n for p, n in named if p < s.start()]
            attrs["_gaz"] = (before or [named[0][1]])[-1] + " " + _NUMBER_SPACE.sub(r"제\1차 ", s.group())
        out.append((s.start(), s.end(), "INITIATIVE", attrs))
    for name in speakers:  # '기획예산담당관 임정의입니다': a speaker named again (after the spans above)
        for r in re.finditer(rf"(?<![가-힣]){name}(?=입니다|\s?(?:위원|의원|의장)|[\s,.()의은는이가께도]|$)", text):
            out.append((r.start(), r.end(), "PERSON", {}))
    if sessions:
        for b in _SHORT_SESSION.finditer(text):  # '이번 제301회 임시회는': the council's session by its number
            same = [n for n in sessions if n.startswith(f"제{b.group(1)}회 ")]
            out.append((b.start(), b.end(), "INITIATIVE", {"_gaz": same[0] if same else b.group().replace(" ", ""),
                                                           "kind": "meeting", "generic": False}))
        for b in _BACK.finditer(text):
            out.append((b.start(), b.end(), "INITIATIVE", {"_gaz": sessions[-1], "kind": "meeting",
                                                           "generic": False}))
    return out


def override(doc: Doc, text: str, ents: list[Ent], found: list[tuple], blank: list[tuple[int, int]]) -> list[Ent]:
    """`ents` with the council spans in place of what overlaps them; nothing in `blank`."""
    if not found and not blank:
        return ents
    keep: list[tuple] = []
    taken = bytearray(len(text))
    for s, e, label, attrs in sorted(found, key=lambda c: c[0] - c[1]):
        if taken.find(1, s, e) != -1:
            continue
        if not aligned(doc, s, e):
            cut_tokens(doc, s, e)
            if not aligned(doc, s, e):
                continue
        taken[s:e] = b"\x01" * (e - s)
        keep.append((s, e, label, attrs))
    for s, e in blank:
        taken[s:e] = b"\x01" * (e - s)
    out = []
    for x in ents:
        if taken.find(1, x.start, x.end) == -1:
            out.append(x)
        elif x.label == "INITIATIVE" and taken[x.end - 1] == 0:
            # '임시회 제1차 의회운영위원회 회의' over a session: the numbered sitting after it stays
            n = _NUMBERED.search(text, x.start, x.end)
            if n and taken.find(1, n.start(), x.end) == -1 and aligned(doc, n.start(), x.end):
                x.start = n.start()
                out.append(x)
    out += [Ent(s, e, label, {**attrs, "_prio": 29, "_council": True}) for s, e, label, attrs in keep]
    out.sort(key=lambda x: x.start)
    return out
