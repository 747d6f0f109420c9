"""A majority vote of NER models trained alike with different seeds ("kg.ner_vote").

Each member is a spaCy `ner` (its own tok2vec; `config.cfg` of this folder) trained by
`spacy train` with another seed. The vote runs every member on the same doc, with the
entities already in `doc.ents` (the gazetteer's, in the pipeline) as preset spans for all
of them, and keeps the spans (start, end, label) that a majority of members predicts,
most votes first, none overlapping another. Chosen on the tune split: three members
voting gave 0.803 KLUE-coarse F1 against 0.782–0.793 for each alone.
The component is named "ner" in the shipped pipeline, so whatever sources `ner` from
the model takes the vote; `package.py --members` assembles it from trained pipelines.
"""
from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "kg_ner_vote"


@Language.factory(NAME, default_config={"members": 3, "member_config": "{}"})
def make_vote(nlp: Language, name: str, members: int, member_config: str) -> "NerVote":
    """`member_config`: the `ner` component config of a member as JSON (a string, so that
    spaCy does not build one model from it but we build `members` of them)."""
    return NerVote(nlp, name, members, member_config)


class NerVote:
    def __init__(self, nlp: Language, name: str, members: int, member_config: str) -> None:
        self.name = name
        self.member_config = member_config
        cfg = json.loads(member_config)
        self.members = [nlp.create_pipe("ner", name=f"{name}_{i}", config=cfg) for i in range(members)] if cfg else []

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({lab for m in self.members for lab in m.labels}))

    def __call__(self, doc: Doc) -> Doc:
        preset = list(doc.ents)
        votes: Counter = Counter()
        for m in self.members:
            doc.ents = preset
            m(doc)
            votes.update((e.start, e.end, e.label_) for e in doc.ents)
        taken = bytearray(len(doc))
        for e in preset:
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
        need = len(self.members) // 2 + 1
        keep = list(preset)
        pres = {(e.start, e.end, e.label_) for e in preset}
        for (s, e, lab), n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0][0])):
            if n < need or (s, e, lab) in pres or any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            keep.append(Span(doc, s, e, label=lab))
        doc.ents = sorted(keep, key=lambda x: x.start)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: Path | str, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with self._one_lexicon():
            for i, m in enumerate(self.members):
                m.to_disk(path / f"m{i}", exclude=["vocab"])

    def from_disk(self, path: Path | str, exclude: Iterable[str] = ()) -> "NerVote":
        for i, m in enumerate(self.members):
            m.from_disk(Path(path) / f"m{i}", exclude=["vocab"])
        self._share_lexicon()
        return self

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        import srsly  # noqa: PLC0415

        with self._one_lexicon():
            return srsly.msgpack_dumps([m.to_bytes(exclude=["vocab"]) for m in self.members])

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> "NerVote":
        import srsly  # noqa: PLC0415

        for m, b in zip(self.members, srsly.msgpack_loads(data)):
            m.from_bytes(b, exclude=["vocab"])
        self._share_lexicon()
        return self

    def _features(self) -> list:
        return [next((n for n in m.model.walk() if n.name == "kiwi_affix_features"), None) for m in self.members]

    @contextmanager
    def _one_lexicon(self):
        """The members share one name lexicon (ingest/nlp/train/lexicon.py): only the first
        saves it (0.5 MB each)."""
        feats = [f for f in self._features()[1:] if f is not None and f.attrs.get("lexicon")]
        kept = [f.attrs["lexicon"] for f in feats]
        for f in feats:
            f.attrs["lexicon"] = {}
        try:
            yield
        finally:
            for f, lex in zip(feats, kept):
                f.attrs["lexicon"] = lex

    def _share_lexicon(self) -> None:
        feats = self._features()
        if feats and feats[0] is not None and "lexicon" in feats[0].attrs:
            for f in feats[1:]:
                if f is not None and "lexicon" in f.attrs and not f.attrs["lexicon"]:
                    f.attrs["lexicon"] = feats[0].attrs["lexicon"]


def member_config(ner_config: dict[str, Any]) -> str:
    """The JSON `member_config` for a trained pipeline's `components.ner` config section."""
    return json.dumps({k: v for k, v in ner_config.items() if k != "factory"})
