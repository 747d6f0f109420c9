"""Help beside a search result: the entity a query names (a card on top of the results)
and, when a result is empty or thin, spellings and names that do exist ("혹시 이것을
찾으셨나요?").

Suggestions come from the text index's terms (a word it does not hold, replaced by a
close one it does: 반도채 → 반도체) and from the graph's names (kg.summary): entities
with documents whose name contains a query word, then names spelled like the query. Spelling is compared on
jamo (Unicode NFD splits a Hangul syllable into its letters), so '산업퉁상자원부' is one
letter from 산업통상자원부, as a person would count it.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from kg.read import entity as entity_queries
from kg.read import summary as summary_mod
from core.errors import StoreError
from kg.search.base import text_terms

THIN = 3  # fewer hits than this: suggest
MAX_SUGGESTIONS = 6
SPELLING_CUTOFF = 0.75  # difflib ratio on jamo
SPELLING_MARGIN = 0.02  # spellings kept: as close as the closest, within this
_WORD = re.compile(r"[^\s()\"*:^]+")
_OPERATORS = {"AND", "OR", "NOT"}


def query_words(text: str) -> list[str]:
    """The plain words of a query (no operators, fields or syntax)."""
    return [w for w in _WORD.findall(text) if w not in _OPERATORS and len(w) > 1]


def jamo(text: str) -> str:
    return unicodedata.normalize("NFD", "".join(text.lower().split()))


def suggestions(s: summary_mod.Summary, base: str, text: str, exclude: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Entities with documents a user may have meant: names containing a query word,
    then names spelled nearly like the query or one of its words; at most
    MAX_SUGGESTIONS, none of `exclude` (IRIs already shown)."""
    out: dict[str, dict[str, Any]] = {}
    words = query_words(text)
    for w in words:
        for e in s.lookup(w, base, 2 * MAX_SUGGESTIONS):
            if e["documents"] and e["iri"] not in exclude:
                out.setdefault(e["iri"], {**e, "why": "name"})
    if len(out) < MAX_SUGGESTIONS:
        names = _spelling_index(s)
        for probe in dict.fromkeys([" ".join(words), *words]):
            if not probe:
                continue
            for close in difflib.get_close_matches(jamo(probe), list(names), n=MAX_SUGGESTIONS, cutoff=SPELLING_CUTOFF):
                for iri in names[close]:
                    if iri not in exclude and iri not in out:
                        ranked = s._ranked([iri], base, 1)
                        if ranked and ranked[0]["documents"]:
                            out[iri] = {**ranked[0], "why": "spelling"}
    rows = list(out.values())
    rows.sort(key=lambda r: (r["why"] != "spelling", -r["documents"], r["label"]))  # close spellings first
    return rows[:MAX_SUGGESTIONS]


def spellings(index: Any, text: str, limit: int = 3) -> list[dict[str, Any]]:
    """The query with a word the index does not hold replaced by a close spelling it
    does hold ('반도채 지원' → '반도체 지원'), most documents first. Candidates are the
    terms that share the word's first letter (a typo there is not found)."""
    words = query_words(text)
    out: list[dict[str, Any]] = []
    for w in words[:4]:
        terms = text_terms(w)
        term = terms[0] if len(terms) == 1 else w  # Kiwi may cut a misspelt word in pieces ('반도채')
        if not term:
            continue
        vocab = dict(index.vocabulary(term[0]))
        if vocab.get(term) or (len(terms) > 1 and all(dict(index.vocabulary(t)).get(t) for t in terms)):
            continue  # the word is there: not a misspelling
        target = jamo(term)
        close = difflib.get_close_matches(target, [jamo(v) for v in vocab], n=limit, cutoff=SPELLING_CUTOFF)
        best = difflib.SequenceMatcher(None, target, close[0]).ratio() if close else 0.0
        for c in close:
            if difflib.SequenceMatcher(None, target, c).ratio() < best - SPELLING_MARGIN:
                continue  # one letter off is a typo; three letters off is another word (반도채: 반도체, not 반대)
            found = unicodedata.normalize("NFC", c)
            if found in vocab and found != term:
                out.append({"label": text.replace(w, found, 1), "iri": None, "type": None,
                            "documents": vocab[found], "why": "spelling"})
    out.sort(key=lambda r: -r["documents"])
    return out[:limit]


def _spelling_index(s: summary_mod.Summary) -> dict[str, list[str]]:
    """jamo of each name with documents → entities, built once per summary."""
    idx = s.kept.get("jamo_names")
    if idx is None:
        idx = {}
        for e, _low, bare in s._name_list():
            if s.docs.get(e):
                idx.setdefault(jamo(bare), []).append(e)
        s.kept["jamo_names"] = idx
    return idx


def named_entity(s: summary_mod.Summary, base: str, text: str) -> str | None:
    """The entity the whole query names (a name or alias, spaced or not), or None."""
    q = text.strip().strip('"')
    if not q or any(w in _OPERATORS for w in q.split()) or any(c in q for c in "():*^"):
        return None
    exact, folded = _exact_names(s)
    for candidates in (exact.get(q), exact.get("".join(q.split())), folded.get("".join(q.lower().split()))):
        if candidates and (ranked := s._ranked(candidates, base, 1)):
            return ranked[0]["iri"]
    return None


def _exact_names(s: summary_mod.Summary) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """name or alias → entities, as written and case- and space-folded (Summary.resolve
    reads every label per call: 3 ms a search), built once per summary."""
    got = s.kept.get("exact_names")
    if got is None:
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for e, labels in s.labels.items():
            for kind, _lang, value in labels:
                if kind != "title":
                    exact.setdefault(value, set()).add(e)
                    folded.setdefault("".join(value.lower().split()), set()).add(e)
        got = s.kept["exact_names"] = (exact, folded)
    return got


def aids(kg: Any, text: str, res: Any) -> dict[str, Any]:
    """For KnowledgeGraph.search_aids: `card`, the entity the query names (names, type,
    documents, relations with evidence), and `suggestions` when the result `res` is
    empty or thin: spellings the index holds (counted by searching them), then names."""
    try:
        s = kg.summary()
    except StoreError:
        return {"card": None, "suggestions": []}
    card = None
    if (iri := named_entity(s, kg.base, text)) and s.docs.get(iri) and (head := kg.entity_names(iri)):
        rows, groups = entity_queries.relations(kg.store, iri, s.label)
        card = {**head, "documents": s.docs[iri], "relations": rows, "relation_groups": groups}
    if not (res.total < THIN and text.strip()):
        return {"card": card, "suggestions": []}
    words = []
    for x in spellings(kg.index, text):
        if (n := kg.index.search(x["label"], page_size=1, facets=False).total) > 0:
            words.append({**x, "documents": n})
    shown = {n["iri"] for inc in res.included for n in inc["names"]} | ({card["iri"]} if card else set())
    seen: set[str] = set()
    both = [x for x in words + suggestions(s, kg.base, text, shown) if not (x["label"] in seen or seen.add(x["label"]))]
    return {"card": card, "suggestions": both[:MAX_SUGGESTIONS]}
