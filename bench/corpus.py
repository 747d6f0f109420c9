"""A synthetic Korean corpus of any size, recombined from real texts.

    python bench/corpus.py --size 10000 --out /tmp/kg-bench/c10k

Documents are made of *units* drawn from a fixed pool (seeded, so a size always gives
the same corpus): sentences of the Korean Wikinews articles, of the National Assembly
science/ICT committee speeches and of the sample corpus/, plus template sentences
("{기관}는 7일 '{정책}'을 발표했다", "… 등 기업이 참여했다") whose slots are filled with
gazetteer entities (ingest/nlp/data/gazetteer.tsv; canonical names or aliases) and
initiative names drawn with a Zipf distribution (s=1.1): a few bodies and companies are
everywhere, most are rare, as in news. Body lengths follow the Wikinews length
distribution (median ~530 characters: "news-length"); titles come from Wikinews, bill
names (assembly-kr) or the first template's entities; dates are spread over 2009–2025;
five sources (news wire, press releases, committee minutes, bills, explainers).

Output: JSON Lines shards of 5,000 documents under OUT/docs/<source>/ (the loaders'
size cap is per file) and, aligned line by line, the recipe of each document (its unit
ids per paragraph) under OUT/recipes/. `pool_extractions()` runs the real NLP pipeline
once over the pool and caches the result, so `--skip-nlp` runs can assemble each
document's Extraction from its recipe without running NLP (see bench/stages.py).

Known limits: the vocabulary is bounded by the pool (~20k distinct sentences), so term
dictionaries stay smaller than in a real corpus of the same size; entities are
extracted per unit, so cross-sentence context (coreference, date anchoring to the
document date) is missing in pre-extracted documents.
"""
from __future__ import annotations

import argparse
import bisect
import datetime
import gzip
import hashlib
import itertools
import json
import os
import pickle
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest.loaders.decode import normalize_text  # noqa: E402
from ingest.nlp.gazetteer import load_gazetteer  # noqa: E402

SHARED = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))
WIKINEWS = SHARED / "ko-wikinews" / "ko_wikinews.jsonl"
SPEECHES = SHARED / "assembly-kr" / "speeches_22_science_ict.jsonl.gz"
BILLS = SHARED / "assembly-kr" / "bills_20-22.jsonl.gz"
GENERATOR_VERSION = 1
SHARD = 5000
ZIPF_S = 1.1

# (folder, source kind, share of documents, share of template units, url host or None)
SOURCES = (
    ("news-wire", "뉴스", 0.40, 0.35, "news.example.kr"),
    ("press", "보도자료", 0.20, 0.60, "www.korea.example.kr"),
    ("minutes", "회의록", 0.20, 0.15, None),
    ("bills", "의안", 0.10, 0.40, None),
    ("explainers", "해설", 0.10, 0.30, "blog.example.kr"),
)

TOPICS = ("AI 자율제조", "반도체 초강대국", "수소경제", "이차전지 산업", "탄소중립", "디지털 뉴딜", "바이오헬스",
          "미래차 전환", "첨단 로봇", "원전 수출", "스마트공장", "소재·부품·장비", "우주항공", "양자기술", "6G 이동통신",
          "데이터 경제", "첨단 모빌리티", "청정수소", "해상풍력", "에너지 효율", "중소기업 디지털 전환", "벤처 투자",
          "지역 균형발전", "K-콘텐츠", "사이버보안", "핀테크", "스마트시티", "탄소포집", "사용후 배터리", "자율주행",
          "드론 산업", "디스플레이", "조선 해양", "철강 탈탄소", "석유화학 고도화", "섬유 패션", "농식품 수출",
          "의료 AI", "차세대 원자로", "전력망 확충")
