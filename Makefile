# ISCM Highlights: build the bulletin and the ISCM table from the spreadsheets in inputs/.
# `make help` lists the targets. Every target sets up .venv itself.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
DEV_STAMP := $(VENV)/.dev-installed
# All optional: YEAR=2025 (default: latest year with meetings), INPUTS=dir, OUTPUTS=dir,
# LANGS=en,fr (default: every language), JOBS=2 (PDFs rendered at once; default: one per
# core; 1: one after another in one process), FORMATS=html,pdf (default: html,pdf,xlsx;
# FORMATS=print: the print-ready PDF/X files of the bulletin and the poster),
# DOCS=map,factsheet (documents to build;
# default: all of outputs.DOCUMENTS), REPORT_LANG=fr (or es: the problems, the
# validation report and the input templates in that language; default en),
# EDITION_DATE=2026-01-31 (the date printed on the documents; meetings that start after it
# are upcoming; default: edition_date in inputs/publication.xlsx, else the latest meeting
# date of the year, never later than the build's day: docs/editors.md, "The edition date"),
# VERBOSE=1 (list every file and the time of each stage), PARTIAL=1 and WITH_REPORT=1 (make
# dist: bundle an incomplete edition as iscm-<year>-partial.zip; add the validation report),
# MECHANISMS=id,id (make requests: only those), RETURNS=dir and APPLY=1 (make collect: the
# returned workbooks, default INPUTS/returns; merge their changes into INPUTS/).
YEAR     ?=
INPUTS   ?= inputs
OUTPUTS  ?= outputs
LANGS    ?=
JOBS     ?=
FORMATS  ?=
DOCS     ?=
PORT     ?= 8000
VERBOSE  ?=
PARTIAL  ?=
WITH_REPORT ?=
REPORT_LANG ?=
EDITION_DATE ?=
MECHANISMS ?=
RETURNS  ?=
APPLY    ?=
REPORT_ARG := $(if $(REPORT_LANG),--report-lang $(REPORT_LANG))
EDITION_ARG := $(if $(EDITION_DATE),--edition-date $(EDITION_DATE))
ISCM_ARGS := --inputs $(INPUTS) --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(LANGS),--lang $(LANGS)) $(if $(JOBS),--jobs $(JOBS)) $(if $(FORMATS),--formats $(FORMATS)) $(if $(DOCS),--docs $(DOCS)) $(if $(VERBOSE),--verbose) $(EDITION_ARG) $(REPORT_ARG)

# Translations: one gettext catalogue per language of pipeline/languages.py but English, the
# source language; the messages about the inputs (report.po) in the report languages only.
# The system's Python lists them from there ("messages/fr … report/fr …": that module
# imports nothing else), so that make knows the languages before .venv exists.
CATALOGUES := $(shell $(PYTHON) -I pipeline/languages.py)
LOCALES  := $(patsubst messages/%,%,$(filter messages/%,$(CATALOGUES)))
REPORT_LOCALES := $(patsubst report/%,%,$(filter report/%,$(CATALOGUES)))
LOCALE   := pipeline/locale
MO_FILES := $(foreach l,$(LOCALES),$(LOCALE)/$(l)/LC_MESSAGES/messages.mo) \
            $(foreach l,$(REPORT_LOCALES),$(LOCALE)/$(l)/LC_MESSAGES/report.mo)

.DEFAULT_GOAL := help
.PHONY: help setup poppler harfbuzz bulletin dist check preview translation-kit requests collect test test-browser lint \
        golden docs bench translations templates dress-inputs corpus map-assets clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | awk -F '\t' '{printf "%-17s %s\n", $$1, $$2}'

# The virtual environment, rebuilt when pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.0.1
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

# The test and maintenance tools (pytest, ruff, pypdf…): not needed to build.
$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev
	touch $@

setup: $(STAMP) $(MO_FILES)  ## Create .venv, install the pinned dependencies, compile the catalogues

