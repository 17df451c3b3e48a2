# Trygplan. Two commands on a fresh clone: `make run` and `make test`.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo .uv/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run install test fuzz lint bench bench-scale demo messages vendor clean

$(UV):
	python3 -m venv .uv
	.uv/bin/pip install --quiet uv

$(BIN)/trygplan: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen
	@touch $@

install: $(BIN)/trygplan

## Install, migrate the embedded SQLite database, load the Amager demo and serve it.
run: install
	$(BIN)/trygplan migrate --noinput
	$(BIN)/trygplan load-demo
	@echo "Trygplan: http://127.0.0.1:$(PORT)/"
	$(BIN)/trygplan runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates trygplan

## Lint, Django's checks, migrations up to date, then every test including the browser tests,
## on up to TEST_WORKERS cores (pytest-xdist; a module's tests stay on one worker).
TEST_WORKERS ?= 4
PYTEST_PARALLEL := -n auto --maxprocesses=$(TEST_WORKERS) --dist loadscope
test: lint
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/trygplan check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/trygplan makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_PARALLEL)

## Fuzz (Hypothesis) the public application form, the budget line form, the finding endpoint
## and both importers through the whole app: FUZZ_EXAMPLES cases each (make test runs 1000).
## Prints the case counts and the number of server errors; fails on any.
FUZZ_EXAMPLES ?= 10000
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -m fuzz -q -p no:cacheprovider

## Measure the pages and renderings on the demo data; prints medians.
bench: install
	$(BIN)/python -m bench

## The national-scale benchmark on PostgreSQL (DATABASE_URL): 100 invented partnerships × 10
## plan years built with bulk_create (reused on the next run), served by gunicorn with 2
## workers; prints p50/p95/queries per main page, then 20 users for 60 s with and without think
## time. BENCH_SCALE_ARGS=--quick for 10 partnerships × 3 years and 10 s (see bench/scale.py).
bench-scale: install
	$(BIN)/python -m bench.scale $(BENCH_SCALE_ARGS)

## Extract and compile the translations (da is the source language; en is the translation).
messages: install
	$(BIN)/trygplan makemessages -l en --ignore=.venv --ignore=.uv --ignore=static/vendor
	$(BIN)/trygplan compilemessages --ignore=.venv --ignore=.uv

## Re-download the pinned DKFDS, htmx and Leaflet from npm into static/vendor/.
vendor:
	bash scripts/vendor-assets.sh

clean:
	rm -rf $(VENV) .uv db.sqlite3 staticfiles
