"""One shared Kiwi analyser (loaded once per process) and the index-term function.

Both the spaCy tokenizer and the whoosh analyzer go through here, so Korean text is
cut the same way everywhere. Gazetteer names are loaded as user words, so Kiwi does not
split 산업통상자원부 into 산업/통상/자원부; so are longer place names (웨스트라피엣에 would
otherwise be one unknown noun with its particle) and the loanword head words of
initiatives that Kiwi cuts wrongly (얼라이언스에 → 얼라이언스 + 에).
"""
from __future__ import annotations

import threading
from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from kiwipiepy import Kiwi

from ingest.nlp.gazetteer import load_gazetteer
from ingest.nlp.lexicon import PLACES, _read_places

_lock = threading.Lock()

# Content morphemes kept as index terms: nouns, foreign words, numbers, roots, verb/adjective stems.
INDEX_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XR", "VV", "VA", "MAG", "W_HASHTAG", "W_URL", "W_EMAIL", "W_SERIAL"})


class Morph(NamedTuple):
    """One Kiwi morpheme; a NamedTuple because a document has thousands (cheap to build)."""

    form: str
    tag: str
    start: int
    end: int
    sent: int = 0  # index of the sentence Kiwi put it in


# Kiwi's beam cut-off (default 8). At 6 the whole pipeline is 6.5% faster (62,100 →
# 66,200 chars/s, bench/extract_speed.py --cores 1) and 0.09% of Kiwi's tokens change on
# generated news; the gold set's scores (dev and test) are unchanged, the KLUE held-out
# ones within 0.001. At 4: 67,000 chars/s, 0.5% of tokens change, one test entity is lost.
# The search analyzer shares this Kiwi, so queries and documents are cut alike.
CUTOFF = 6.0


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    with _lock:
        # Start-up is mostly dictionary building, so we skip two dictionaries we do not need:
        # the typo dictionary serves typo-tolerant analysis (`typos=`), which we do not use;
        # the multi-word dictionary makes one morpheme of spaced foreign names ("로베르트
        # 엔케"), which our tokenizer cuts at the space anyway. Together ~2 s of start-up.
        kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
        kiwi.global_config.cutoff_threshold = CUTOFF
        for name in load_gazetteer().alias_to_canonical:
            if " " not in name and len(name) > 1:
                kiwi.add_user_word(name, "NNP", 0.0)
        for name in _place_names():
            # two-syllable places stay with Kiwi's own judgement (인도: India or sidewalk)
            if " " not in name and len(name) > 2:
                kiwi.add_user_word(name, "NNP", 0.0)
        for word in LOANWORD_HEADS:
            kiwi.add_user_word(word, "NNG", 0.0)
        return kiwi


# initiative head words (ingest/nlp/initiatives.py) Kiwi does not know as one noun
LOANWORD_HEADS = ("얼라이언스", "마스터플랜", "라운드테이블", "이니셔티브", "태스크포스", "컨소시엄")


def _place_names() -> list[str]:
    return list(_read_places(PLACES))


# Kiwi slows down on long inputs (~88k chars/s at 2k chars, ~56k at 100k), so longer
# texts are analysed in pieces cut at line breaks (or sentence ends, or spaces).
CHUNK = 2500


def analyze(text: str) -> list[Morph]:
    """Kiwi morphemes with character offsets into `text`."""
    if not text:
        return []
    kiwi = get_kiwi()
    pieces = chunks(text)
    if len(pieces) == 1:
        return _morphs(kiwi.tokenize(text))
    return _merge([off for off, _p in pieces], [kiwi.tokenize(p) for _off, p in pieces])


def analyze_many(texts: Iterable[str]) -> Iterator[list[Morph]]:
    """`analyze` over a stream, lazily and in order. Kiwi analyses a batch on its worker
    threads (it releases the GIL), so this is faster than calling `analyze` in a loop."""
    kiwi = get_kiwi()
    if kiwi.num_workers <= 1:
        for text in texts:
            yield analyze(text)
        return
    offsets: deque[list[int]] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            cut = chunks(text)
            offsets.append([off for off, _p in cut])
            for _off, piece in cut:
                yield piece

    results = iter(kiwi.tokenize(pieces()))
    for first in results:
        offs = offsets.popleft()
        if len(offs) == 1:
            yield _morphs(first)
        else:
            yield _merge(offs, [first, *(next(results) for _ in offs[1:])])


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """(offset, piece) cuts of `text`, each at most `size` characters, cut after a line
    break, else after a sentence end, else at a space, within the last half of a piece."""
    out: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = hi
        for sep in ("\n", ". ", " "):
            i = text.rfind(sep, lo, hi)
            if i != -1:
                cut = i + len(sep)
                break
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _merge(offsets: list[int], parts: list[list]) -> list[Morph]:
    """Morphemes of pieces with offsets into the whole text and running sentence numbers."""
    out: list[Morph] = []
    sent = 0
    new = tuple.__new__
    for off, tokens in zip(offsets, parts):
        ms = _morphs(tokens)
        out += [new(Morph, (m.form, m.tag, m.start + off, m.end + off, m.sent + sent)) for m in ms]
        if ms:
            sent += ms[-1].sent + 1
    return out