KINDS = ("전략", "기본계획", "로드맵", "마스터플랜", "육성방안", "지원사업", "특별법", "얼라이언스")
TEMPLATES = (
    "{gov}는 {day}일 '{init}'을 발표했다.",
    "{gov}는 이날 '{init}'을 확정하고 {year}년까지 단계적으로 추진한다고 밝혔다.",
    "이날 간담회에는 {co1}, {co2} 등 기업이 참석했다.",
    "{co1}와 {co2}도 '{init}'에 참여한다.",
    "회의는 {person} {gov} 장관 주재로 열렸다.",
    "{org}는 관련 업계 의견을 모아 {gov}에 전달했다.",
    "'{init}'은 {year}년 상반기까지 세부 과제를 마련할 예정이다.",
    "{gov}와 {gov2}는 '{init}' 이행 상황을 점검하는 회의를 열었다.",
    "{co1}는 {year}년까지 3조원을 투자하겠다고 밝혔다.",
    "{person} 위원은 {gov}의 '{init}' 예산이 부족하다고 지적했다.",
)
_SENT = re.compile(r"(?<=[.?!])(?:\s+|(?=[가-힣A-Z\"'“‘(]))")


@dataclass
class Pool:
    units: list[str]                    # unit texts (NFC, stripped, one line each)
    by_source: dict[str, list[int]]     # real-sentence unit ids per source kind
    templates: list[int]                # template unit ids
    titles: dict[str, list[str]]        # title candidates per source kind
    lengths: list[int]                  # body length distribution (Wikinews)
    digest: str                         # identifies the pool (cache key)


# particles after a slot agree with the last sound of the name filled in: 산업부는, 산업부를
_SLOT = re.compile(r"\{(\w+)\}('?)(은|는|이|가|을|를|과|와)?")
_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와")}


def has_final_consonant(word: str) -> bool:
    c = word.rstrip("'\" ")[-1:]
    if "가" <= c <= "힣":
        return (ord(c) - 0xAC00) % 28 != 0
    if c.isdigit():
        return c in "013678"  # 영, 일, 삼, 육, 칠, 팔
    return c.lower() in "lmnr"  # Latin names: LG(쥐) no, Hyundai Steel(스틸) yes, roughly


def fill(template: str, slots: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        value, quote, particle = slots[m.group(1)], m.group(2), m.group(3)
        if particle:
            particle = _PAIRS[particle][0 if has_final_consonant(value) else 1]
        return value + quote + (particle or "")

    return _SLOT.sub(sub, template)


# -- the pool ----------------------------------------------------------------------------
def sentences(text: str) -> Iterator[str]:
    for para in text.split("\n"):
        for s in _SENT.split(para):
            s = normalize_text(s).strip()
            if 15 <= len(s) <= 400 and "\n" not in s:
                yield s


class Zipf:
    """Draws items with P(rank k) ∝ 1/k^s."""

    def __init__(self, items: list, s: float = ZIPF_S) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(len(items))))

    def __call__(self, rnd: random.Random):
        return self.items[bisect.bisect_left(self.cum, rnd.random() * self.cum[-1])]


