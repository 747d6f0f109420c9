"""One shared Kiwi analyser (loaded once per process) and the index-term function.

Both the spaCy tokenizer and the whoosh analyzer go through here, so Korean text is
cut the same way everywhere. Gazetteer names are loaded as user words, so Kiwi does not
split 산업통상자원부 into 산업/통상/자원부.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from kiwipiepy import Kiwi

from ingest.nlp.gazetteer import load_gazetteer

_lock = threading.Lock()

# Content morphemes kept as index terms: nouns, foreign words, numbers, roots, verb/adjective stems.
INDEX_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XR", "VV", "VA", "MAG", "W_HASHTAG", "W_URL", "W_EMAIL", "W_SERIAL"})


@dataclass(frozen=True)
class Morph:
    form: str
    tag: str
    start: int
    end: int


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    with _lock:
        kiwi = Kiwi()
        for name in load_gazetteer().alias_to_canonical:
            if " " not in name and len(name) > 1:
                kiwi.add_user_word(name, "NNP", 0.0)
        return kiwi


def analyze(text: str) -> list[Morph]:
    """Kiwi morphemes with character offsets into `text`."""
    if not text:
        return []
    return [Morph(t.form, t.tag.split("-")[0], t.start, t.start + t.len) for t in get_kiwi().tokenize(text)]


def index_terms(morphs: list[Morph]) -> list[Morph]:
    """The morphemes worth indexing, with aliases mapped to their canonical name."""
    alias = _alias_map()
    out = []
    for m in morphs:
        if m.tag in INDEX_TAGS:
            form = m.form.lower() if m.form.isascii() else m.form
            out.append(Morph(alias.get(form, form), m.tag, m.start, m.end))
    return out


@lru_cache(maxsize=1)
def _alias_map() -> dict[str, str]:
    # Aliases only: a predecessor (지식경제부) is a different body in time, not a spelling.
    out: dict[str, str] = {}
    for e in load_gazetteer().entries:
        for n in (e.canonical, *e.aliases):
            out.setdefault(n.lower() if n.isascii() else n, e.canonical)
    return out
