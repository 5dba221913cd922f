# Two commands do all the set-up: `make serve` and `make test`.
# Both create .venv from requirements.txt when it is missing or older than it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Build into a scratch folder and swap it in only when the strict build
# succeeds, so a failed build never leaves a half-built site behind.
build: $(VENV)/.installed
	rm -rf $(SITE_DIR).partial
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR).partial || { rm -rf $(SITE_DIR).partial; exit 1; }
	rm -rf $(SITE_DIR)
	mv $(SITE_DIR).partial $(SITE_DIR)

test: $(VENV)/.installed
	$(BIN)/python -m pytest tests

# Benchmarks, not tests: every executable in bench/ prints a table and exits
# non-zero when it misses a target. Lighthouse comes from package-lock.json.
bench: $(VENV)/.installed node_modules/.installed
	@status=0; for script in bench/*; do [ -x "$$script" ] || continue; echo "== $$script"; "$$script" || status=1; done; exit $$status

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).partial .pytest_cache

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11 or newer.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.txt
	touch $@