# A catalogue is compiled (.po -> .mo, not committed) whenever its .po changes. A .po that
# is not there stops make, saying how to get it: a language just added to
# pipeline/languages.py has none until `make translations` makes it.
$(LOCALE)/%/LC_MESSAGES/messages.mo: $(LOCALE)/%/LC_MESSAGES/messages.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -l $* -i $< -o $@

$(LOCALE)/%/LC_MESSAGES/report.mo: $(LOCALE)/%/LC_MESSAGES/report.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -l $* -i $< -o $@

$(LOCALE)/%.po:
	@echo "$@ is missing: run 'make translations' (a language just added to pipeline/languages.py), or restore it from git." >&2; exit 1

# pdffonts and pdftotext (Debian: poppler-utils) check the PDFs in the tests.
poppler:  ## Install pdffonts and pdftotext (Debian: poppler-utils), which the PDF tests use
	@command -v pdffonts >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; \
	  else echo "The tests need pdffonts: install the Debian package poppler-utils (sudo apt-get install poppler-utils)."; exit 1; fi; }

# WeasyPrint subsets the fonts with HarfBuzz (Debian: libharfbuzz-subset0), else with
# fontTools, which it is retiring: the two give different PDF bytes, so every build here uses
# HarfBuzz. Installed as root; otherwise the build goes on with fontTools, and says so.
harfbuzz:  ## Install libharfbuzz-subset0, with which WeasyPrint subsets the PDFs' fonts
	@ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0' || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libharfbuzz-subset0 >/dev/null; \
	  else echo "Note: the PDFs' fonts are subset with fontTools; install the Debian package libharfbuzz-subset0 (sudo apt-get install libharfbuzz-subset0) for HarfBuzz, which WeasyPrint prefers."; fi; }

bulletin: $(STAMP) $(MO_FILES) harfbuzz  ## Build the six documents, the summary and the report into OUTPUTS/<year>/
	$(BIN)/iscm build $(ISCM_ARGS)

# The bundle packs what `make bulletin` built (default: the latest year under OUTPUTS/); it
# refuses an incomplete edition unless PARTIAL=1.
dist: $(STAMP) $(MO_FILES)  ## Zip a built year for distribution: OUTPUTS/dist/iscm-<year>.zip, SHA256SUMS
	$(BIN)/iscm dist --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(PARTIAL),--partial) $(if $(WITH_REPORT),--with-report)

check: $(STAMP) $(MO_FILES)  ## Validate the inputs only; write nothing
	$(BIN)/iscm check --inputs $(INPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(LANGS),--lang $(LANGS)) $(EDITION_ARG) $(REPORT_ARG)

preview: $(STAMP) $(MO_FILES) harfbuzz  ## Serve the HTML documents on 127.0.0.1:PORT, rebuilt on every save
	$(BIN)/iscm preview --inputs $(INPUTS) --outputs $(OUTPUTS) --port $(PORT) $(if $(YEAR),--year $(YEAR)) $(if $(LANGS),--lang $(LANGS)) $(EDITION_ARG) $(REPORT_ARG)

# One process per core (pytest-xdist); the build of the shipped inputs is made once and
# shared between them (tests/conftest.py).
translation-kit: $(STAMP) $(MO_FILES)  ## Write the texts still to translate to OUTPUTS/translation-kit/ (XLSX, XLIFF)
	$(BIN)/iscm translation-kit --inputs $(INPUTS) --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(LANGS),--lang $(LANGS)) $(REPORT_ARG)

# The yearly updates: a workbook per mechanism to send (MECHANISMS=id,id: only those), then
# the returned ones reviewed (RETURNS=dir, default INPUTS/returns) and, with APPLY=1 only,
# merged into the input workbooks.
requests: $(STAMP) $(MO_FILES)  ## Write each active or emerging mechanism's update workbook to OUTPUTS/requests/<year>/
	$(BIN)/iscm requests --inputs $(INPUTS) --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(MECHANISMS),--mechanisms $(MECHANISMS)) $(REPORT_ARG)