def build_pool(seed: int = 7, news_max: int = 8000, speech_max: int = 8000, n_templates: int = 5000) -> Pool:
    rnd = random.Random(seed)
    units: list[str] = []
    by_source: dict[str, list[int]] = {"news": [], "speech": [], "corpus": []}
    titles: dict[str, list[str]] = {"news": [], "bills": [], "minutes": []}
    seen: set[str] = set()

    def add(kind: str, s: str) -> None:
        if s not in seen:
            seen.add(s)
            by_source[kind].append(len(units))
            units.append(s)

    news = [json.loads(line) for line in WIKINEWS.open(encoding="utf-8")]
    lengths = sorted(len(r["body"]) for r in news)
    titles["news"] = [normalize_text(r["title"]).strip() for r in news if r.get("title")]
    news_sents = [s for r in news for s in sentences(r["body"])]
    rnd.shuffle(news_sents)
    for s in news_sents[:news_max]:
        add("news", s)
    with gzip.open(SPEECHES, "rt", encoding="utf-8") as f:
        speech_sents = [s for line in itertools.islice(f, 6000) for s in sentences(json.loads(line)["speech"])]
    rnd.shuffle(speech_sents)
    for s in speech_sents[:speech_max]:
        add("speech", s)
    with gzip.open(BILLS, "rt", encoding="utf-8") as f:
        bills = [json.loads(line) for line in itertools.islice(f, 20000)]
    titles["bills"] = [normalize_text(b["bill_name"]).strip() for b in bills if b.get("bill_name")]
    titles["minutes"] = [f"제{n}회 국회 과학기술정보방송통신위원회 회의록" for n in range(415, 425)]
    for path in sorted((ROOT / "corpus").glob("*.md")) + sorted((ROOT / "corpus").glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        for s in sentences(text):
            if not s.startswith("#"):
                add("corpus", s)
    # template units: gazetteer entities and initiatives with a Zipf distribution
    gaz = load_gazetteer().entries
    draw = {t: Zipf([e for e in gaz if e.type == t]) for t in ("MINISTRY", "COMPANY", "ORGANIZATION")}
    inits = [f"{t} {k}" for t in TOPICS for k in KINDS]
    random.Random(seed + 1).shuffle(inits)
    draw_init = Zipf(inits)
    people = sorted({json.loads(line)["speaker_name"] for line in gzip.open(SPEECHES, "rt", encoding="utf-8")
                     if json.loads(line).get("role") in ("legislator", "chair", "minister")})
    random.Random(seed + 2).shuffle(people)
    draw_person = Zipf(people)

    def name(t: str) -> str:
        e = draw[t](rnd)
        # a third of the mentions use an alias (산업부, 과기정통부), mostly a Korean one
        korean = [a for a in e.aliases if not a.isascii()]
        if e.aliases and rnd.random() < 0.33:
            return rnd.choice(korean if korean and rnd.random() < 0.9 else e.aliases)
        return e.canonical

    templates = []
    for _ in range(n_templates):
        tpl = rnd.choice(TEMPLATES)
        gov = name("MINISTRY")
        gov2 = next((g for g in (name("MINISTRY") for _ in range(5)) if g != gov), "국무조정실")
        slots = {"gov": gov, "gov2": gov2, "co1": name("COMPANY"), "co2": name("COMPANY"),
                 "org": name("ORGANIZATION"), "init": draw_init(rnd), "person": draw_person(rnd),
                 "day": str(rnd.randint(1, 28)), "year": str(rnd.randint(2024, 2035))}
        s = normalize_text(fill(tpl, slots)).strip()
        if s not in seen:
            seen.add(s)
            templates.append(len(units))
            units.append(s)
    digest = hashlib.sha256("\n".join(units).encode("utf-8")).hexdigest()[:12]
    return Pool(units, by_source, templates, titles, lengths, f"v{GENERATOR_VERSION}-{seed}-{digest}")


def head(seed: int = 7) -> dict[str, str]:
    """The most frequent body, company and initiative of the corpus (rank 1 of each Zipf)."""
    gaz = load_gazetteer().entries
    inits = [f"{t} {k}" for t in TOPICS for k in KINDS]
    random.Random(seed + 1).shuffle(inits)
    return {"gov": next(e.canonical for e in gaz if e.type == "MINISTRY"),
            "company": next(e.canonical for e in gaz if e.type == "COMPANY"), "initiative": inits[0]}


# -- documents ---------------------------------------------------------------------------
def make_doc(pool: Pool, i: int, seed: int = 7) -> tuple[str, dict, list[list[int]]]:
    """(source folder, JSONL record, recipe) of document i; the same for a given seed."""
    rnd = random.Random(seed * 1_000_003 + i)
    r = rnd.random()
    for folder, kind, share, tpl_share, host in SOURCES:  # noqa: B007
        r -= share
        if r < 0:
            break
    real = pool.by_source["speech" if folder == "minutes" else rnd.choice(("news", "news", "corpus"))]
    target = max(120, min(8000, pool.lengths[rnd.randrange(len(pool.lengths))]))
    paras: list[list[int]] = []
    size = 0
    while size < target:
        para = []
        for _ in range(rnd.randint(2, 4)):
            u = rnd.choice(pool.templates) if rnd.random() < tpl_share else rnd.choice(real)
            para.append(u)
            size += len(pool.units[u]) + 1
            if size >= target:
                break
        paras.append(para)
    text = "\n".join(" ".join(pool.units[u] for u in p) for p in paras)
    if folder == "bills":
        title = rnd.choice(pool.titles["bills"])
    elif folder == "minutes":
        title = rnd.choice(pool.titles["minutes"])
    elif rnd.random() < 0.5:
        title = rnd.choice(pool.titles["news"])
    else:
        title = pool.units[paras[0][0]][:60]
    date = (datetime.date(rnd.randint(2009, 2025), 1, 1) + datetime.timedelta(days=rnd.randint(0, 364))).isoformat()
    rec = {"id": f"{i:08d}", "title": title, "date": date, "source": kind, "body": text}
    if host:
        rec["url"] = f"https://{host}/articles/{i:08d}"
    return folder, rec, paras


def generate(out: Path, size: int, seed: int = 7, pool: Pool | None = None) -> dict:
    """Write `size` documents under out/docs and their recipes under out/recipes (skipped
    when a previous run with the same pool and size finished). Returns the manifest."""
    pool = pool or build_pool(seed)
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text(encoding="utf-8"))
        if m.get("pool") == pool.digest and m.get("size") == size:
            return m
    t0 = time.perf_counter()
    writers: dict[str, tuple] = {}
    counts: dict[str, int] = {}
    chars = 0
    try:
        for i in range(size):
            folder, rec, recipe = make_doc(pool, i, seed)
            n = counts.get(folder, 0)
            if n % SHARD == 0:
                if folder in writers:
                    for f in writers[folder]:
                        f.close()
                part = f"part-{n // SHARD:05d}.jsonl"
                for sub in ("docs", "recipes"):
                    (out / sub / folder).mkdir(parents=True, exist_ok=True)
                writers[folder] = (open(out / "docs" / folder / part, "w", encoding="utf-8"),
                                   open(out / "recipes" / folder / part, "w", encoding="utf-8"))
            counts[folder] = n + 1
            chars += len(rec["body"])
            writers[folder][0].write(json.dumps(rec, ensure_ascii=False) + "\n")
            writers[folder][1].write(json.dumps(recipe) + "\n")
    finally:
        for fs in writers.values():
            for f in fs:
                f.close()
    m = {"pool": pool.digest, "size": size, "seed": seed, "chars": chars, "by_source": counts,
         "seconds": round(time.perf_counter() - t0, 1)}
    manifest_path.write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
    return m


def pool_extractions(pool: Pool, cache_dir: Path, ner_model: bool | None = None) -> list:
    """The real NLP pipeline's Extraction of every pool unit (cached on disk by pool digest
    and NER mode). `ner_model`: None reads the setting (KG_NER_MODEL), as the product does."""
    if ner_model is None:
        from kg.settings import Settings  # noqa: PLC0415

        ner_model = Settings.from_env().ner_model
    cache = cache_dir / f"pool-extractions-{pool.digest}{'-ner' if ner_model else ''}.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415

    exs = list(extract_many(((u, None) for u in pool.units), ner_model=ner_model))
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(exs, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache)
    return exs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    pool = build_pool(a.seed)
    print(f"pool {pool.digest}: {len(pool.units):,} units ({len(pool.templates):,} templates)", file=sys.stderr)
    m = generate(a.out, a.size, a.seed, pool)
    print(json.dumps(m, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
