"""KLUE-NER + KoNEC TSVs → spaCy DocBins with Kiwi tokens and our entity types.

Labels: KLUE PS→PERSON, LC→LOCATION, DT→DATE, TI→TIME, QT→QUANTITY; KLUE OG is split
into MINISTRY / COMPANY / ORGANIZATION (see `og_type`): a name in our gazetteer takes its
gazetteer type (public corporations such as 한수원 or 코레일 are MINISTRY there); otherwise
the KoNEC span overlapping the OG span decides (the rightmost OGG_* one, names being
head-final: 미국 법무부 → 법무부), with parties and non-state armed groups made
ORGANIZATION; an OG span with no organisation label in KoNEC becomes ORGANIZATION.

Alignment: the two files hold the same 3,000 sentences in the same order with the same
ids (checked). We keep the KoNEC text: in 197 sentences KLUE writes ㅋㅋ/ㅠㅠ as conjoining
jamo (U+1100…; same length, equal after NFKC), so spans carry over by position; in 3
KLUE lost or gained characters (a stray "<19:QT>, 20기:QT>" tag, a dropped quote, a
trailing space), and spans are carried through a difflib character alignment (none is
lost). Gold spans cutting through a Kiwi token (~2%, counted as span:misaligned) are
expanded to the token boundaries; when that makes two spans overlap, the later is dropped.

Split (deterministic, by SHA-1 of the sentence text): bucket = hash % 100;
< 15 → heldout (reported figures only), < 25 → tune (checkpoint selection while
iterating), else train. `trainfull` = train + tune (the final model).

Run: python -m ingest.nlp.train.prepare [--out build/ner] [--align expand]
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path("/work/shared/data/klue-ner")
KLUE_FILE = "klue-ner-train-3000.tsv"
KONEC_FILE = "konec-train-3000.tsv"

KLUE_MAP = {"PS": "PERSON", "LC": "LOCATION", "DT": "DATE", "TI": "TIME", "QT": "QUANTITY"}
OG_TYPES = ("MINISTRY", "COMPANY", "ORGANIZATION")
LABELS = ("PERSON", "LOCATION", "DATE", "TIME", "QUANTITY", *OG_TYPES)

# KoNEC fine label of an OG span's head → our type. Unlisted labels → ORGANIZATION.
KONEC_OG = {
    "OGG_POLITICS": "MINISTRY",      # government, 국회, 경찰, 검찰, local governments (parties: see og_type)
    "OGG_LAW": "MINISTRY",           # courts, prosecutors' offices
    "OGG_MILITARY": "MINISTRY",      # armed forces of a state (non-state groups: see og_type)
    "LCP_COUNTRY": "MINISTRY",       # a country tagged OG by KLUE is the state acting (북한은 … 밝혔다)
    "LCP_CAPITALCITY": "MINISTRY",   # … likewise cities, provinces, counties as local governments
    "LCP_CITY": "MINISTRY",
    "LCP_PROVINCE": "MINISTRY",
    "LCP_COUNTY": "MINISTRY",
    "OGG_ECONOMY": "COMPANY",
    "OGG_FOOD": "COMPANY",           # food companies and chains (농심, 스타벅스)
    "OGG_HOTEL": "COMPANY",
    "TMI_SERVICE": "COMPANY",        # a web service tagged OG is its operator (네이버, 트위터)
    "TMI_HW": "COMPANY",
    "AFW_OTHER_PRODUCTS": "COMPANY",  # 구글 in 구글 넥서스, 애플 in 애플워치
    "AF_TRANSPORT": "COMPANY",       # 벤츠, 포르셰
}
NON_STATE_ARMED = {"IS", "반군", "RO", "RO조직", "지하혁명조직 RO"}
STATE_ABBREV = {"한", "미", "일", "중", "북", "남", "러", "북한", "남한", "한국", "미국", "일본", "중국"}


@dataclass
class Sentence:
    sid: str
    text: str
    klue: list[tuple[int, int, str]]              # KLUE coarse spans (char offsets into text)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # our types
    split: str = ""

    def to_json(self) -> dict:
        return {"id": self.sid, "text": self.text, "split": self.split,
                "spans": [list(s) for s in self.spans], "klue": [list(s) for s in self.klue]}


def read_tsv(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(sentence id, raw sentence line, [(char, tag)]) per sentence; see the data README."""
    out: list[tuple[str, str, list[tuple[str, str]]]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    for line in lines[5:]:                      # 5 header lines (one of them holds a tab)
        if line.startswith("## "):
            sid, _, sent = line[3:].partition("\t")
            out.append((sid, sent, []))
        elif line:
            ch, _, tag = line.rpartition("\t")
            out[-1][2].append((ch, tag))
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Character BIO tags → (start, end, label); a stray I- starts a new span."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or t[2:] != label:
            if start >= 0:
                out.append((start, i, label))
            start, label = (-1, "") if t == "O" else (i, t[2:])
    return out


def og_type(text: str, s: int, e: int, konec: list[tuple[int, int, str]], gaz: dict[str, str],
            stats: Counter) -> str:
    """MINISTRY / COMPANY / ORGANIZATION for a KLUE OG span text[s:e]."""
    surface = text[s:e]
    if surface in gaz:                           # the project's gazetteer decides first
        stats["og:gazetteer"] += 1
        return gaz[surface]
    over = [k for k in konec if k[0] < e and s < k[1]]
    if not over:
        stats["og:no-konec-overlap"] += 1
        return "ORGANIZATION"
    # Korean names are head-final (미국 법무부, 서울중앙지법 형사1부): take the rightmost
    # overlapping organisation span, else the rightmost overlapping span of any kind.
    orgs = [k for k in over if k[2].startswith("OGG_")]
    ks, ke, label = (orgs or over)[-1]
    stats["og:konec-exact" if (ks, ke) == (s, e) else "og:konec-partial"] += 1
    typ = KONEC_OG.get(label, "ORGANIZATION")
    if label == "OGG_POLITICS" and _is_party(text[ks:ke]):
        stats["og:party→ORGANIZATION"] += 1
        return "ORGANIZATION"
    if label == "OGG_MILITARY" and surface in NON_STATE_ARMED:
        return "ORGANIZATION"
    if typ == "ORGANIZATION" and not label.startswith("OGG_") and surface in STATE_ABBREV:
        stats["og:state-abbrev→MINISTRY"] += 1  # 한/미 inside 한미 연합훈련 (EV_OTHERS)
        return "MINISTRY"
    return typ


def _is_party(name: str) -> bool:
    # Political parties are ORGANIZATION in the gazetteer (KoNEC puts them in OGG_POLITICS).
    name = name.replace(" ", "")
    return (name.endswith("당") and not name.endswith("당국")) or name in {
        "새정치민주연합", "새정치연합", "더민주", "민주", "공화", "기민ᆞ기사당"}


def load_sentences(data_dir: Path = DATA_DIR, stats: Counter | None = None) -> list[Sentence]:
    """Both files aligned; each sentence carries KLUE coarse spans and our typed spans."""
    from ingest.nlp.gazetteer import load_gazetteer

    stats = stats if stats is not None else Counter()
    gazetteer = load_gazetteer()
    types = {e.canonical: e.type for e in gazetteer.entries}
    gaz = {name: types[canon] for name, canon in gazetteer.alias_to_canonical.items()}
    klue, konec = read_tsv(data_dir / KLUE_FILE), read_tsv(data_dir / KONEC_FILE)
    if len(klue) != len(konec):
        raise ValueError(f"sentence counts differ: {len(klue)} vs {len(konec)}")
    out: list[Sentence] = []
    for (kid, _ksent, kchars), (cid, _csent, cchars) in zip(klue, konec):
        if kid != cid:
            raise ValueError(f"sentence ids differ: {kid} vs {cid}")
        ktext = "".join(c for c, _ in kchars)
        text = "".join(c for c, _ in cchars)
        kspans = bio_spans([t for _, t in kchars])
        if ktext == text:
            stats["sent:identical"] += 1
        elif len(ktext) == len(text) and unicodedata.normalize("NFKC", ktext) == unicodedata.normalize("NFKC", text):
            stats["sent:same-after-NFKC"] += 1
        else:
            stats["sent:realigned"] += 1
            kspans = _realign(ktext, text, kspans, stats)
        cspans = bio_spans([t for _, t in cchars])
        spans = []
        for s, e, lab in kspans:
            if lab == "OG":
                typ = og_type(text, s, e, cspans, gaz, stats)
            else:
                typ = KLUE_MAP[lab]
            spans.append((s, e, typ))
            stats[f"type:{typ}"] += 1
        out.append(Sentence(kid, text, kspans, spans, split_of(text)))
    return out


def _realign(src: str, dst: str, spans: list[tuple[int, int, str]], stats: Counter) -> list[tuple[int, int, str]]:
    """Carry spans from src to dst through a character alignment; drop spans that vanish."""
    pos: dict[int, int] = {}
    for a, b, n in difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks():
        pos.update({a + i: b + i for i in range(n)})
    out = []
    for s, e, lab in spans:
        mapped = [pos[i] for i in range(s, e) if i in pos]
        if not mapped:
            stats["span:dropped-unalignable"] += 1
            continue
        if len(mapped) != e - s:
            stats["span:trimmed-unalignable"] += 1
        out.append((min(mapped), max(mapped) + 1, lab))
    return out


def split_of(text: str) -> str:
    bucket = int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "heldout" if bucket < 15 else "tune" if bucket < 25 else "train"


def to_doc(nlp, sent: Sentence, align: str, stats: Counter):
    """A Doc from the Kiwi tokenizer with the sentence's spans as entities."""
    doc = nlp.make_doc(sent.text)
    ents, taken = [], set()
    for s, e, lab in sent.spans:
        span = doc.char_span(s, e, label=lab)
        if span is None:
            stats["span:misaligned"] += 1
            span = doc.char_span(s, e, label=lab, alignment_mode=align)
        if span is None or len(span) == 0:
            stats["span:dropped-empty-after-align"] += 1
            continue
        if taken & set(range(span.start, span.end)):
            stats["span:dropped-overlap-after-align"] += 1
            continue
        taken |= set(range(span.start, span.end))
        ents.append(span)
    doc.ents = sorted(ents, key=lambda x: x.start)
    return doc


def make_nlp():
    import spacy

    from ingest.nlp.train.tokenizer_reg import NAME

    return spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": NAME}}})


def main(argv: list[str] | None = None) -> int:
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--out", type=Path, default=Path("build/ner"))
    ap.add_argument("--align", choices=("expand", "contract"), default="expand")
    a = ap.parse_args(argv)
    stats: Counter = Counter()
    sents = load_sentences(a.data, stats)
    nlp = make_nlp()
    bins = {k: DocBin(store_user_data=False) for k in ("train", "tune", "heldout", "trainfull")}
    a.out.mkdir(parents=True, exist_ok=True)
    with (a.out / "sentences.jsonl").open("w", encoding="utf-8") as f:
        for sent in sents:
            doc = to_doc(nlp, sent, a.align, stats)
            bins[sent.split].add(doc)
            if sent.split != "heldout":
                bins["trainfull"].add(doc)
            stats[f"split:{sent.split}"] += 1
            stats["span:total"] += len(sent.spans)
            f.write(json.dumps(sent.to_json(), ensure_ascii=False) + "\n")
    for name, db in bins.items():
        db.to_disk(a.out / f"{name}.spacy")
    (a.out / "stats.json").write_text(json.dumps(dict(sorted(stats.items())), ensure_ascii=False, indent=1))
    for k, v in sorted(stats.items()):
        print(f"{k:40s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
