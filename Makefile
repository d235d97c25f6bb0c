# One command builds the edition (make html), one runs the tests (make test).
# Both create the virtual environment on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
SPHINX  = $(PY) -m sphinx -W --keep-going -j auto

.PHONY: all html generate check test lint clean

all: html

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

generate: $(STAMP)
	$(PY) -m tools generate

check: $(STAMP)
	$(PY) -m tools check

html: generate
	$(SPHINX) -b html edition _build/html
	@echo "Open _build/html/index.html"

lint: $(STAMP)
	$(PY) -m ruff check tools tests
	$(PY) -m ruff format --check tools tests

test: $(STAMP)
	$(PY) -m ruff check tools tests
	$(PY) -m tools check
	$(PY) -m pytest

clean:
	rm -rf _build
