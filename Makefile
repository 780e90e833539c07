# kaltura-codegen developer tasks. `make setup && make generate`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCHEMA ?= schema/kaltura-sample.xml
STAMP := $(VENV)/.installed
CODEGEN ?= $(BIN)/kaltura-codegen
PYTEST ?= $(BIN)/python -m pytest
GENERATED ?= generated
# Every target is generated for schema/ into $(GENERATED)/<target>/ and drift-checked.
CODEGEN_TARGETS ?= python typescript
# The pinned TypeScript toolchain (tests and benchmarks only; generated packages need none).
TS_TOOLS := tools/ts
TS_STAMP := $(TS_TOOLS)/node_modules/.installed

.PHONY: setup generate check test lint bench clean ts-runtime

# The venv is rebuilt whenever pyproject.toml changes (the stamp is older than it).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(TS_STAMP): $(TS_TOOLS)/package.json $(TS_TOOLS)/package-lock.json
	cd $(TS_TOOLS) && npm ci --no-audit --no-fund --ignore-scripts
	touch $(TS_STAMP)

setup: $(STAMP) $(TS_STAMP)

# Recompile templates/typescript/runtime/src into its committed dist/ (after editing the runtime).
ts-runtime: $(STAMP) $(TS_STAMP)
	$(BIN)/python tools/ts/build_runtime.py

generate: $(STAMP)
	@for t in $(CODEGEN_TARGETS); do \
		$(CODEGEN) generate --schema $(SCHEMA) --target $$t --out $(GENERATED)/$$t || exit 2; \
	done

# Fails (exit 1) when $(GENERATED)/ is not exactly what `make generate` would write.
check: $(STAMP)
	@status=0; \
	for t in $(CODEGEN_TARGETS); do \
		$(CODEGEN) check --schema $(SCHEMA) --target $$t --out $(GENERATED)/$$t || status=$$?; \
	done; \
	if [ $$status -ne 0 ]; then echo "$(GENERATED)/ is stale: run 'make generate' and commit it" >&2; fi; \
	exit $$status

# A stale generated/ or a lint finding fails the test run (CI runs exactly this, via .ci/run).
test: $(STAMP) $(TS_STAMP) check lint
	$(PYTEST) -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy --strict generator

bench: $(STAMP) $(TS_STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(TS_TOOLS)/node_modules .pytest_cache .mypy_cache .ruff_cache
