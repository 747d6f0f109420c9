"""Build ingest/nlp/data/companies-klue.tsv from the KLUE train-split name lexicon.

    PYTHONPATH=. python tools/make_klue_companies.py ../shared/data/klue-ner/konec-train-lexicon.tsv

Keeps the forms whose most frequent KoNEC label is an economic organisation (OGG_ECONOMY),
that Kiwi reads alone as one proper noun and that neither the gazetteer nor the place lists
know. Left out by hand: public institutions (MINISTRY by the gold guideline), research
institutes and associations (ORGANIZATION), charities, co-operatives, products, indices and
words that are mostly something else ('현대' modern, '이태원' a place).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.klue_lexicon import one_proper_noun, read_labels
from ingest.nlp.lexicon import get_lexicon

LEAVE_OUT = {"개성공단기업협회", "마리오", "메트로폴리탄", "밀러", "보험개발원", "부산교통공사", "인천교통공사", "울산항만공사",
             "이태원", "인우", "아르케", "아름다운가게", "컴패션", "코스피", "유로파이터", "한경연", "한국경제연구원",
             "현대경제연구원", "한국거래소", "한국마사회", "한국해운조합", "현대", "통일그룹", "폴라리스", "유니버설", "레이븐",
             "다우", "세모", "일화", "농협", "수협", "신협", "어나니머스", "갤럽", "크리스티", "마블", "페라리", "볼보"}
OUT = Path(__file__).resolve().parent.parent / "ingest" / "nlp" / "data" / "companies-klue.tsv"
HEADER = """# Companies (COMPANY) from the name lexicon of the KLUE-NER train split: forms labelled as an
# economic organisation more often than anything else in its KoNEC re-annotation
# (konec-train-lexicon.tsv in ../shared/data/klue-ner), that Kiwi reads as one proper noun and
# that gazetteer.tsv and the place lists do not know. Built by tools/make_klue_companies.py.
# One name a line. Attribution: Park, Sungjoon et al. 2021, "KLUE: Korean Language
# Understanding Evaluation" (NeurIPS 2021 Datasets and Benchmarks); KoNEC by the
# korean-named-entity project. License of this file: CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/), not the project's license.
"""


def main(path: str) -> None:
    labels = read_labels(path)
    lex = get_lexicon()
    # the lexicon already reads this file: its own rows are not "known elsewhere" (rerunnable)
    own = {x for x in OUT.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")} if OUT.exists() else set()
    rows = []
    for form, labs in sorted(labels.items()):
        if max(labs, key=labs.get) != "OGG_ECONOMY" or form in LEAVE_OUT or (form in lex.names and form not in own) or form in lex.places:
            continue
        if not re.fullmatch(r"[가-힣A-Za-z0-9&]{2,12}", form) or not one_proper_noun(form):
            continue
        rows.append(form)
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} companies → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
