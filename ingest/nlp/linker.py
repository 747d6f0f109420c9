"""kg_linker: canonical names of entity mentions, in `span.kb_id_`.

The gazetteer's name for known names and aliases (산업부 → 산업통상자원부), a law's full
title for its short names (data/initiatives.tsv: AI 기본법 → 인공지능 발전과 신뢰 기반 조성
등에 관한 기본법), the antecedent's name for a back reference ('얼라이언스에는'), otherwise a
cleaned surface form. IRIs are minted later from (type, canonical) by ontology/, not here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ingest.nlp.authority import dated_canonical
from ingest.nlp.ents import Ent, get_ents, put_ents
from ingest.nlp.events import name_events
from ingest.nlp.lexicon import get_lexicon
from ingest.nlp.view import TextView


_QUOTES = "'\"‘’“”「」『』《》<>"
_CORP = re.compile(r"^(?:㈜|\(주\)|주식회사)\s*|\s*(?:㈜|\(주\))$")


@Language.factory("kg_linker", default_config={})
class EntityLinker:
    """Canonical names in `span.kb_id_`: the gazetteer's for known names and aliases
    (산업부 → 산업통상자원부), otherwise a cleaned surface form. IRIs are minted later
    from (type, canonical) by ontology/, not here."""

    def __init__(self, nlp: Language, name: str) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        lex, text = get_lexicon(), TextView.of(doc).text
        ents = get_ents(doc, sync=False)
        names: dict[tuple[int, int], str] = {}
        prev: Ent | None = None
        generic: set[tuple[int, int]] = set()  # meeting words no named meeting names
        unresolved: list[Ent] = []  # meetings named by their own words
        short = short_names(ents, text)  # '「…특별조치법」(이하 국가첨단전략산업법)'
        inits = [e for e in ents if e.label == "INITIATIVE"]
        for e in ents:
            e.canonical = canonical(e.label, text[e.start:e.end], e.attrs, lex, doc._.doc_date)
            if e.label == "INITIATIVE":
                named = _initiative_name(e, prev, inits, names, text)
                full = short.get(_key(text[e.start:e.end]))
                e.canonical = named or (names.get(full.key) if full is not None and full.key in names else None) \
                    or e.canonical
                if named is None and e.attrs.get("generic") and e.attrs.get("kind") == "meeting":
                    generic.add(e.key)
                if named is None and e.attrs.get("kind") == "meeting":
                    unresolved.append(e)
            names[e.key] = e.canonical or text[e.start:e.end]
            prev = e
        _fuller_names(unresolved, inits, names, generic, text, lex)
        _shortened_names(ents, text, names, lex)  # '수출전략회의' after '제1차 수출전략회의': one initiative
        for e in ents:  # a person's body by its canonical name: {'title': '1차관', 'org': '산업통상자원부'}
            if e.label == "PERSON" and e.attrs.get("_org") and tuple(e.attrs["_org"]) in names:
                e.attrs["org"] = names[tuple(e.attrs["_org"])]
        # one event, one name, across documents (ingest.nlp.events)
        name_events(ents, doc._.kg_relations or [], doc._.sent_spans or [], text, doc._.doc_date, generic)
        put_ents(doc, ents)
        return doc


def _initiative_name(e: Ent, prev: Ent | None, inits: list[Ent], names: dict, text: str) -> str | None:
    """Document-level naming of initiatives: a back reference takes its antecedent's name;
    a bare meeting word takes the name of the initiative right before it ('AI 자율제조
    얼라이언스' 출범식 → 'AI 자율제조 얼라이언스 출범식') or of an earlier meeting with the
    same word; otherwise it stays generic (dated)."""
    ante = e.attrs.get("_ante")
    if ante is not None:
        return names.get(tuple(ante))
    word = text[e.start:e.end]
    pointed = _POINTS_BACK.search(text, max(0, e.start - 4), e.start) is not None
    earlier = [x for x in inits if x.end <= e.start]
    if pointed and not e.attrs.get("generic"):
        # '이번 정책협의회는' after '제4차 한-방글라데시 정책협의회': the one initiative named before
        # whose name ends in these words (two such, or none: the mention keeps its own name)
        return _only(earlier, names, lambda name: _key(name).endswith(_key(word)) and len(_key(name)) > len(_key(word)))
    if not e.attrs.get("generic"):
        return None
    if e.attrs.get("kind") != "meeting":
        # '업무협약(MOU)을 체결했다. 이번 협약 체결은': unnamed too, yet the agreement of before
        same = [x for x in earlier if x.attrs.get("generic") and x.attrs.get("kind") == e.attrs.get("kind")
                and text[x.start:x.end].endswith(word)] if pointed else []
        return names.get(same[-1].key) if same else None
    if prev is not None and (prev.label == "INITIATIVE" or prev.attrs.get("quoted")) and not prev.attrs.get("generic") \
            and re.fullmatch(r"['\"’”」』]?\s?", text[prev.end:e.start]):
        e.attrs["generic"] = False
        return f"{names[prev.key]} {word}"
    # '간담회에는' after '반도체 업계 간담회': the named meeting of that word, if only one was named;
    # '이번 회의는' after several: the one named last (with the names that nest in it)
    same_word = [x for x in earlier if not x.attrs.get("generic") and names.get(x.key, "").endswith(word)]
    if same_word:
        if not pointed:
            return _only(same_word, names, lambda _name: True)
        last = _key(names[same_word[-1].key])
        return _only(same_word, names, lambda n: _key(n).endswith(last) or last.endswith(_key(n)))
    named = [x for x in earlier if x.attrs.get("kind") == "meeting" and not x.attrs.get("generic")]
    if pointed:
        same = [x for x in earlier if text[x.start:x.end].endswith(word)]
        if word not in _EVENT_WORDS and same:  # '… 업계와 간담회를 가졌다. 이날 간담회에는': the one of that word
            resolved = names.get(same[-1].key)  # (named as an event before, or unnamed: events.py)
            if resolved in {names.get(x.key) for x in named}:
                return resolved
            # '정례브리핑을 시작하겠습니다 … 오늘 브리핑을 마치겠습니다': one unnamed event, one node
            e.attrs["_event_word"] = text[same[-1].start:same[-1].end].split()[-1]
            return None
        if named and not text.startswith("오늘", max(0, e.start - 3)):  # '오늘 본회의가' in a briefing: another event
            return names.get((named[0] if word in _EVENT_WORDS else named[-1]).key)
    elif word in _EVENT_WORDS and len({names.get(x.key) for x in named}) == 1:
        return names.get(named[0].key)  # '행사에 참여해': the one event the document names
    return None


def _only(cands: list[Ent], names: dict, fits) -> str | None:
    """The one event among the candidates' names that `fits`: names that nest ('수출전략회의'
    in '제1차 수출전략회의', '정례 경제브리핑' and '정례경제브리핑') are one event, by its fullest
    name; two that do not ('수출 점검회의', '반도체 업계 점검회의') leave it unresolved (None)."""
    found = {names[x.key] for x in cands if x.key in names and not x.attrs.get("coref") and fits(names[x.key])}
    if not found:
        return None
    full = max(found, key=lambda n: (len(_key(n)), n))
    return full if all(_key(full).endswith(_key(n)) for n in found) else None


def _fuller_names(unresolved: list[Ent], inits: list[Ent], names: dict, generic: set, text: str, lex) -> None:
    """A meeting named short before the document names it in full ('수출전략회의를 주재했다.
    … 제1차 수출전략회의는'; a heading's '보고대회' before '한국판 뉴딜 대국민보고대회') takes the
    full name, where only one event of the document ends in its words. A bare meeting word
    does so only in the heading (first line): later in the text it may be another gathering."""
    # (a place opening the full name tells one meeting from another: '평양 남북정상회담' is not
    # every '남북정상회담', as in _shortened_names)
    full = [x for x in inits if x.attrs.get("kind") == "meeting" and not x.attrs.get("generic") and not x.attrs.get("coref")
            and not any(w in lex.places for w in text[x.start:x.end].split()[:-1])]
    if not full:
        return
    heading = text.find("\n")
    for e in unresolved:
        bare = e.key in generic
        if bare and not 0 <= e.start < heading:
            continue
        own = _key(text[e.start:e.end] if bare else names[e.key])
        # ('산업전략 원탁회의' after '제3차 산업전략 원탁회의' is the series, not the sitting: events.py)
        name = _only(full, names, lambda n, own=own: _key(n).endswith(own) and len(_key(n)) > len(own)
                     and _key(_SITTING.sub("", n)) != own)
        if name is not None:
            e.canonical = names[e.key] = name
            e.attrs["generic"] = False
            generic.discard(e.key)


def _shortened_names(ents: list[Ent], text: str, names: dict, lex) -> None:
    """A named initiative written again without the words that open its fuller name in the
    same document ('제1차 수출전략회의' … '수출전략회의', '한미 비즈니스 라운드테이블' …
    '비즈니스 라운드테이블') or with other spacing ('한국판 뉴딜' … '한국판뉴딜') is that
    initiative: it takes the fuller name's canonical name, where only one fuller name fits.
    A place opening a meeting's name tells one meeting from another ('평양 남북정상회담' is
    not every '남북정상회담'), so it makes no fuller name; nor does a later sitting's number
    ('제3차 산업전략 원탁회의' … '산업전략 원탁회의는 앞서 두 차례': the series), where the
    first sitting is all the series there is so far."""
    inits = [e for e in ents if e.label == "INITIATIVE" and not e.attrs.get("generic") and e.attrs.get("_ante") is None
             and not e.attrs.get("coref") and e.attrs.get("kind") != "law"]
    if len(inits) < 2:
        return
    keys = {e.key: _key(text[e.start:e.end]) for e in inits}
    renamed: dict[str, set[str]] = {}
    for e in inits:
        k, surface = keys[e.key], text[e.start:e.end]
        if len(k) < 3:
            continue
        longer = [o for o in inits if len(keys[o.key]) > len(k) and keys[o.key].endswith(k)]
        fits = [o for o in longer if _opens_with(text[o.start:o.end], surface, lex)]
        if len(fits) < len(longer):
            fits = []  # '선수권 대회' after '피겨 선수권대회' and '세계 쇼트트랙 선수권 대회': which one?
        fuller = {names.get(o.key) or o.canonical for o in fits}
        fuller |= {names.get(o.key) or o.canonical for o in inits
                   if keys[o.key] == k and text[o.start:o.end].count(" ") > surface.count(" ")}
        if len(fuller) == 1 and None not in fuller:
            new = fuller.pop()
            if e.canonical and e.canonical != new:
                renamed.setdefault(e.canonical, set()).add(new)
            e.canonical = names[e.key] = new
    for e in ents:  # '회의' named after '수출전략회의' follows it to '제1차 수출전략회의'
        new_names = renamed.get(e.canonical or "")
        if e.label == "INITIATIVE" and new_names is not None and len(new_names) == 1:
            e.canonical = names[e.key] = next(iter(new_names))


_LATER_SITTING = re.compile(r"제?(?:[2-9]|\d\d+)(?:차|회)")


def _opens_with(name: str, surface: str, lex) -> bool:
    """Whether `name` is `surface` (whole words, as written) with words before it that tell
    no other event: no place, no later sitting's number."""
    at = len(name) - len(surface)
    return name.endswith(surface) and 0 < at and name[at - 1] == " " \
        and not any(w in lex.places or _LATER_SITTING.fullmatch(w) for w in name[:at].split())


