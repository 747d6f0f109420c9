"""Query words that find more than their exact form, before any backend sees them.

A user types the short name: `삼성` means 삼성전자, 삼성SDI, 삼성디스플레이 … too, which
the index holds as terms of their own (Kiwi keeps a known name as one morpheme). And
Korean writes compounds with or without a space (수소경제 / 수소 경제), which Kiwi may
cut into one term or two. So each plain word of a query is rewritten, in the query
syntax both backends parse (kg.search.query, whoosh's parser), into an OR of:

- the word itself, as typed (full weight);
- the known entities whose name starts with or contains the word, as their one index
  term, at NAME_BOOST: their documents rank below the exact matches;
- for a one-term compound, its two parts as a phrase ("수소 경제"); for two adjacent
  words that Kiwi reads as one term when joined, that term (수소경제);
- for a name that government bodies carried in turn, every such body's name at full
  weight (산업부 → 산업통상자원부, 산업통상부): a dated text indexed the name as the body
  of its day (ingest.nlp.kiwi.dated_terms), the query has no day.

The entities come from a `lookup(word) → [{iri, label, type, documents}]` callable (the
graph's name list, kg.summary.Summary.lookup), so only names that occur in documents are
added, and the result says what it included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from ingest.nlp.kiwi import is_name
from kg.search import query as Q
from kg.search.base import text_terms

NAME_BOOST = 0.05  # an included name's documents rank below the word's own (BM25 is not bounded: mostly, not strictly)
MAX_NAMES = 8  # names included per word, most mentioned first
LOOKUP = 40  # candidates asked of the lookup per word
_HANGUL = re.compile(r"[가-힣]")
_PLAIN = re.compile(r"^[^\s:*^()\"]+$")

Lookup = Callable[[str], list[dict[str, Any]]]


@dataclass
class Expanded:
    """The query for the backend and what it added to the user's words."""

    text: str
    included: list[dict[str, Any]] = field(default_factory=list)  # [{word, names: [{iri, label, type, documents}]}]
    compounds: list[dict[str, str]] = field(default_factory=list)  # [{word, also}] ('수소경제' also '수소 경제')
    bodies: list[dict[str, Any]] = field(default_factory=list)  # [{word, names}] ('산업부': 산업통상자원부, 산업통상부)

    @property
    def changed(self) -> bool:
        return bool(self.included or self.compounds or self.bodies)


def expand(text: str, lookup: Lookup | None = None, known: Callable[[str], bool] | None = None) -> Expanded:
    """The query `text` with its plain words widened (see the module doc); the text as
    it is when nothing applies. `known(term)`, when given, says whether any document
    holds an index term: a compound's other spelling is only added when its terms occur
    (Kiwi reads made-up pieces as nouns too: 얼라이언스 is not 얼라 + 이언스)."""
    ok = known or (lambda _t: True)
    tokens = Q.tokens(text)  # known names already joined ('LG 전자' → LG전자)
    out: list[str] = []
    result = Expanded(text)
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _plain(kind, value) and nxt is not None and _plain(*nxt) and (joined := _joined(value, nxt[1])) \
                and ok(joined):
            out.append(f"(({value} AND {nxt[1]}) OR {joined})")
            result.compounds.append({"word": f"{value} {nxt[1]}", "also": joined})
            i += 2
            continue
        if _plain(kind, value):
            alts: list[str] = []
            own = text_terms(value)
            if (split := _split(value, own)) is not None and all(ok(t) for t in split.split()):
                alts.append(f'"{split}"')
                result.compounds.append({"word": value, "also": split})
            if bodies := [t for t in _dated_bodies(value, own) if ok(t)]:
                alts += bodies
                result.bodies.append({"word": value, "names": bodies})
            names = _names(value, own, lookup) if lookup is not None else []
            if names:
                alts += [f"{n['term']}^{NAME_BOOST}" for n in names]
                result.included.append({"word": value, "names": [{k: n[k] for k in ("iri", "label", "type", "documents")}
                                                                 for n in names]})
            out.append(f"({' OR '.join([value, *alts])})" if alts else value)
        else:
            out.append(f'"{value}"' if kind == "phrase" else value)
        i += 1
    if result.changed:
        result.text = " ".join(out)
    return result


@lru_cache(maxsize=4096)
def _dated_term_names(word: str) -> tuple[str, ...]:
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    auth = load_authority()
    if not auth.dated(word):
        return ()
    officials = dict.fromkeys(auth.bodies[b.name].official for b, _n in auth.by_name[word])
    return tuple(t for o in officials if len(terms := _terms(o)) == 1 for t in terms)


def _dated_bodies(word: str, own: list[str]) -> list[str]:
    """The index terms of every body that carried `word` (a name read by date), other
    than the word's own."""
    return [t for t in _dated_term_names(word) if t not in own]


def _plain(kind: str, value: str) -> bool:
    """A word without field, prefix, boost or operator: one that may be widened."""
    return kind == "word" and value not in Q.OPERATORS and bool(_PLAIN.match(value))


def _names(word: str, own: list[str], lookup: Lookup) -> list[dict[str, Any]]:
    """Entities (with documents) whose name starts with or contains `word`, each as its
    one index term, not the word's own terms."""
    if len(word) < 2:
        return []
    low = word.lower()
    out: list[dict[str, Any]] = []
    seen = set(own)
    for e in lookup(word):
        if not e.get("documents"):
            continue
        label = str(e["label"])
        if not _contains(label.lower(), low):
            continue
        terms = _terms(label)
        if len(terms) != 1 or terms[0] in seen or not _PLAIN.match(terms[0]):
            continue
        seen.add(terms[0])
        out.append({**e, "term": terms[0]})
        if len(out) == MAX_NAMES:
            break
    return out


@lru_cache(maxsize=16384)
def _terms(name: str) -> tuple[str, ...]:
    """A name's index terms, kept: the same few hundred names come up search after search."""
    return tuple(text_terms(name))


def _contains(name: str, word: str) -> bool:
    """`word` starts `name`, or lies in it as a Hangul word does ('현대' in HD현대로보틱스);
    a Latin word only at a word start ('ai' not in 'rainbow')."""
    if name.startswith(word):
        return True
    if _HANGUL.search(word):
        return word in name
    return re.search(rf"(?<![a-z]){re.escape(word)}", name) is not None


def _split(word: str, own: list[str]) -> str | None:
    """A one-term Hangul compound's two parts, spaced ('수소경제' → '수소 경제'), when Kiwi
    reads them so; the most even cut into parts of two syllables or more."""
    if len(own) != 1 or len(word) < 4 or not _HANGUL.fullmatch(word[0]) or is_name(word) or own[0] != word:
        return None
    cuts = sorted(range(2, len(word) - 1), key=lambda k: abs(len(word) - 2 * k))
    for k in cuts:
        left, right = word[:k], word[k:]
        if text_terms(f"{left} {right}") == [left, right]:
            return f"{left} {right}"
    return None


def _joined(a: str, b: str) -> str | None:
    """The one term two adjacent Hangul words make when written together ('수소 경제' →
    수소경제), if Kiwi reads it so."""
    if not (_HANGUL.search(a) and _HANGUL.search(b)) or is_name(a) or is_name(b):
        return None
    terms = text_terms(a + b)
    if len(terms) == 1 and terms[0] == a + b and text_terms(a) + text_terms(b) != terms:
        return terms[0]
    return None
