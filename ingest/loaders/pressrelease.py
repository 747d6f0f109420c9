"""Korean government press releases (보도자료): header conventions → Document metadata.

A 보도자료 opens with a header block (often a table, which the loaders flatten into
tab-separated cells or one cell per line):

    산업통상자원부                     보도자료
    보도시점  2024. 3. 7.(목) 11:00    배포  2024. 3. 6.(수) 14:00
    담당부서  제조산업정책관 산업인공지능혁신과    책임자  과장 홍길동 (044-203-4250)

`annotate` reads the first HEAD_CHARS characters of any loaded document and, when they
look like such a header (the word 보도자료 on its own, or a 보도시점/배포 label with a
date), records:

    meta['embargo']      보도시점 / 보도일시 / 엠바고 (else 배포) as ISO 8601, with +09:00
                         when a time is given ('2024-03-07T11:00:00+09:00'), else the date
    meta['embargo_text'] the value as written ('2024. 3. 8.(금) 조간', '배포 즉시')
    meta['distributed']  배포 / 배포일시, likewise
    meta['department']   담당부서 / 소관부서 (up to the contact)
    meta['contact']      [{'role': '과장', 'name': '홍길동', 'phone': '044-203-4250'}, …]
    meta['ministry']     the issuing body: the first official name in the header, else the
                         department's first word when it ends in 부/처/청/위원회
    meta['source_kind']  '보도자료' (when the word is there and no source kind was given)
    Document.date        the embargo (else distribution) date, when the loader found none

Values already set by the loader (front matter, JSON fields) are kept. The work is
bounded: regular expressions over at most HEAD_CHARS characters.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from core.model import Document

HEAD_CHARS = 2500
MINISTRIES = (  # official names; abbreviations (산업부) are the NLP linker's job, not ours
    "기획재정부", "교육부", "과학기술정보통신부", "외교부", "통일부", "법무부", "국방부", "행정안전부", "국가보훈부",
    "문화체육관광부", "농림축산식품부", "산업통상자원부", "산업통상부", "보건복지부", "환경부", "기후에너지환경부",
    "고용노동부", "여성가족부", "성평등가족부", "국토교통부", "해양수산부", "중소벤처기업부", "재정경제부",
    "기획예산처", "인사혁신처", "법제처", "식품의약품안전처", "국가데이터처", "지식재산처", "국무조정실",
    "국무총리비서실", "대통령비서실", "금융위원회", "공정거래위원회", "방송통신위원회", "방송미디어통신위원회",
    "개인정보보호위원회", "원자력안전위원회", "국민권익위원회", "국세청", "관세청", "조달청", "통계청", "재외동포청",
    "검찰청", "병무청", "방위사업청", "경찰청", "소방청", "문화재청", "국가유산청", "농촌진흥청", "산림청", "특허청",
    "기상청", "행정중심복합도시건설청", "새만금개발청", "해양경찰청", "질병관리청", "우주항공청",
)
_MINISTRY = re.compile("|".join(sorted(MINISTRIES, key=len, reverse=True)))
_BODY_WORD = re.compile(r"[가-힣]{2,20}(?:부|처|청|위원회)")


def _label(*words: str) -> re.Pattern[str]:
    """A header label at the start of a line or cell (letters may be spaced: '담 당 부 서')."""
    alts = "|".join(r"\s?".join(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\t\n ]))(?:{alts})(?=[\t\n :：]|$)[ ：:]*", re.M)


_EMBARGO = _label("보도시점", "보도일시", "보도일자", "보도시각", "보도일", "보도가능시점", "엠바고")
_DISTRIBUTED = _label("배포일시", "배포시점", "배포일자", "배포일", "배포")
_DEPARTMENT = _label("담당부서", "소관부서", "주관부서", "담당과", "담당기관")
# '보도자료' as a line or cell of its own, maybe after the issuer ('산업통상자원부 보도자료'),
# maybe bracketed or before a separator ('[보도자료]', '보도자료 · 2024-07-22'); not inside a sentence.
_PRESS = re.compile(r"(?:^|\t)[ ]*(?:[가-힣]{2,20}[ ]+)?[\[【<(]?[ ]?보[ ]?도[ ]?자[ ]?료[ ]?[\]】>)]?"
                    r"(?=[ ]*(?:$|[\t·|:(\[-]))", re.M)
_DATETIME = re.compile(
    r"(?:(?P<y>\d{4})\s*(?:[.\-/]|년)\s*)?(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*(?:일|\.)?\s*"
    r"(?:\(\s*[월화수목금토일]\s*\)|[월화수목금토일]요일)?\s*\.?\s*"
    r"(?:(?P<ap>오전|오후|AM|PM|am|pm)\s*)?(?:(?P<H>\d{1,2})\s*(?::|시)\s*(?:(?P<M>\d{2})(?:\s*분)?)?)?")
_ROLE = (r"과\s?장|팀\s?장|국\s?장|실\s?장|단\s?장|센터장|본부장|부\s?장|차\s?장|사무관|서기관|주무관|연구관|연구사|"
         r"전문위원|전문관|행정관|정책관|담당관|조정관|기획관|책임자|담당자")
_PHONE = r"0\d{1,2}\s*[-.)]\s*\d{3,4}\s*[-.]\s*(?:\d{4}|[xX*]{4})"
_CONTACT = re.compile(
    rf"(?:(?P<role>{_ROLE})\s*[:：]?\s*(?P<name>[가-힣]{{2,4}})|(?<![가-힣])(?P<name2>[가-힣]{{2,4}})\s+(?P<role2>{_ROLE}))"
    rf"\s*[(\t ]\s*(?P<phone>{_PHONE})")
_CONTACT_START = re.compile(rf"(?:^|(?<=\s))(?:문의|연락처|{_ROLE})(?=[\s:：])|\(?{_PHONE}")
CONTACTS_MAX = 10


def annotate(doc: Document) -> Document:
    """The document with press-release metadata added (the same object when there is none)."""
    head = doc.text[:HEAD_CHARS]
    is_press = _PRESS.search(head) is not None
    embargo = _dated(head, _EMBARGO, immediate=True)
    distributed = _dated(head, _DISTRIBUTED)
    if not (is_press or embargo or distributed):
        return doc
    years = [s.when.year for s in (embargo, distributed) if s and s.when]
    fallback_year = years[0] if years else int(doc.date[:4]) if doc.date else None
    found: dict[str, Any] = {}
    embargo_iso = _iso(embargo, fallback_year)
    distributed_iso = _iso(distributed, fallback_year)
    if embargo:
        found["embargo_text"] = embargo.text
    found["embargo"] = embargo_iso or distributed_iso
    found["distributed"] = distributed_iso
    department = _value(head, _DEPARTMENT)
    if department:
        department = _CONTACT_START.split(department, 1)[0].strip(" \t,/|")[:120] or None
    found["department"] = department
    found["contact"] = _contacts(head)
    ministry = _MINISTRY.search(head)
    if ministry:
        found["ministry"] = ministry.group(0)
    elif department and (m := _BODY_WORD.match(department.split()[0])) and m.end() == len(department.split()[0]):
        found["ministry"] = m.group(0)
    if is_press:
        found["source_kind"] = "보도자료"
    meta = dict(doc.meta)
    for key, value in found.items():
        if value and key not in meta:
            meta[key] = value
    new_date = doc.date or ((embargo_iso or distributed_iso or "")[:10] or None)
    if new_date != doc.date:
        return dataclasses.replace(doc, date=new_date, meta=meta, id="")  # the id hashes the date
    return dataclasses.replace(doc, meta=meta)


_REST_OF_CELL = re.compile(r"[^\t\n]*")
_NEXT_CELL = re.compile(r"[\t\n ]*([^\t\n]*)")


@dataclasses.dataclass(frozen=True)
class _Stamp:
    """A dated header value: the date (None when the year is not written), the match of
    the date and time, and the value as written."""

    when: date | None
    match: re.Match[str] | None
    text: str


def _cell_after(head: str, pos: int, check_label: bool = False) -> str:
    """The rest of the cell at `pos`, or when that is blank the next non-empty cell
    (a label in a table cell, its value in the next), unless that cell is a label too."""
    rest = _REST_OF_CELL.match(head, pos)
    if rest and rest.group(0).strip():
        return rest.group(0).strip()
    nxt = _NEXT_CELL.match(head, pos)
    cell = nxt.group(1).strip() if nxt else ""
    return "" if check_label and _any_label(cell) else cell


def _value(head: str, label: re.Pattern[str]) -> str | None:
    """The value after the first `label` that has one."""
    for m in label.finditer(head):
        if value := _cell_after(head, m.end(), check_label=True):
            return value
    return None


def _any_label(cell: str) -> bool:
    return any(p.match(cell) for p in (_EMBARGO, _DISTRIBUTED, _DEPARTMENT))


def _dated(head: str, label: re.Pattern[str], immediate: bool = False) -> _Stamp | None:
    """The first `label` whose value starts with a date (and maybe a time), or, with
    `immediate`, says 즉시 (release on distribution)."""
    for m in label.finditer(head):
        value = _cut(_cell_after(head, m.end())[:80])
        dt = _DATETIME.match(value)
        if dt and (dt.group("y") or dt.group("H") or "(" in dt.group(0) or "일" in dt.group(0)):
            try:
                when = date(int(dt.group("y")), int(dt.group("m")), int(dt.group("d"))) if dt.group("y") else None
            except ValueError:
                continue
            return _Stamp(when, dt, value)
        if immediate and "즉시" in value:
            return _Stamp(None, None, value)
    return None


def _cut(value: str) -> str:
    """A cell's value up to the next label ('2024. 3. 7. 11:00 / 배포 …' → '2024. 3. 7. 11:00')."""
    ends = [m.start() for p in (_EMBARGO, _DISTRIBUTED, _DEPARTMENT) if (m := p.search(value, 1))]
    return (value[:min(ends)] if ends else value).strip(" \t/|,·")


def _iso(stamp: _Stamp | None, fallback_year: int | None) -> str | None:
    """ISO 8601: the date, with the time and +09:00 (KST) when a time is written."""
    if stamp is None or stamp.match is None:
        return None
    dt, when = stamp.match, stamp.when
    if when is None:
        if fallback_year is None:
            return None
        try:
            when = date(fallback_year, int(dt.group("m")), int(dt.group("d")))
        except ValueError:
            return None
    if dt.group("H") is None:
        return when.isoformat()
    hour, minute = int(dt.group("H")), int(dt.group("M") or 0)
    if (dt.group("ap") or "").lower() in ("오후", "pm") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return when.isoformat()
    return f"{when.isoformat()}T{hour:02d}:{minute:02d}:00+09:00"


def _contacts(head: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in _CONTACT.finditer(head):
        name = m.group("name") or m.group("name2")
        role = re.sub(r"\s", "", m.group("role") or m.group("role2"))
        phone = re.sub(r"\s*[-.)]\s*", "-", re.sub(r"\s+", "", m.group("phone")))
        if (name, phone) in seen:
            continue
        seen.add((name, phone))
        out.append({"role": role, "name": name, "phone": phone})
        if len(out) >= CONTACTS_MAX:
            break
    return out
