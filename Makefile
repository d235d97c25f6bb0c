# One command builds the edition (make html), one runs the tests (make test).
# Both create the virtual environment on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
SPHINX  = $(PY) -m sphinx -W --keep-going -j auto
# Reproducible builds: dates in the output come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: all html latexpdf epub preview bench docs generate check test lint clean

all: html

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The checkers (axe-core, the Nu HTML Checker, DAISY Ace, yaml-language-server) come from npm;
# without npm their tests skip (and fail in CI, which sets EDITION_REQUIRE_TOOLS=1). Browsers
# are never downloaded: Ace's puppeteer uses the machine's Chromium.
NODE_STAMP = node_modules/.installed
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null; then \
	  PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the axe-core and Nu HTML Checker tests will skip"; fi

generate: $(STAMP)
	$(PY) -m sizheng_edition generate

check: $(STAMP)
	$(PY) -m sizheng_edition check

html: generate
	$(SPHINX) -b html -d _build/doctrees/html edition _build/html
	@echo "Open _build/html/index.html"

# Live preview for editors: regenerates the pages and rebuilds the site whenever a seed,
# a plan or the glossary changes, and reloads the browser (http://127.0.0.1:8000).
preview: generate
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m sphinx_autobuild edition _build/preview --watch conf --watch seeds \
	  --pre-build "$(PY) -m sizheng_edition generate"

# Scaling figures (slow; not part of the tests): see docs/benchmark.md.  Larger sizes
# are opt-in: make bench BENCH_ARGS="--sizes 100 300 1000 3000" (from 1,000 sources
# each Sphinx build is run once, cold: --large-from; --serial-up-to 1000 spares the
# longest build at 3,000).
BENCH_ARGS ?=
bench: $(STAMP)
	$(PY) bench/benchmark.py $(BENCH_ARGS)

docs: $(STAMP)
	$(PY) -m sizheng_edition cli-reference > docs/cli.md

lint: $(STAMP)
	$(PY) -m ruff check tools tests bench
	$(PY) -m ruff format --check tools tests
	$(PY) -m mypy

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m ruff check tools tests bench
	$(PY) -m mypy
	$(PY) -m sizheng_edition check
	$(PY) -m pytest

clean:
	rm -rf _build

latexpdf: generate
	$(SPHINX) -b latex -d _build/doctrees/latex edition _build/latex
	cd _build/latex && latexmk -r latexmkrc -pdf -f -dvi- -ps- -interaction=nonstopmode sizheng-edition.tex
	@echo "PDF: _build/latex/sizheng-edition.pdf"

epub: generate
	$(SPHINX) -b epub -d _build/doctrees/epub edition _build/epub
	@echo "EPUB: _build/epub/EightEssaysonIdeologicalandPoliticalWork.epub"
