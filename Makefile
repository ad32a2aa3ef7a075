# article-analysis: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup reports test lint format clean browser lab notebooks resources news-tone model \
	context-vectors sentence-encoder

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed")'
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { echo "Python's venv module is missing: \
	  on Debian/Ubuntu run: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,build]'
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install the package with its test and build tools

reports: setup ## write the reports for every article in data/raw/ to reports/
	$(BIN)/article-analysis report data/raw --out reports

# JupyterLab refuses to start as root unless told; it listens on this machine only.
LAB_FLAGS := --ip=127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root)

lab: setup ## open the notebooks in JupyterLab (http://127.0.0.1:8888; as root too)
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

lint: setup ## ruff: lint rules and the formatter's check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup ## ruff: format the code and apply the safe lint fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

browser: ## root only: install Debian's chromium (system-wide) for the browser tests
	@if command -v chromium >/dev/null; then echo "chromium is installed: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	  && echo "chromium installed"; \
	else echo "make browser installs Debian's chromium with apt-get: run it as root"; exit 1; fi

test: setup ## lint, then every test offline; installs nothing outside .venv (browser tier: make browser)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	export NLTK_DATA=$$(mktemp -d); $(BIN)/python -m pytest; status=$$?; \
	  rm -rf "$$NLTK_DATA"; exit $$status

notebooks: setup ## strip outputs and write notebooks/ in the form JupyterLab saves them
	$(BIN)/python scripts/normalise_notebooks.py

resources: setup ## rebuild the packaged word tables from their sources (the build extra)
	$(BIN)/python scripts/build_actor_dictionary.py
	$(BIN)/python scripts/build_general_inquirer.py
	$(BIN)/python scripts/build_syllables.py
	$(BIN)/python scripts/build_word_lists.py
	$(BIN)/python scripts/build_given_name_genders.py
	$(BIN)/python scripts/build_tone_lexicons.py

# PyTorch first, by exact version: pip takes the CPU build this machine keeps on disk, where an
# unpinned torch (asked for by the encoder's package) would fetch a CUDA build of several GB.
context-vectors: setup ## rebuild analysis/resources/context_vectors.npz (installs PyTorch; EVAL=...)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'torch==2.13.0'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[vectors]'
	HF_HUB_OFFLINE=1 $(BIN)/python scripts/build_context_vectors.py --eval $(or $(EVAL),../shared/eval)

sentence-encoder: setup ## rebuild analysis/resources/sentence_encoder.npz (installs PyTorch, for its check)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'torch==2.13.0'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[vectors]'
	HF_HUB_OFFLINE=1 $(BIN)/python scripts/build_sentence_encoder.py

news-tone: setup ## refit news_tone.json and news_tone_static.json on ../shared/eval (EVAL=...)
	$(BIN)/python scripts/fit_news_tone.py --eval $(or $(EVAL),../shared/eval)

model: setup ## retrain the name model analysis/resources/ner_crf.model on ../shared/eval/ner (EVAL=...)
	$(BIN)/python scripts/train_ner.py --eval $(or $(EVAL),../shared/eval)

clean: ## remove generated reports and tables (not the virtual environment)
	rm -rf reports/* data/processed/*
