"""spaCy components of the extraction pipeline (registered factories, see config.cfg).

    kg_gazetteer → [ner] → kg_patterns → kg_type_refiner → kg_dates → kg_relations → kg_linker

Entities live in a store on the Doc (ingest.nlp.ents), mirrored into `doc.ents` with
`span.kb_id_` = canonical name; attributes and normalised values are readable as
`span._.kg_attrs` / `span._.kg_value`. Relations go to `doc._.kg_relations`. Components
never re-run Kiwi: they read the morphemes the tokenizer kept, through `TextView`.
Attribute keys starting with "_" are internal (spans of related mentions, priorities) and
are dropped from the Extraction.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.nlp import (agenda, backrefs, bodies, companies, company_cues, councils, dated_names, fielded_lists, headlines, initiative_forms, initiatives,
                        known as known_names, landmarks, named_groups, orgs, partners, patterns, people, person_bodies, person_forms, place_cues, programmes,
                        org_shapes, relclf, shortnames, venues)
from ingest.nlp import body_forms, field_people, firm_marks, news_bodies, news_pages, place_marks, reporters
from ingest.nlp import minutes, minutes_people  # the Assembly's committee minutes
from ingest.nlp import event_names  # event names a plan opens (round 4)
from ingest.nlp import date_forms  # values from a neighbouring date (round 4)
from ingest.nlp import news_names  # initiative names as news articles write them (round 4)
from ingest.nlp import ministry_forms  # embassies; a generic 정부 (round 5)
from ingest.nlp.dates import normalize, normalize_time
from ingest.nlp.ents import aligned, cut_tokens, Ent, get_ents, put_ents, span_mask
from ingest.nlp.lexicon import NameInfo, get_lexicon
from ingest.nlp.linker import canonical  # noqa: F401  (registers kg_linker; kg/facts.py imports canonical here)
from ingest.nlp.relations import Mention, extract_relations
from ingest.nlp.type_refiner import _NER_LABELS, ORG_TYPES, TypeRefiner, _org_type  # noqa: F401  (registers kg_type_refiner)
from ingest.nlp.view import FUNCTIONAL, TextView

for _name in ("kg_relations", "doc_date", "kg_known"):  # kg_known: ingest.nlp.known.KnownNames
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# who wins when two candidates overlap: the longer one, then the higher priority
PRIORITY = {"gazetteer": 30, "quoted": 28, "PERSON": 25, "DATE": 22, "TIME": 22, "INITIATIVE": 18,
            "QUANTITY": 15, "COMPANY": 12, "LOCATION": 10, "list": 8, "ner": 5}
BODY_TYPES = ("MINISTRY", "COMPANY", "ORGANIZATION", "LOCATION")
# the statistical model's types merged where no rule entity overlaps (see merge_model)
MODEL_TYPES = ("PERSON", "LOCATION", "MINISTRY", "COMPANY", "ORGANIZATION", "DATE", "TIME", "QUANTITY")


def resolve(doc: Doc, existing: list[Ent], cands: list[tuple[int, int, str, dict]]) -> list[Ent]:
    """Non-overlapping, token-aligned entities from `existing` and `cands`: the longer
    wins, then the higher priority, then the earlier."""
    items = [(e.start, e.end, e.label, e.attrs, e.attrs.get("_prio", PRIORITY["ner"]), e) for e in existing]
    items += [(s, e, label, attrs, attrs.get("_prio", PRIORITY.get(label, 10)), None) for s, e, label, attrs in cands]
    items.sort(key=lambda x: (x[0] - x[1], -x[4], x[0]))
    mask = bytearray(len(TextView.of(doc).text))
    out = []
    for s, e, label, attrs, prio, ent in items:
        if e <= s or mask.find(1, s, e) != -1 or not aligned(doc, s, e):
            continue
        mask[s:e] = b"\x01" * (e - s)
        attrs.setdefault("_prio", prio)
        out.append(ent if ent is not None else Ent(s, e, label, attrs))
    out.sort(key=lambda x: x.start)
    return out


@Language.factory("kg_gazetteer", default_config={"overwrite": False, "write_ents": True})
class GazetteerRuler:
    """Known names (gazetteer.tsv): government bodies, companies, organisations.
    `write_ents`: also write `doc.ents` now, so a statistical `ner` after this component
    predicts around them (build_pipeline turns it off when there is no such `ner`)."""

    def __init__(self, nlp: Language, name: str, overwrite: bool, write_ents: bool) -> None:
        self.overwrite = overwrite
        self.write_ents = write_ents

    def __call__(self, doc: Doc) -> Doc:
        view, lex = TextView.of(doc), get_lexicon()
        cands = []
        for m in lex.name_re.finditer(view.text):
            s, e = m.span()
            name = m.group()
            info = lex.names[name]
            # '이재명 경기도지사', '서훈 국정원장': a body fused with its head's title after the head's name
            fused = (info.kind == "local" or info.type == "MINISTRY" and name[-1] in "실원처청") \
                and bodies.head_fused(view, s, e, name)
            if not view.aligned(s, e) and not fused:
                continue  # 산업부 in 산업부문, 중기부 in 중기부터
            if m.group().endswith("위") and view.text.startswith("원", e):
                continue  # 금융위원장 is 금융위원회 위원장 contracted, 방심위원들 its members: no mention of the body
            if info.kind == "media" and view.text.startswith(_OUTLETS_OWN, e):
                continue  # '로이터저널리즘 연구소', '로이터 저널리즘 인스티튜트': an institute of its own, no outlet
            if view.text.startswith(_MEMBER_TITLES, e):
                continue  # 국회의원, 서울시의원: a member's title, not the body (as 산업정책실장)
            if info.kind == "local" and view.tag_at(s) != "NNP" and not fused:
                continue  # 상주시켜 (상주/NNG 시키/XSV), not 상주시: Kiwi reads a place name as NNP
            if info.kind == "local" and " " in name:
                # a qualified local government (부산 중구, 서울특별시 중구): the qualifier is a
                # mention of its own (a place, or the metropolitan body's name, which the type
                # refiner reads as a place), the last word names the body, as in 미국 상무부
                qualifier, word = name.rsplit(" ", 1)
                if qualifier in lex.names:
                    cands.append(_gaz_cand(s, s + len(qualifier), lex.names[qualifier]))
                s = e - len(word)
            cands.append(_gaz_cand(s, e, info))
        for s, e, *_ in cands:
            if not aligned(doc, s, e):
                cut_tokens(doc, s, e)  # '경기도지사' is one token to Kiwi: cut it at the body's end
        existing = get_ents(doc) if not self.overwrite else []
        put_ents(doc, resolve(doc, existing, cands), write=self.write_ents)
        return doc


_MEMBER_TITLES = ("의원", "의원들")
_OUTLETS_OWN = ("저널리즘", " 저널리즘", "재단", "연구소")


def _gaz_cand(s: int, e: int, info: NameInfo) -> tuple[int, int, str, dict]:
    """A candidate for the gazetteer name `info` at [s, e)."""
    attrs = {"_gaz": info.canonical, "_prio": PRIORITY["gazetteer"]}
    if info.kind:
        attrs["gov_kind" if info.type == "MINISTRY" else "org_kind"] = info.kind
    if info.predecessor:
        attrs["predecessor"] = True
    return s, e, info.type, attrs


@Language.factory("kg_patterns", default_config={"model_types": list(MODEL_TYPES)})
class EntityPatterns:
    """Rule patterns: values, places, companies, people with titles, initiatives, lists.
    Spans of a statistical `ner` before this component are merged by `merge_model`
    (rules win; `model_types`: the model's types that are kept)."""

    def __init__(self, nlp: Language, name: str, model_types: list[str]) -> None:
        self.model_types = frozenset(model_types)

    def __call__(self, doc: Doc) -> Doc:
        view, lex = TextView.of(doc), get_lexicon()
        # the rules see only rule entities (the gazetteer's, as stored before a statistical
        # `ner` ran, in case it dropped some); the model's spans ("_ner") are merged at the
        # end by merge_model
        before = get_ents(doc, sync=False)
        current = get_ents(doc)
        model = [e for e in current if e.attrs.get("_ner")]
        rule_ents = [e for e in before if not e.attrs.get("_ner")] if model else current
        known = [(e.start, e.end, e.label) for e in rule_ents]
        cands = list(patterns.find_values(view))
        cands += patterns.find_places(view, lex)
        cands += patterns.find_government(view, {(s, e) for s, e, lab, _a in cands if lab == "LOCATION"})
        cands += patterns.find_companies(view)
        cands += patterns.find_local_arms(view, lex)
        cands += companies.find_more_companies(view, lex)
        cands += companies.find_public_heads(view)
        cands += company_cues.find_company_cues(view, lex)
        cands += firm_marks.find_firm_marks(view, lex)  # '가온칩스[399720]', '법무법인 광장'
        cands += orgs.find_orgs(view)
        cands += orgs.find_public_bodies(view)
        cands += body_forms.find_enterprises(view)  # '새만금개발공사'
        cands += orgs.find_regional_offices(view)
        cands += orgs.find_venues(view)
        cands += org_shapes.find_org_shapes(view)
        cands += org_shapes.find_institutes(view)
        cands += orgs.find_event_venues(view)
        cands += landmarks.find_landmarks(view)
        cands += landmarks.find_owned_rooms(view)
        cands += bodies.find_shapes(view, [(r.start, r.end, r.label, r.attrs) for r in rule_ents], cands)
        cands += venues.find_shapes(view, [(r.start, r.end, r.label, r.attrs) for r in rule_ents], cands)
        cands += place_cues.find_cues(view, [(r.start, r.end, r.label, r.attrs) for r in rule_ents], cands)
        cands += news_pages.find_page_furniture(view)  # bylines, datelines, credits, a page's time line
        cands += news_bodies.find_news_bodies(view)  # '대한건설협회장', '한국대학교육협의회', '숭실대 부총장'
        cands += ministry_forms.find_missions(view)  # '주일한국대사관'
        cands += place_marks.find_place_marks(view, lex, span_mask(len(view.text), [*known, *cands]))  # '메인프레스센터'
        for s, e, _lab, a in cands:
            if a.pop("_cut", False):
                cut_tokens(doc, s, e)
        quoted = list(initiatives.find_quoted(view))
        for c in quoted:
            c[3]["_prio"] = PRIORITY["quoted"]
        # people: the body before a title may be a known name or a just-found company/place
        spans = {(s, e): lab for s, e, lab in known}
        org_ends: dict[int, int] = {}
        for s, e, lab, _a in [(s, e, lab, None) for s, e, lab in known] + cands:
            if lab in BODY_TYPES and (e not in org_ends or org_ends[e] > s):
                org_ends[e] = s
        spans.update({(s, e): lab for s, e, lab, _a in cands})
        # a meeting word is no name ('APEC CEO 서밋에서': 서밋 after a title)
        cands += [c for c in [*people.find_people(view, spans, org_ends), *person_forms.find_forms(view, spans, org_ends)]
                  if view.text[c[0]:c[1]] not in initiatives.HEADS]
        cands += field_people.find_field_people(view, spans, org_ends)  # '…청(김경안 청장)', '담당자 : …'

        cands += quoted
        cands += known_names.find_known(view, doc._.kg_known)  # names other documents marked as names
        taken = span_mask(len(view.text), [*known, *cands])
        cands += initiatives.find_shows(view)
        cands += initiatives.find_sittings(view)
        cands += initiative_forms.find_numbered_days(view)
        cands += event_names.find_dialogues(view)  # '제3차 한미 경제안보 대화'
        cands += event_names.find_marked_days(view)  # '청년의날을 맞이해'
        cands += initiatives.find_laws(view)
        shows = list(programmes.find_programmes(view, taken))  # '국정토크(매주 수 오후 8시)'
        shows += programmes.find_page_programmes(view)  # 'KTV 대한뉴스 월~금요일 19시 00분' | '등록일 : …'
        for s, e, *_ in shows:
            taken[s:e] = b"\x01" * (e - s)
        cands += shows
        cands += agenda.find_agenda_titles(view, [(s, e, lab) for s, e, lab, _a in cands] + known)
        cands += initiatives.find_unquoted(view, taken, {(s, e) for s, e, lab, _a in cands if lab == "LOCATION"})
        ents = initiatives.drop_sitting_refs(view.text, resolve(doc, rule_ents, cands))
        ents = initiatives.join_numbered_meetings(view.text, ents)
        ents = headlines.widen_titles(view.text, ents)
        ents = minutes.join_bills(view, ents)  # '방송법 일부개정법률안': the bill, one name
        ents = minutes.drop_bare_sittings(view.text, ents)  # '당초 오늘 회의 안건에는': the sitting itself
        ents = minutes.join_terms(view.text, ents)  # '제21대 과방위': the body with its term
        ents = dated_names.drop_verbal_meetings(view.text, dated_names.join_dated_names(view.text, ents))
        ents = event_names.join_reported_plans(view.text, ents)  # '열린 K-반도체 전략 보고에 참석'
        ents = event_names.add_committee_sittings(view, ents)  # '안전정책조정위원회 주재'
        ents = event_names.press_rooms(view.text, ents)  # '남북정상회담 메인프레스센터': a place
        ents = ministry_forms.drop_generic_government(view.text, ents)  # '정부 R&D 예산'
        council_spans = councils.find_councils(view, lex, doc._.doc_date)  # local councils' names and minutes
        ents = councils.override(doc, view.text, ents, *council_spans)
        # list members ('A, B, C 등 기업') and back references ('얼라이언스에는') are read off
        # the resolved entities
        items = list(patterns.find_list_items(view, [(e.start, e.end, e.label) for e in ents]))
        items += companies.find_coordinated(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += companies.find_whole_names(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += companies.find_footnote_companies(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += companies.find_cued_lists(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += fielded_lists.find_fielded_companies(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += companies.find_titled_bodies(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += companies.find_listed_public(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += person_bodies.find_long_apposed(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += person_bodies.find_foreign_officials(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += partners.find_party_items(view, [(e.start, e.end, e.label, e.attrs) for e in ents])  # '(참여 기관·기업) A, B'
        items += minutes_people.find_minutes_people(view, [(e.start, e.end, e.label, e.attrs) for e in ents])  # '조성은 방송통신위원회 사무처장입니다', 'A 증인'
        for c in items:
            c[3]["_prio"] = PRIORITY["list"]
        items += initiatives.find_references(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += named_groups.find_group_mentions(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += shortnames.find_short_names(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += shortnames.find_repeats(view, [(e.start, e.end, e.label, e.attrs) for e in ents])  # quoted once, bare after
        # a person named with a title once, then by name alone ('… 방문규는')
        items += people.find_repeats(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += field_people.find_fused_surnames(view, [(e.start, e.end, e.label, e.attrs) for e in ents])  # '이부총리'
        items += bodies.find_body_repeats(view, [(e.start, e.end, e.label, e.attrs) for e in ents])
        items += body_forms.find_short_bodies(view, [(e.start, e.end, e.label, e.attrs) for e in ents])  # short forms
        # people named without a title, by the name lexicon ('손흥민 선수', '이재명, 양승조 등')
        known = list(person_forms.find_known(view, [(e.start, e.end, e.label, e.attrs) for e in ents]))
        items += known
        # the rest of a list of names one of which is known ('이경호, 류제명, 홍진배 등')
        items += person_forms.find_name_lists(view, [(e.start, e.end, e.label, e.attrs) for e in ents] + known)
        ents = resolve(doc, ents, items) if items else ents
        ents = news_names.adjust(view.text, ents)  # '… MOU 체결식', '2차 출자 공고'; not '분기별 회의'
        ents = councils.override(doc, view.text, ents, *council_spans)
        if model:
            ents = merge_model(view, lex, ents, model, self.model_types)
        put_ents(doc, ents)
        return doc


def merge_model(view: TextView, lex, rule_ents: list[Ent], model: list[Ent], types=MODEL_TYPES) -> list[Ent]:
    """Rule entities plus the statistical model's spans (`types` only) that overlap none of them.

    A rule entity (gazetteer, pattern, titled person, date, initiative) wins over an
    overlapping model span, so the model cannot cut or swallow the rules' precise spans
    (서울 중구 stays 서울 + 중구, 미국 상무부 stays 미국 + 상무부); the model fills the gaps
    where the rules are silent (people without titles, organisations outside the
    gazetteer). Two exceptions, where a longer model span replaces the rule entities it
    covers: they are all values or places cutting a word the model keeps whole (김해 in
    김해숙, 2시간 in 2시간30분동안), or all of the model's own type in `_OVERRIDES` (a date
    range the rules cut in two: 12월 | 16∼22일; a full name around a titled surname:
    프랑수아 | 올랑드 대통령, whose title attributes carry over). A model organisation is
    retyped by the gazetteer and the suffix rules where they tell (…부/…청/…위원회 →
    MINISTRY, ㈜/…중공업 → COMPANY). A bare number cut off a word (1 in 1차관) is dropped.
    Model spans that stay keep the "_ner" attribute (kg_relations reads it)."""
    text = view.text
    for e in model:
        label = _NER_LABELS.get(e.label, e.label)
        e.label = _org_type(text[e.start:e.end], lex, label) if label in ("ORG", *ORG_TYPES) else label
    model = [e for e in model if e.label in types]
    cut = {id(r) for r in rule_ents if r.label in _WEAK_RULE_TYPES and _cuts_word(view, r)}
    drop: set[int] = set()
    for e in model:
        inside = [r for r in rule_ents if e.start <= r.start and r.end <= e.end]
        if not inside or (e.start, e.end) == inside[0].key \
                or any(r.start < e.end and e.start < r.end for r in rule_ents if r not in inside):
            continue
        covers = _OVERRIDES.get(e.label, ())
        if all(id(r) in cut or r.label in covers for r in inside):
            drop.update(id(r) for r in inside)
            e.attrs.pop("_ner", None)  # it stands for rule entities: a relation argument like them
            for r in inside:
                if r.label == e.label == "PERSON" and r.end == e.end:
                    e.attrs.update(r.attrs)
    if drop:
        rule_ents = [r for r in rule_ents if id(r) not in drop]
    mask = bytearray(len(text))
    for r in rule_ents:
        mask[r.start:r.end] = b"\x01" * (r.end - r.start)
    out = list(rule_ents)
    for e in model:
        if mask.find(1, e.start, e.end) != -1:
            continue
        if _NUMBER.fullmatch(text[e.start:e.end]) and view.tag_at(e.end).startswith("NN"):
            continue
        out.append(e)
    out.sort(key=lambda x: x.start)
    return out


_WEAK_RULE_TYPES = ("LOCATION", "QUANTITY", "DATE", "TIME")
_OVERRIDES = {"DATE": ("DATE",), "PERSON": ("PERSON",)}
_NUMBER = re.compile(r"[\d.,]+")


def _cuts_word(view: TextView, e: Ent) -> bool:
    """Whether `e` starts or ends inside a word: a letter, digit or range sign before it,
    a letter or digit after it that does not start a particle or ending (김해|숙, 2~|4위)."""
    text = view.text
    before = text[e.start - 1] if e.start > 0 else " "
    after = text[e.end] if e.end < len(text) else " "
    return before.isalnum() or before in "~∼-" or (after.isalnum() and not view.tag_at(e.end).startswith(FUNCTIONAL))


_MONTH_DAY = re.compile(r"(?:1[0-2]|0?[1-9])\.\s?(?:3[01]|[12]\d|0?[1-9])\.?|(?:1[0-2]|0?[1-9])\s?월\s?(?:3[01]|[12]\d|0?[1-9])\s?일")
_RANGE_GAP = re.compile(r"(?:\s?\([월화수목금토일]\))?\s?[~∼]\s?")


@Language.factory("kg_dates", default_config={})
class DateNormalizer:
    """DATE → ISO value relative to the document date (`doc._.doc_date`); TIME → HH:MM."""

    def __init__(self, nlp: Language, name: str) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        text = TextView.of(doc).text
        prev = None
        for e in get_ents(doc, sync=False):
            try:  # a statistical model's span may be any text ('0일', '32일')
                if e.label == "DATE":  # '2028년' of '2028년까지' is read with its particle
                    expr = e.attrs.get("_expr") or text[e.start:e.end]
                    # '’19. 3. 4.(월) ~ 3. 15.(금)': a range's bare end is in the year of its start
                    ref = prev.value[:10] if prev is not None and prev.value and len(prev.value) >= 10 \
                        and _MONTH_DAY.fullmatch(expr) and _RANGE_GAP.fullmatch(text, prev.end, e.start) else doc._.doc_date
                    e.value = normalize(expr, ref)
                    prev = e
                elif e.label == "TIME":
                    e.value = normalize_time(text[e.start:e.end])
            except ValueError:
                e.value = None
        date_forms.carry_values(text, get_ents(doc, sync=False))  # '이날', '다음 주 21일'
        return doc


@Language.factory("kg_relations", default_config={"model_types": ["PERSON"], "classifier": True})
class RelationExtractor:
    """ANNOUNCES / PARTICIPATES_IN / LEADS / SCHEDULED_FOR within sentences.
    `model_types`: the types of the statistical model's entities ("_ner") that may be
    relation arguments: people (a participant need not have a title); the model's
    organisations and values lowered relation precision on the dev set (국제기구 → 회의)."""

    def __init__(self, nlp: Language, name: str, model_types: list[str], classifier: bool) -> None:
        self.model_types = frozenset(model_types)
        self.classifier = classifier  # the trained pass over candidate pairs (relclf.py)
        self.relations_model: dict | None = None  # None: the shipped ingest/nlp/data/relations-model.json
        self.collect: list | None = None  # the training script (train/relations.py) reads candidates here

    def __call__(self, doc: Doc) -> Doc:
        view = TextView.of(doc)
        mentions = [Mention(e.start, e.end, e.label, e.attrs, e.value) for e in get_ents(doc, sync=False)
                    if not e.attrs.get("_ner") or e.label in self.model_types]
        sents = doc._.sent_spans or [(s.start_char, s.end_char) for s in doc.sents]
        # '문재인 대통령은 … 문 대통령은 …': the surname and title stand for the person named
        # before; they take part in relations as that person (no entity of their own)
        aliases = person_forms.surname_references(view, [m for m in mentions if m.label == "PERSON"])
        # '동 위원회는', '위원회에는 …', '이번 사업에': a head word stands for the one named before
        bodies = backrefs.body_references(view, mentions)
        if aliases or bodies:
            extra = [Mention(s, e, "PERSON", {"title": title}) for s, e, title, _k in aliases]
            mentions = sorted(mentions + extra + backrefs.mentions_for(mentions, bodies, Mention), key=lambda m: m.start)
            aliases = aliases + [(s, e, "", k) for s, e, _l, k in bodies]
        rels = backrefs.adjust(view, mentions, sents, extract_relations(view, mentions, sents, doc._.doc_date), bodies)
        if self.collect is not None:
            self.collect.append((view, mentions, sents, list(rels), doc._.doc_date, aliases))
        elif self.classifier:
            rels = relclf.classify(view, mentions, sents, rels, doc._.doc_date, model=self.relations_model)
        rels = minutes.drop_misreadings(view, mentions, rels)  # budgets' years, laws cited by article, bill stages
        rels = reporters.drop_reporting(view.text, mentions, sents, rels)  # '블룸버그통신은 … 참석한다고 보도했다'
        rels = list(dict.fromkeys([*rels, *minutes.hearing_parties(view, mentions, sents),  # 'A, B 등에 대한 현안질의'
                                   *minutes.sitting_parties(view, mentions, sents),  # '… 위원님 인사말씀 해 주시기 바랍니다'
                                   *minutes.report_plans(view, mentions, sents)]))  # a body's own report
        if aliases:
            to = {(s, e): k for s, e, _t, k in aliases}
            rels = list(dict.fromkeys((kind, to.get(h, h), to.get(t, t), si) for kind, h, t, si in rels
                                      if to.get(h, h) != to.get(t, t)))
        doc._.kg_relations = rels
        return doc