# a short name the document defines after a full title: '「…법」(이하 국가첨단전략산업법)',
# '(약칭: 반도체특별법)', "(이하 '기본계획'이라 한다)", "'…에 관한 법률', 이른바 수소법"
_DEFINED = re.compile(r"[」』'’\"”]?\s?[(（]\s?(?:이하|약칭)\s?[:：]?\s?['‘\"“「]?(?P<short>[^)）'’\"”」]{2,30}?)['’\"”」]?"
                      r"\s?(?:이라\s?한다|라\s?한다|라고\s?한다)?\s?[)）]")
_SO_CALLED = re.compile(r"[」』'’\"”]?\s?,?\s?이른바\s['‘\"“「]?")
_AMENDMENT = re.compile(r"(?:개정안|법안|법률안)$")  # a bill's nickname is no name of the law


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name.strip(_QUOTES + " "))


def short_names(ents: list[Ent], text: str) -> dict[str, Ent]:
    """The short names a document defines for full titles of initiatives (spaces
    removed) → the full title's mention: every mention of the short name is that entity."""
    out: dict[str, Ent] = {}
    inits = [e for e in ents if e.label == "INITIATIVE" and not e.attrs.get("generic") and not e.attrs.get("coref")]
    for i, e in enumerate(inits):
        if _AMENDMENT.search(text[e.start:e.end]):
            continue
        if m := _DEFINED.match(text, e.end):
            short = m.group("short")
        elif (m := _SO_CALLED.match(text, e.end)) and i + 1 < len(inits) and inits[i + 1].start == m.end():
            short = text[inits[i + 1].start:inits[i + 1].end]
        else:
            continue
        if _key(short) != _key(text[e.start:e.end]):
            out.setdefault(_key(short), e)
    return out


