"""The extraction pipeline: build it from config.cfg, run it, turn Docs into Extractions.

    from ingest.nlp.pipeline import extract, extract_many, extract_document
    ex = extract("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.", "2024-03-07")

The Language is built once per process and setting (`get_pipeline`); Kiwi runs once per document in
the tokenizer, and `extract_many` streams documents through `nlp.pipe` with Kiwi working
on a batch in its own threads.
"""
from __future__ import annotations

import logging
import warnings
from bisect import bisect_right
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import ingest.nlp.components  # noqa: F401  (registers the factories)
from core.model import Document, Entity, Extraction, Relation
from ingest.nlp.ents import get_ents
from ingest.nlp.kiwi import index_forms
from ingest.nlp.known import KnownNames
from ingest.nlp.tokenizer import KiwiTokenizer
from ingest.nlp.view import TextView

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
CONFIG = HERE / "config.cfg"
MODEL_DIR = HERE / "model"
# components of a trained pipeline worth sourcing (ner and what feeds it)
SOURCED = ("tok2vec", "transformer", "ner")


@spacy.registry.tokenizers("kg.kiwi_tokenizer.v1")
def create_kiwi_tokenizer() -> Callable[[Language], KiwiTokenizer]:
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make


def build_pipeline(config: Path | str = CONFIG, model_dir: Path | str | None = MODEL_DIR) -> Language:
    """A fresh Language from `config`; a trained `ner` in `model_dir` is sourced when present."""
    cfg = spacy.util.load_config(config)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    if model_dir is not None and Path(model_dir, "config.cfg").exists():
        _source_ner(nlp, Path(model_dir))
    else:  # nothing reads doc.ents between the gazetteer and kg_patterns: skip that write
        nlp.get_pipe("kg_gazetteer").write_ents = False
    return nlp


def _source_ner(nlp: Language, model_dir: Path) -> None:
    try:  # the trained model names its own tokenizer and layers: register them first
        from ingest.nlp.train import tokenizer_reg  # noqa: F401, PLC0415
    except ImportError:
        pass
    with warnings.catch_warnings():  # a model trained with another spaCy patch version warns
        warnings.simplefilter("ignore")
        src = spacy.load(model_dir)
    if src.vocab.vectors.shape[0]:  # the model reads static vectors from the pipeline's vocab
        nlp.vocab.vectors = src.vocab.vectors
    after = "kg_gazetteer"
    for name in src.pipe_names:
        if name in SOURCED:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nlp.add_pipe(name, source=src, after=after)
            after = name
    log.info("sourced %s from %s", [n for n in src.pipe_names if n in SOURCED], model_dir)


@lru_cache(maxsize=2)
def get_pipeline(ner_model: bool = False) -> Language:
    """The process-wide pipeline (built on first use), one per setting.

    `ner_model` (setting ner_model, KG_NER_MODEL; the caller passes it from its
    Settings) adds the trained statistical NER to the rules. Off by default: on our
    policy-news test sentences the rules are more precise, and the model cuts
    throughput from ~62,000 to ~20,000 chars/s (bench/extract_speed.py). Turn it on for
    text where people and organisations appear without titles or gazetteer names
    (bench/ner_eval.py gives its held-out figures); its spans are added where no rule
    entity overlaps them (components.merge_model)."""
    return build_pipeline(model_dir=MODEL_DIR if ner_model else None)


def make_doc(nlp: Language, text: str, date: str | None = None, known: KnownNames | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    doc._.kg_known = known
    return doc


def extract(text: str, date: str | None = None, *, ner_model: bool = False,
            known: KnownNames | None = None) -> Extraction:
    """Entities, relations and sentences of one text; `date` (YYYY-MM-DD) anchors '7일';
    `known`: names other documents marked as names (ingest.nlp.known), looked up here too."""
    nlp = get_pipeline(ner_model)
    return to_extraction(nlp(make_doc(nlp, text, date, known)))


def extract_many(items: Iterable[tuple[str, str | None]], batch_size: int = 32, *,
                 ner_model: bool = False, known: KnownNames | None = None) -> Iterator[Extraction]:
    """`extract` over a stream of (text, date), lazily and in input order."""
    nlp = get_pipeline(ner_model)
    dates: deque[str | None] = deque()

    def texts() -> Iterator[str]:
        for text, date in items:
            dates.append(date)
            yield text

    def docs() -> Iterator[Doc]:
        tok = nlp.tokenizer
        stream = tok.pipe(texts()) if hasattr(tok, "pipe") else (tok(t) for t in texts())
        for doc in stream:
            doc._.doc_date = dates.popleft()
            doc._.kg_known = known
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_extraction(doc)


def extract_document(doc: Document, *, ner_model: bool = False) -> Document:
    """Fill `doc.extraction` from `doc.text` (offsets are into the text, not the title)."""
    doc.extraction = extract(doc.text, doc.date, ner_model=ner_model)
    return doc


def to_extraction(doc: Doc) -> Extraction:
    """The dataclass view of a processed Doc (private `_` attrs dropped)."""
    sents = doc._.sent_spans
    if sents is None:
        sents = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()] if doc.has_annotation("SENT_START") else []
    sents = list(sents)
    starts = [s for s, _e in sents]
    entities: list[Entity] = []
    index: dict[tuple[int, int], int] = {}
    text = TextView.of(doc).text
    for e in get_ents(doc, sync=False):
        attrs = {k: v for k, v in e.attrs.items() if not k.startswith("_")}
        si = bisect_right(starts, e.start) - 1 if sents else None
        index[e.key] = len(entities)
        entities.append(Entity(e.start, e.end, text[e.start:e.end], e.label, canonical=e.canonical,
                               value=e.value, sentence=si if si is None or si >= 0 else None, attrs=attrs))
    relations = [Relation(kind, index[h], index[t], si) for kind, h, t, si in (doc._.kg_relations or [])
                 if h in index and t in index]
    morphs = doc._.kiwi_morphs
    return Extraction(entities=entities, relations=relations, sentences=sents,
                      tokens=index_forms(morphs, doc._.doc_date) if morphs else [t.text for t in doc if not t.is_space])
