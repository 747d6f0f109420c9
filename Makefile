# The two commands: `make run` (set up, ingest the sample corpus, serve the UI)
# and `make test` (set up, run the whole test suite). Both start with `make setup`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup browser run test ingest serve bench clean

setup: $(STAMP)

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

test: setup browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data .pytest_cache
