# ISCM Highlights: build the bulletin and the ISCM table from the spreadsheets in inputs/.
# `make help` lists the targets. Every target sets up .venv itself.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
# All optional: YEAR=2025 (default: latest year with meetings), INPUTS=dir, OUTPUTS=dir,
# LANGS=en,fr (default: every language).
YEAR     ?=
INPUTS   ?= inputs
OUTPUTS  ?= outputs
LANGS    ?=
ISCM_ARGS := --inputs $(INPUTS) --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(LANGS),--lang $(LANGS))

.DEFAULT_GOAL := help
.PHONY: help setup poppler bulletin check test lint golden docs templates corpus clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

# The virtual environment, rebuilt when pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.0.1
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev
	touch $@

setup: $(STAMP)  ## Create .venv and install the pinned dependencies

# pdffonts and pdftotext (Debian: poppler-utils) check the PDFs in the tests.
poppler:
	@command -v pdffonts >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; \
	  else echo "The tests need pdffonts: install the Debian package poppler-utils (sudo apt-get install poppler-utils)."; exit 1; fi; }

bulletin: $(STAMP)  ## Build the bulletin and the ISCM table into OUTPUTS/<year>/
	$(BIN)/iscm build $(ISCM_ARGS)

check: $(STAMP)  ## Validate the inputs only; write nothing
	$(BIN)/iscm check --inputs $(INPUTS) $(if $(YEAR),--year $(YEAR))

test: $(STAMP) poppler  ## Run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## Check the code style with ruff
	$(BIN)/ruff check pipeline tests

golden: $(STAMP)  ## Rebuild the golden HTML files in tests/golden/ (read the diff!)
	$(BIN)/python -m tests.update_golden

docs: $(STAMP)  ## Rewrite docs/inputs.md from the contract in pipeline/schema.py
	$(BIN)/python -m pipeline.contract

templates: $(STAMP)  ## Write blank input workbooks (instructions, dropdowns) to inputs-template/
	$(BIN)/python -m pipeline.input_templates --inputs $(INPUTS) --out inputs-template

corpus: $(STAMP)  ## Rewrite the test input corpus under tests/data/ (read the diff!)
	$(BIN)/python -m tests.data.make_corpus

clean:  ## Remove the built documents and caches (not .venv)
	rm -rf $(OUTPUTS)/*/ .pytest_cache .ruff_cache
