"""The whoosh analyzer for Korean: Kiwi morphemes as terms, aliases normalised.

`산업부는` → 산업통상자원부 (alias of the canonical name, particle dropped), and
`자율제조` → 자율 | 제조, so the query `자율제조` finds `자율 제조` and vice versa.
The class is stateless so whoosh can pickle it into the index schema.

Documents whose terms the NLP stage already computed (IndexDoc.terms, from
Extraction.tokens: the same `index_terms` of the same Kiwi analysis) skip this
analyzer: the whoosh backend hands whoosh the term list itself, which it indexes as a
pre-tokenized value. The tantivy backend indexes the same terms (kg.search).
"""
from __future__ import annotations

from whoosh.analysis import Token, Tokenizer

from ingest.nlp.kiwi import analyze, index_terms


class KiwiTokenizer(Tokenizer):
    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__

    def __hash__(self) -> int:
        return hash(self.__class__)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        if not tokenize:
            t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for pos, m in enumerate(index_terms(analyze(value))):
            t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
            t.text = m.form
            t.boost = 1.0
            if keeporiginal:
                t.original = value[m.start:m.end]
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + m.start, start_char + m.end
            yield t


def korean_analyzer() -> KiwiTokenizer:
    return KiwiTokenizer()
