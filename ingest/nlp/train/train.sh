#!/usr/bin/env bash
# Train the Korean NER model and ship it to ingest/nlp/model/ (run from the repo root).
#   ingest/nlp/train/train.sh            # vectors + prepare + train + package (about 5 min on 1 CPU core)
# Env: PY (python, default .venv/bin/python), BUILD (default build/ner), STEPS (max steps),
# DIM (dimensions of the static vectors taken from Kiwi's language model, default 64),
# LEXICON_EXCLUDE (empty, or "heldout": drop the held-out sentences' entity names from the
# name lexicon, for the conservative held-out figure of the README; the shipped model keeps them),
# SEEDS (default "42": one model; several, e.g. "42 7 13": one model per seed, shipped as
# their majority vote, ingest/nlp/train/ensemble.py).
# The final model trains on train+tune (85%) with a fixed step budget chosen on the tune
# split, and ships model-last (the tune scores it prints are on sentences it trains on);
# the held-out 15% is only for bench/ner_eval.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=${PY:-.venv/bin/python}
BUILD=${BUILD:-build/ner}
STEPS=${STEPS:-2000}
DIM=${DIM:-64}
SEEDS=${SEEDS:-42}
LEXICON_EXCLUDE=${LEXICON_EXCLUDE:-}
OUT=$BUILD/runs/final
export PYTHONHASHSEED=0 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

"$PY" -m ingest.nlp.train.prepare --out "$BUILD"
"$PY" -m ingest.nlp.train.kiwi_vectors "$BUILD/vectors" --dim "$DIM"
"$PY" -m ingest.nlp.train.lexicon "$BUILD/lexicon.tsv" ${LEXICON_EXCLUDE:+--exclude-split "$LEXICON_EXCLUDE"}
start=$(date +%s)
members=()
for seed in $SEEDS; do
    out=$OUT; [ "$SEEDS" = "$seed" ] || out=$OUT-$seed
    rm -rf "$out"
    "$PY" -m spacy train ingest/nlp/train/config.cfg \
        --code ingest/nlp/train/tokenizer_reg.py --output "$out" \
        --paths.train "$BUILD/trainfull.spacy" --paths.dev "$BUILD/tune.spacy" --paths.vectors "$BUILD/vectors" \
        --paths.lexicon "$BUILD/lexicon.tsv" --system.seed "$seed" \
        --training.max_steps "$STEPS" --training.patience 0 --training.eval_frequency 500
    members+=("$out/model-last")
done
secs=$(( $(date +%s) - start ))
"$PY" - "$BUILD" "$secs" "$STEPS" <<'PY'
import json, sys
build, secs, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stats = json.load(open(f"{build}/stats.json", encoding="utf-8"))
json.dump({"training_seconds": secs, "training_steps": steps,
           "training_sentences": stats["split:train"] + stats["split:tune"],
           "heldout_sentences": stats["split:heldout"]}, open(f"{build}/train-meta.json", "w"))
PY
"$PY" -m ingest.nlp.train.package "${members[@]}" --meta "$BUILD/train-meta.json"
echo "trained in ${secs}s; evaluate with: $PY bench/ner_eval.py"