_SITTING = re.compile(r"^제?\s?\d+\s?(?:차|회|기)\s*")  # the ordinal of a numbered sitting
_POINTS_BACK = re.compile(r"(?:이날|오늘|이번|당일|동|해당|본)\s$")
# words that name any event again (not 간담회 or 회의, which may be another gathering)
_EVENT_WORDS = frozenset({"행사", "자리", "모임"})


def canonical(label: str, text: str, attrs: dict, lex, doc_date: str | None = None) -> str | None:
    """The canonical name of one mention (None for values: DATE, TIME, QUANTITY)."""
    if label in ("DATE", "TIME", "QUANTITY"):
        return None
    if label == "LOCATION" and attrs.get("place"):
        return attrs["place"]
    if attrs.get("_gaz"):  # a known name, read as of the document's date (ingest.nlp.authority)
        return dated_canonical(attrs["_gaz"], text, attrs, doc_date) if label == "MINISTRY" else attrs["_gaz"]
    name = " ".join(_CORP.sub("", text.strip(_QUOTES + " ")).split())
    info = lex.names.get(name)
    if info is not None and info.type == label:
        return dated_canonical(info.canonical, name, attrs, doc_date) if label == "MINISTRY" else info.canonical
    if label == "LOCATION" and name in lex.places:
        return lex.places[name].canonical
    if label == "INITIATIVE" and attrs.get("generic") and doc_date:
        return f"{name} ({doc_date[:10]})"  # '간담회' alone: one event per day, not one for all
    if label == "INITIATIVE":
        return initiative_aliases().get(name.replace(" ", ""), name) or None
    return name or None


@lru_cache(maxsize=1)
def initiative_aliases(path: Path = Path(__file__).parent / "data" / "initiatives.tsv") -> dict[str, str]:
    """Other names of laws and plans (data/initiatives.tsv), spaces removed → the canonical name."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canon, _tab, aliases = line.partition("\t")
        for name in (canon, *aliases.split("|")):
            if name.strip():
                out[name.replace(" ", "")] = canon.strip()
    return out
