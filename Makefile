# kaltura-codegen developer tasks. `make setup && make generate`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCHEMA ?= schema/kaltura-sample.xml
STAMP := $(VENV)/.installed

.PHONY: setup generate test lint bench clean

# The venv is rebuilt whenever pyproject.toml changes (the stamp is older than it).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	$(BIN)/kaltura-codegen generate --schema $(SCHEMA) --target python --out generated/python

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy --strict generator

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
