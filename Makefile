# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
# `make run PORT=8001` serves elsewhere; the demo's Site and links follow.
PORT ?= 8000
export PORT
# axe-core for the accessibility tests, pinned in package-lock.json (test tooling only).
AXE := node_modules/axe-core/axe.min.js

.PHONY: run worker test install axe catalogues messages migrate demo lint format check build clean

# The worker (queued e-mails, the schedule) runs beside the web server and stops with it;
# unlike runserver it does not reload changed code (a reloading worker is two processes,
# and `kill` would reach only the first): restart `make run` after changing a job.
run: install catalogues migrate demo ## Set up everything and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

worker: install migrate ## Only the worker: queued jobs and the schedule
	$(MANAGE) run_worker

# Two pytest runs side by side: everything but tests/deploy on two pytest-xdist workers,
# and tests/deploy in one process of its own (its servers share one Redis database), whose
# report follows the first's: the deploy tests spend most of their time waiting for servers
# and the scheduler's tick, so beside the rest they add little (times in the README).
# `--dist loadgroup` keeps the tests of one xdist_group in one worker (the browser tests that
# share one visit of every page, tests/browser/page_audit.py; the tests of a module that
# shares data) and hands out the rest one by one; `--no-loadscope-reorder` keeps the order
# tests/conftest.py sorts them in.
DEPLOY_REPORT := $(VENV)/deploy-tests.log
test: install catalogues axe ## Run the whole test suite (browser tests need /usr/bin/chromium)
	@$(BIN)/pytest tests/deploy > $(DEPLOY_REPORT) 2>&1 & deploy=$$!; \
	$(BIN)/pytest -n 2 --dist loadgroup --no-loadscope-reorder --ignore=tests/deploy; suite=$$?; \
	wait $$deploy; deploy_rc=$$?; \
	echo "--- tests/deploy (run beside the above) ---"; cat $(DEPLOY_REPORT); \
	test $$suite -eq 0 && test $$deploy_rc -eq 0

axe: $(AXE)

# Re-install only when the lock changes (touch: npm may keep the tarball's old mtime).
# Without npm the accessibility tests skip, or fail under REQUIRE_BROWSER=1 as in CI.
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: accessibility tests will be skipped (apt-get install nodejs npm)"; fi

install: $(STAMP)

# Re-install only when the lock changes.
$(STAMP): requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements.lock
	touch $(STAMP)

catalogues: install ## Compile the .po catalogues of locale/ and locale_upstream/ (LOCALE_PATHS)
	$(MANAGE) compile_catalogues

# Then the Wagtail and wagtail-localize strings that lack Norwegian, into locale_upstream/nb
# (site_core/upstream_catalogues.py), which makemessages leaves alone.
messages: install ## Extract new strings into locale/nb and locale/en
	$(MANAGE) makemessages --locale nb --locale en --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'node_modules/*' --no-obsolete
	$(MANAGE) update_upstream_catalogues

migrate: install
	$(MANAGE) migrate --noinput

demo: install
	$(MANAGE) seed_demo --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

build: install catalogues ## What a deployment runs before starting gunicorn
	DJANGO_SETTINGS_MODULE=site_core.settings.production $(MANAGE) collectstatic --noinput

clean:
	rm -rf $(VENV) staticfiles .test-media .test-private-media .pytest_cache node_modules test-artifacts
