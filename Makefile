# tlsgui: `make run` opens the app on the demo project, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# The venv is rebuilt when the dependencies change.
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test venv system-deps ui bench fuzz clean

run: $(STAMP) system-deps
	$(PY) -m tlsgui

test: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "tlsgui needs Python 3.11 or newer"; exit 1; }
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || { echo "Install python3-venv (apt-get install python3-venv) and retry"; exit 1; }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

system-deps:
	@sh packaging/system-deps.sh qt

# Regenerate tlsgui/forms/ from ui/*.ui (the generated modules are committed).
ui: $(STAMP)
	$(PY) packaging/build_ui.py

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(PY) -m pytest tests -k fuzz

clean:
	rm -rf $(VENV) build dist *.egg-info
