# kaltura-codegen developer tasks. `make setup && make generate`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCHEMA ?= schema/kaltura-sample.xml
STAMP := $(VENV)/.installed
CODEGEN ?= $(BIN)/kaltura-codegen
PYTEST ?= $(BIN)/python -m pytest
GENERATED ?= generated

# The targets that exist in this checkout (generator/targets/<name>[.py]); `make generate`
# and `make check` loop over them, each into $(GENERATED)/<name>/.
KNOWN_TARGETS := python typescript
CODEGEN_TARGETS ?= $(foreach t,$(KNOWN_TARGETS),$(if $(wildcard generator/targets/$(t) generator/targets/$(t).py),$(t)))

.PHONY: setup generate check test lint bench clean

# The venv is rebuilt whenever pyproject.toml changes (the stamp is older than it).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	@for t in $(CODEGEN_TARGETS); do \
		$(CODEGEN) generate --schema $(SCHEMA) --target $$t --out $(GENERATED)/$$t || exit 2; \
	done

# Fails (exit 1) when $(GENERATED)/ is not exactly what `make generate` would write.
check: $(STAMP)
	@test -n "$(strip $(CODEGEN_TARGETS))" || echo "make check: no targets in this checkout yet" >&2
	@status=0; \
	for t in $(CODEGEN_TARGETS); do \
		$(CODEGEN) check --schema $(SCHEMA) --target $$t --out $(GENERATED)/$$t || status=$$?; \
	done; \
	if [ $$status -ne 0 ]; then echo "$(GENERATED)/ is stale: run 'make generate' and commit it" >&2; fi; \
	exit $$status

# A stale generated/ fails the test run (CI runs exactly this, through .ci/run).
test: $(STAMP) check
	$(PYTEST) -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy --strict generator

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
