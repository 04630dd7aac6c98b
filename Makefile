# Creative Cities Academy. The two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= lms.settings.dev

.PHONY: run test test-fast lint bench messages compilemessages migrate demo clean

# Create or update the virtual environment whenever the dependencies change.
# uv installs the same pinned versions as pip (requirements.lock) in about 13 s
# instead of 50 (most of a clean clone's first `make test` used to go here);
# compiled to bytecode at install, as pip does, so that the suite's processes
# do not each compile Django and Wagtail on first import. Where uv cannot be
# had, pip does it.
UV_VERSION := 0.13.9
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if $(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"; then \
	  VIRTUAL_ENV=$(VENV) $(BIN)/uv pip install --quiet --compile-bytecode -c requirements.lock -e ".[dev]"; \
	else \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"; \
	fi
	touch $(STAMP)

# The catalogues, compiled when their .po changed (msgfmt, as Django's
# compilemessages does, without starting Django for it).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po locale_vendor/*/LC_MESSAGES/django.po))
compilemessages: $(MO_FILES)
%.mo: %.po
	msgfmt --check-format -o $@ $<

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --no-input -v0

demo: migrate compilemessages
	$(BIN)/python manage.py credentials_keygen --demo
	$(BIN)/python manage.py load_demo

## run: the platform with demo content, web server and Celery worker (with beat),
## on http://127.0.0.1:8000. Ctrl-C stops both.
run: demo
	@echo "Starting the web server on http://127.0.0.1:8000 and a Celery worker. Ctrl-C stops both."
	$(BIN)/honcho start -f Procfile

# One pytest process per core (pytest-xdist), each with its own test database,
# cache keys and Celery queues (lms/settings/test.py). TEST_PROCESSES=0: one process.
# worksteal: a process that runs out of tests takes pending ones from the other
# instead of idling while it works through its share (docs/testing.md).
TEST_PROCESSES ?= auto

## test: lint and the whole pytest suite (what CI runs; the migrations check is
## lms/tests/test_migrations.py), on every core, hypothesis derandomised
## (docs/testing.md).
test: $(STAMP) compilemessages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest --ds=lms.settings.test -n $(TEST_PROCESSES) --dist worksteal $(PYTEST_ARGS)

## test-fast: a developer's inner loop: the suite without the browser and worker
## tests, on the test databases of the last run (--reuse-db; add
## PYTEST_ARGS=--create-db after a migration or a change to the demo).
test-fast: $(STAMP) compilemessages
	$(BIN)/pytest --ds=lms.settings.test -n $(TEST_PROCESSES) --dist worksteal --reuse-db -m "not browser and not worker" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## bench: benchmarks under tests/benchmarks (never part of `make test`).
bench: $(STAMP) compilemessages
	$(BIN)/python -m pytest --ds=lms.settings.test tests/benchmarks -p no:randomly -s $(PYTEST_ARGS)

## messages: refresh the translation catalogues after changing texts.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l sl -l en -l de -l it -l pl -l hu --ignore=.venv --ignore=var --ignore=tests --ignore="*/tests/*"

clean:
	rm -rf var test-artifacts