collect: $(STAMP) $(MO_FILES)  ## Review the returned update workbooks (RETURNS=dir); APPLY=1 merges them into INPUTS/
	$(BIN)/iscm collect --inputs $(INPUTS) --outputs $(OUTPUTS) $(if $(YEAR),--year $(YEAR)) $(if $(RETURNS),--returns $(RETURNS)) $(if $(APPLY),--apply) $(REPORT_ARG)

test: $(DEV_STAMP) $(MO_FILES) poppler harfbuzz  ## Run the whole test suite
	$(BIN)/python -m pytest -n auto --dist worksteal

# Browser checks need Chromium and Java (Debian: chromium, default-jre-headless),
# the checkers from npm (tests/browser/package-lock.json) and Playwright in .venv.
BROWSER_STAMP := $(VENV)/.browser-installed
$(BROWSER_STAMP): $(DEV_STAMP) tests/browser/package-lock.json
	@missing=""; command -v chromium >/dev/null || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else echo "make test-browser needs the Debian packages:$$missing (sudo apt-get install$$missing)."; exit 1; fi; fi
	cd tests/browser && npm ci --no-audit --no-fund --silent
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev --group browser
	touch $@

test-browser: $(BROWSER_STAMP) $(MO_FILES) poppler harfbuzz  ## vnu, axe-core, screenshots, and the PDF checks of every document in every language
	$(BIN)/python -m pytest -m "browser or print"

lint: $(DEV_STAMP)  ## Check the code style with ruff
	$(BIN)/ruff check pipeline tests bench

bench: $(DEV_STAMP) $(MO_FILES) harfbuzz  ## Time the build against WeasyPrint alone; write docs/performance.md
	$(BIN)/python -m bench.run $(if $(JOBS),--jobs $(JOBS))

golden: $(DEV_STAMP)  ## Rebuild the golden HTML files in tests/golden/ (read the diff!)
	$(BIN)/python -m tests.update_golden

docs: $(STAMP)  ## Rewrite docs/inputs.md from the contract in pipeline/schema.py
	$(BIN)/python -m pipeline.tools.contract

# After changing a message in the code or the templates: collect the messages into the
# template (.pot), merge it into every .po (new entries empty, changed ones fuzzy), then
# translate those entries and rebuild. The tests fail while any entry is empty or fuzzy.
translations: $(STAMP)  ## Extract the messages and update every language's .po file
	$(BIN)/python -m pipeline.tools.translations update

templates: $(STAMP) $(MO_FILES)  ## Write blank input workbooks (instructions, dropdowns) to inputs-template/
	$(BIN)/python -m pipeline.tools.input_templates --inputs $(INPUTS) --out inputs-template $(REPORT_ARG)

# Dressing changes no cell that holds data; it writes nothing if one would read differently.
dress-inputs: $(STAMP) $(MO_FILES)  ## Add the templates' instructions, help and dropdowns to the workbooks in INPUTS/, in place
	$(BIN)/python -m pipeline.tools.input_templates --dress $(INPUTS) $(REPORT_ARG)

corpus: $(DEV_STAMP)  ## Rewrite the test input corpus under tests/data/ (read the diff!)
	$(BIN)/python -m tests.data.make_corpus

# The map's geometry, made once and committed (templates/assets/map/): Natural Earth from
# npm (tools/map-assets/package-lock.json), projected with pyproj and simplified with
# shapely, which only this target installs (the `maps` group); the build never needs them.
MAPS_STAMP := $(VENV)/.maps-installed
$(MAPS_STAMP): $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev --group maps
	touch $@

map-assets: $(MAPS_STAMP)  ## Project the world geometry into templates/assets/map/ (then commit it)
	cd tools/map-assets && npm ci --no-audit --no-fund --silent
	$(BIN)/python -m pipeline.tools.map_assets

clean:  ## Remove the built documents, the archive pages, the bundles and caches (not .venv)
	rm -rf $(OUTPUTS)/*/ $(OUTPUTS)/index*.html .pytest_cache .ruff_cache
