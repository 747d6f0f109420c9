"""Build ingest/nlp/data/places-klue.tsv from the KLUE train-split name lexicon.

    PYTHONPATH=. python tools/make_klue_places.py ../shared/data/klue-ner/konec-train-lexicon.tsv

Keeps the forms whose most frequent KoNEC label is a place (countries, capitals, cities,
provinces, districts, continents, islands), written in Hangul, that Kiwi reads alone as one
proper noun and that neither places.tsv nor the gazetteer already knows; words that are
mostly something else in policy news (경기 'economy', 조선 'shipbuilding', 금호 the group,
historical states) are left out by hand, and so are names of local governments (…시/군/구).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.klue_lexicon import one_proper_noun, read_labels
from ingest.nlp.lexicon import PLACES, _read_places, get_lexicon

KIND = {"LCP_COUNTRY": "country", "LCP_CAPITALCITY": "city", "LCP_CITY": "city", "LCP_PROVINCE": "region",
        "LCP_COUNTY": "district", "LCG_CONTINENT": "region", "LCG_ISLAND": "region"}
LEAVE_OUT = {"경기", "조선", "신라", "백제", "당나라", "대한제국", "대영제국", "소련", "금호", "선재", "솔트", "사피", "남도",
             "오만", "말리", "동암", "마석", "대연", "영서", "상암", "우도", "시돈", "경성", "다카", "말레", "미주", "고성",
             "스파르타", "메카", "시나이", "영호남", "호남", "충청", "경상도", "양강도", "북극", "정동", "영동", "강북", "강서"}
OUT = Path(__file__).resolve().parent.parent / "ingest" / "nlp" / "data" / "places-klue.tsv"
HEADER = """# Places (LOCATION) from the name lexicon of the KLUE-NER train split: forms labelled as a
# country, city, province, district, continent or island more often than anything else in its
# KoNEC re-annotation (konec-train-lexicon.tsv in ../shared/data/klue-ner), that Kiwi reads as
# one proper noun and that places.tsv and gazetteer.tsv do not list. Built by
# tools/make_klue_places.py. Same columns as places.tsv: canonical, english, aliases, kind.
# Attribution: Park, Sungjoon et al. 2021, "KLUE: Korean Language Understanding Evaluation"
# (NeurIPS 2021 Datasets and Benchmarks); KoNEC by the korean-named-entity project.
# License of this file: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), not the
# project's license.
"""


def main(path: str) -> None:
    labels = read_labels(path)
    lex, curated = get_lexicon(), _read_places(PLACES)
    rows = []
    for form, labs in sorted(labels.items()):
        best = max(labs, key=labs.get)
        if best not in KIND or form in LEAVE_OUT or not re.fullmatch(r"[가-힣]{2,10}", form) or form.endswith(("시", "군", "구")):
            continue  # 시/군/구 names are local governments: gazetteer.tsv and the type refiner decide those
        if form in curated or form in lex.names or not one_proper_noun(form):
            continue
        rows.append(f"{form}\t\t\t{KIND[best]}")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
