# Two commands on a fresh machine: `make serve` and `make test`.
# VENV=/path/to/venv puts the virtual environment elsewhere.

VENV ?= .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.package-lock.json
HOST ?= 127.0.0.1
PORT ?= 8000

# Material and MkDocs print a long notice about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Some machines switch off Python's compiled-module cache (__pycache__/, ignored by git). Every
# build and every test worker is a new Python process, which then compiles all code again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve build check diff schema hooks test test-ruim audit bench clean

# Only Python and make: `make check`, `make diff` and `make serve` work on Linux, macOS and
# Windows (WSL) without root. The PDF's system libraries are installed where the PDF must be
# drawn for publishing (`make build`, `make test`); `make serve` says in Dutch when they are missing.
$(INSTALLED): requirements.txt requirements-dev.txt constraints.txt
	@command -v python3 >/dev/null 2>&1 || { echo "Python 3.11 ontbreekt op deze computer. Installeer het (https://www.python.org) en typ het commando opnieuw." >&2; exit 1; }
	@if test -x $(PYTHON); then echo "De Python-omgeving in $(VENV) wordt bijgewerkt (de lijst met pakketten is veranderd)..."; \
	else echo "Eenmalig: de Python-omgeving wordt klaargezet in $(VENV) (een paar minuten)..." && \
	{ python3 -m venv $(VENV) || { rm -rf $(VENV); echo "Python kon de omgeving in $(VENV) niet maken. Op Debian of Ubuntu (ook in WSL) ontbreekt dan het pakket python3-venv: vraag het aan je beheerder, of gebruik de dev container (CONTRIBUTING.md)." >&2; exit 1; }; }; fi
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	@touch $@
	@echo "De Python-omgeving in $(VENV) is klaar."

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

AUDIT_INSTALLED := tools/audit/node_modules/.package-lock.json
$(AUDIT_INSTALLED): tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --ignore-scripts --no-audit --no-fund --loglevel=error

serve: $(INSTALLED)  ## build the site and serve it on http://127.0.0.1:8000 with live reload
	$(PYTHON) -m mkdocs serve --strict -a $(HOST):$(PORT)

build: $(INSTALLED)  ## validate, then strict build; site/ is replaced only by a complete site
	@tools/install-system-deps --pdf  # the libraries WeasyPrint needs for the programme PDF, where it can install them
	$(PYTHON) tools/build

check: $(INSTALLED)  ## validate the data only
	$(PYTHON) -m macros.view.check

BASE ?= main
diff: $(INSTALLED)  ## what the data in the working tree changes on the site, against BASE (a git revision, or vastgesteld)
	@$(PYTHON) -m macros.changes $(BASE)

schema: $(INSTALLED)  ## regenerate the editor schemas in schema/ after changing macros/data/models/
	$(PYTHON) -m macros.data.schema

hooks: $(INSTALLED)  ## run `make check` before each git commit (pre-commit, installed in the venv)
	$(PYTHON) -m pre_commit install

test: $(INSTALLED) $(NODE_INSTALLED)  ## every test, browser tests included
	tools/install-system-deps
	$(PYTHON) -m pytest

test-ruim: $(INSTALLED) $(NODE_INSTALLED)  ## many more generated content states than make test (every page, every width; ~30 min); a failure it finds is stored in tests/generated_states/ for make test
	tools/install-system-deps
	EKD_RUIM=1 $(PYTHON) -m pytest -n 0 -p no:cacheprovider tests/test_generated_states.py tests/browser/test_generated_pages.py

audit: $(INSTALLED) $(AUDIT_INSTALLED)  ## Lighthouse scores of three pages (not part of make test: scores move)
	tools/install-system-deps
	$(PYTHON) tools/audit.py

bench: $(INSTALLED)  ## the real site and 100 opgaven against bare Material, the PDF at 100 opgaven, make serve after an edit (~10 min; writes bench/RESULTS.md)
	$(PYTHON) bench/run.py

clean:  ## also removes .site-build-*/.site-old-* left by a build that was killed
	rm -rf site .site-build-* .site-old-* .pytest_cache
