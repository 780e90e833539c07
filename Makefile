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
CODEGEN_TARGETS ?= python typescript docs openapi php
# The pinned TypeScript toolchain (tests and benchmarks only; generated packages need none).
TS_TOOLS := tools/ts
TS_STAMP := $(TS_TOOLS)/node_modules/.installed
# The pinned OpenAPI tools the openapi target's tests run (redocly lint, openapi-typescript).
OPENAPI_TOOLS := tools/openapi
OPENAPI_STAMP := $(OPENAPI_TOOLS)/node_modules/.installed
# The oldest `cryptography` the generated package allows (its floor in the runtime's
# requirements.txt), installed beside the venv for the test that runs KS v2 on it.
RUNTIME_REQUIREMENTS := templates/python/runtime/requirements.txt
CRYPTO_FLOOR := $(VENV)/cryptography-floor
CRYPTO_FLOOR_STAMP := $(CRYPTO_FLOOR)/.installed

# Debian packages the PHP tests need (php -l, PHPUnit, curl/xml/mbstring), when missing.
PHP_PACKAGES := php-cli php-curl php-xml php-mbstring phpunit

.PHONY: setup setup-crypto-floor setup-browser setup-openapi setup-php generate check test fuzz lint bench clean ts-runtime

# The venv is rebuilt whenever pyproject.toml changes (the stamp is older than it).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(TS_STAMP): $(TS_TOOLS)/package.json $(TS_TOOLS)/package-lock.json
	cd $(TS_TOOLS) && npm ci --no-audit --no-fund --ignore-scripts
	touch $(TS_STAMP)

# Order-only on the venv: a reinstalled venv does not change which cryptography is the floor.
$(CRYPTO_FLOOR_STAMP): $(RUNTIME_REQUIREMENTS) | $(STAMP)
	rm -rf $(CRYPTO_FLOOR)
	$(BIN)/pip install --quiet --no-deps --target $(CRYPTO_FLOOR) \
		"cryptography==$$(sed -n 's/^cryptography>=\([0-9.]*\).*/\1/p' $(RUNTIME_REQUIREMENTS))"
	mkdir -p $(CRYPTO_FLOOR)
	touch $(CRYPTO_FLOOR_STAMP)

setup-crypto-floor: $(CRYPTO_FLOOR_STAMP)

setup: setup-browser setup-php $(STAMP) $(TS_STAMP) $(CRYPTO_FLOOR_STAMP) setup-openapi

# Headless Chromium for the docs console tests (Playwright drives this system browser;
# `playwright install` is never run).
setup-browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	fi

$(OPENAPI_STAMP): $(OPENAPI_TOOLS)/package.json $(OPENAPI_TOOLS)/package-lock.json
	cd $(OPENAPI_TOOLS) && npm ci --no-audit --no-fund --ignore-scripts
	touch $(OPENAPI_STAMP)

setup-openapi: $(OPENAPI_STAMP)

setup-php:
	@if ! command -v php >/dev/null || ! command -v phpunit >/dev/null \
		|| ! php -m | grep -qi '^curl$$' || ! php -m | grep -qi '^simplexml$$' \
		|| ! php -m | grep -qi '^mbstring$$'; then \
		apt-get update && apt-get install -y $(PHP_PACKAGES); \
	fi


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
test: $(STAMP) $(TS_STAMP) $(OPENAPI_STAMP) $(CRYPTO_FLOOR_STAMP) check lint
	$(PYTEST) -q

# The property-based tests with new random examples every run (make test draws the same ones).
fuzz: $(STAMP) $(TS_STAMP)
	KALTURA_CODEGEN_HYPOTHESIS=explore $(PYTEST) -q -p no:cacheprovider -k "hostile or hypothesis" tests

# The project's own Python: ruff, black (pyproject's [tool.black]) and mypy --strict, with the
# type-checking tests' inputs (tests/*/typing_cases/) excluded by [tool.mypy] in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/black --check generator tests benchmarks
	$(BIN)/mypy --strict generator tests benchmarks

bench: $(STAMP) $(TS_STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(TS_TOOLS)/node_modules $(OPENAPI_TOOLS)/node_modules .pytest_cache .mypy_cache .ruff_cache
