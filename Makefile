# kaltura-codegen developer tasks. `make setup && make generate`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCHEMA ?= schema/kaltura-sample.xml
STAMP := $(VENV)/.installed
# The pinned TypeScript toolchain (tests and benchmarks only; generated packages need none).
TS_TOOLS := tools/ts
TS_STAMP := $(TS_TOOLS)/node_modules/.installed

.PHONY: setup generate test lint bench clean

# The venv is rebuilt whenever pyproject.toml changes (the stamp is older than it).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(TS_STAMP): $(TS_TOOLS)/package.json $(TS_TOOLS)/package-lock.json
	cd $(TS_TOOLS) && npm ci --no-audit --no-fund --ignore-scripts
	touch $(TS_STAMP)

setup: $(STAMP) $(TS_STAMP)

generate: $(STAMP)
	$(BIN)/kaltura-codegen generate --schema $(SCHEMA) --target python --out generated/python
	$(BIN)/kaltura-codegen generate --schema $(SCHEMA) --target typescript --out generated/typescript

test: $(STAMP) $(TS_STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy --strict generator

bench: $(STAMP) $(TS_STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
