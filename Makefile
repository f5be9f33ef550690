# The two commands of the README:
#   make report   set up .venv/ and render the seed article's report (seed vs the embedded corpus)
#   make test     set up .venv/ (and headless Chromium) and run the linter, the type checker and the whole test suite
# Both start from nothing on a fresh clone.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: report test setup browser lint typecheck clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --prefix $(VENV) --name python3 --display-name "Python 3 (framing-analysis)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	$(VENV)/bin/framing report

browser:
	bash scripts/install_browser.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests benchmarks scripts notebooks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: $(STAMP) browser lint typecheck
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
