"""What tools/make_klue_places.py and tools/make_klue_companies.py share: the KLUE train-split
name lexicon read as form → {label: count}, and the test that Kiwi reads a form alone as one
proper noun (so the form can be matched as a name without cutting a word)."""
from __future__ import annotations

import collections
from pathlib import Path

from ingest.nlp.kiwi import get_kiwi


def read_labels(path: str | Path) -> dict[str, dict[str, int]]:
    """konec-train-lexicon.tsv (form, label, train_freq; one header line) as form → {label: count}."""
    labels: dict[str, dict[str, int]] = collections.defaultdict(dict)
    for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
        form, label, freq = line.split("\t")
        labels[form][label] = int(freq)
    return labels


def one_proper_noun(form: str) -> bool:
    return [t.tag for t in get_kiwi().tokenize(form)] == ["NNP"]
