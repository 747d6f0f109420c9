# The two commands: `make run` (set up, ingest the sample corpus, serve the UI)
# and `make test` (set up, run the whole test suite). Both start with `make setup`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup browser virtuoso run test ingest serve bench model relations-model clean

# Front-end libraries from the npm registry (package-lock.json): `npm ci` when
# node_modules is missing or the lock changed, then the editor bundle (esbuild).
# Without npm the UI still works, with plain forms and tables.
NPM_STAMP := node_modules/.package-lock.json
VENDOR    := build/vendor/editor.js

setup: $(STAMP) $(VENDOR)

$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@ || echo "npm ci failed: the web UI runs without its editor and network libraries" >&2; \
	else echo "npm not found: the web UI runs without its editor and network libraries" >&2; fi

$(VENDOR): $(NPM_STAMP) web/assets/editor.js
	@if [ -x node_modules/.bin/esbuild ]; then npm run --silent build; \
	else echo "esbuild not installed: the SPARQL page uses a plain text area" >&2; fi

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

ingest: setup
	$(BIN)/kg ingest corpus/

run: ingest
	$(BIN)/kg serve

serve: setup
	$(BIN)/kg serve

# Debian chromium + chromium-driver + fonts-noto-cjk for the real-browser tests
browser:
	tools/install-browser.sh

# Debian virtuoso-opensource-7-bin for the Virtuoso tests (tests/kg: a real server, ~15 s)
virtuoso:
	tools/install-virtuoso.sh

test: setup browser virtuoso
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Benchmarks (bench/run.py): one table, JSON in bench/results/. Default 1,000 documents
# (and 100 for the scaling ratio) with the real NLP; the quoted figures come from
#   make bench BENCH_ARGS="--size 10000"               (full ingest, NLP included)
#   make bench BENCH_ARGS="--size 100000 --skip-nlp"   (store/index/search at scale)
BENCH_ARGS ?=
bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Retrain the statistical NER shipped in ingest/nlp/model (reads ../shared/data/klue-ner; about 4 min)
model: setup
	ingest/nlp/train/train.sh

# Retrain the relation classifier (ingest/nlp/data/relations-model.json) on the dev halves
# of the gold sets, after more dev documents are annotated; prints the 5-fold CV figures
relations-model: setup
	$(BIN)/python -m ingest.nlp.train.relations

clean:
	rm -rf $(VENV) data .pytest_cache