def _morphs(tokens: list) -> list[Morph]:
    # tuple.__new__ skips the NamedTuple's Python-level __new__ (a third of the cost);
    # "VV-R"/"VA-I" (regular/irregular conjugation) → "VV"/"VA"
    new = tuple.__new__
    return [new(Morph, (t.form, t.tag if "-" not in t.tag else t.tag.split("-")[0], t.start, t.end, t.sent_position))
            for t in tokens]


def index_terms(morphs: list[Morph], day: str | None = None) -> list[Morph]:
    """The morphemes worth indexing, with aliases mapped to their canonical name; in a
    document of `day` (ISO), a government body's name to the name of the body it meant
    that day (see `dated_terms`)."""
    alias = _alias_map()
    dated = dated_terms(day)
    out = []
    for m in morphs:
        if m.tag in INDEX_TAGS:
            form = m.form.lower() if m.form.isascii() else m.form
            out.append(Morph(dated.get(form) or alias.get(form, form), m.tag, m.start, m.end))
    return out


def dated_terms(day: str | None) -> dict[str, str]:
    """Names whose body depends on the date → the official name of the body meant on
    `day` (ingest.nlp.authority): 산업부 in 2015 → 산업통상자원부, in 2026 → 산업통상부;
    복지부 in 2009 → 보건복지가족부; 강원도 in 2024 → 강원특별자치도. Empty without a day:
    an undated text (a query, a title) folds aliases as the gazetteer lists them, and
    kg.search.expand widens a query's dated name to every body that carried it."""
    if not day:
        return {}
    from ingest.nlp.authority import iso_day  # noqa: PLC0415

    iso = iso_day(day)
    return _dated_terms_on(iso) if iso else {}


@lru_cache(maxsize=1024)
def _dated_terms_on(iso: str) -> dict[str, str]:
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    auth = load_authority()
    out: dict[str, str] = {}
    for name in _dated_names():  # auth.read_as_of, its checks done once in _dated_names
        r = auth.resolve(name, iso)
        if r and (term := auth.bodies[r.body].official):
            out[name.lower() if name.isascii() else name] = term
    return out


@lru_cache(maxsize=1)
def _dated_names() -> tuple[str, ...]:
    # Only a third of the authority's names depend on the date; reading just those makes
    # a new document date 3x cheaper (0.9 → 0.27 ms CPU; a corpus has hundreds of dates)
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    auth = load_authority()
    return tuple(n for n in auth.by_name if " " not in n and auth.dated(n))


@lru_cache(maxsize=1)
def _alias_map() -> dict[str, str]:
    # Aliases only: a predecessor (지식경제부) is a different body in time, not a spelling.
    out: dict[str, str] = {}
    for e in load_gazetteer().entries:
        for n in (e.canonical, *e.aliases):
            out.setdefault(n.lower() if n.isascii() else n, e.canonical)
    return out


@lru_cache(maxsize=1)
def _names_folded() -> dict[str, str]:
    return {n.lower(): c for n, c in _alias_map().items()}


def known_name(text: str) -> str | None:
    """The canonical name a known name or alias stands for, ignoring case and spaces
    ('LG 전자', 'lg전자' → LG전자), else None: a search query may split or lower-case a
    name that the documents write as one word."""
    return _names_folded().get("".join(text.split()).lower())


def is_name(text: str) -> bool:
    """Whether `text` is a known name or alias as written (ASCII ones in any case)."""
    return (text.lower() if text.isascii() else text) in _alias_map()


def index_forms(morphs: list[Morph], day: str | None = None) -> list[str]:
    """Just the forms of `index_terms` (for Extraction.tokens), without building Morphs."""
    alias = _alias_map()
    dated = dated_terms(day)
    return [dated.get(f) or alias.get(f, f) for f in (m.form.lower() if m.form.isascii() else m.form
                                                      for m in morphs if m.tag in INDEX_TAGS)]


@lru_cache(maxsize=4096)
def particle_fused(word: str) -> bool:
    """Whether Kiwi, reading `word` alone, ends it with a one-letter particle that it read
    as part of a noun in context ('KT클라우드가' → …클라우드/NNG 가/JKS)."""
    tokens = get_kiwi().tokenize(word)
    return len(tokens) >= 2 and tokens[-1].tag.startswith("J") and tokens[-1].len == 1 and tokens[-1].start == len(word) - 1
