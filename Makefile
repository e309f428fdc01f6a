# tlsgui: `make run` opens the app on the demo project, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
LOCK := requirements/lock.txt
# The venv is rebuilt when the dependencies or their pinned versions change.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
# sslyze (the parity tests' and the bench's scanner) lives in its own venv: it caps cryptography below the
# version the app pins. `make scanners` builds it from requirements/scanners.txt (`make lock` refreshes that).
SCANNERS ?= .venv-scanners
SCANNERS_LOCK := requirements/scanners.txt
SCANNERS_COMPILE := $(PY) -m piptools compile -q --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
	-o $(SCANNERS_LOCK) requirements/scanners.in
SCANNERS_STAMP := $(SCANNERS)/.installed-$(shell cat $(SCANNERS_LOCK) | cksum | cut -d' ' -f1)
# pip-compile writes every package the app, its tests, lint and the installer build install, pinned.
COMPILE := $(PY) -m piptools compile -q --extra test --extra lint --extra package --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

.PHONY: run test lint venv scanners system-deps ui bench fuzz clean lock upgrade-deps

run: $(STAMP) system-deps
	$(PY) -m tlsgui

test: $(STAMP) $(SCANNERS_STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

venv: $(STAMP)

scanners: $(SCANNERS_STAMP)

$(SCANNERS_STAMP): $(SCANNERS_LOCK)
	@[ -x $(SCANNERS)/bin/python ] || $(PYTHON) -m venv $(SCANNERS)
	$(SCANNERS)/bin/python -m pip install -qq --upgrade pip
	$(SCANNERS)/bin/python -m pip install -qq -r $(SCANNERS_LOCK)
	@rm -f $(SCANNERS)/.installed-*
	@touch $@

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "tlsgui needs Python 3.11 or newer"; exit 1; }
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || { echo "Install python3-venv (apt-get install python3-venv) and retry"; exit 1; }
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -c $(LOCK) -e '.[test,lint]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# ruff (pyflakes, isort, bugbear, S108, unused noqa) over everything; mypy over the layers in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# `make lock` pins what pyproject.toml asks for (after adding a dependency); `make upgrade-deps` moves every
# pin to the newest release pyproject.toml allows. Both rewrite $(LOCK); review the diff, then `make test`.
lock: $(STAMP)
	$(PY) -m pip install -q pip-tools
	$(COMPILE)
	$(SCANNERS_COMPILE)

upgrade-deps: $(STAMP)
	$(PY) -m pip install -q pip-tools
	$(COMPILE) --upgrade
	$(SCANNERS_COMPILE) --upgrade

system-deps:
	@sh packaging/system-deps.sh qt

# Regenerate tlsgui/forms/ from ui/*.ui and tlsgui/model/settings_values.py from the option table
# (the generated modules are committed; tests fail when they are stale).
ui: $(STAMP)
	$(PY) packaging/build_ui.py
	$(PY) packaging/build_settings.py

bench: $(STAMP) $(SCANNERS_STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(PY) -m pytest tests -k fuzz
	TLSGUI_KILL_SWEEP=full $(PY) -m pytest tests/reliability/test_kill_sweep.py -q -s

clean:
	rm -rf $(VENV) $(SCANNERS) build dist *.egg-info

# Desktop installer (packaging/README.md): `make package` builds dist/tlsgui_<version>_<arch>.deb;
# `make package-test` installs it and smoke-tests the frozen app (a few minutes; not part of `make test`).
PKG_STAMP := $(VENV)/.package-$(shell cksum pyproject.toml | cut -d' ' -f1)
.PHONY: package package-test

package: $(PKG_STAMP) system-deps
	@sh packaging/system-deps.sh package
	$(PY) packaging/build_deb.py

package-test: package
	bash packaging/package_test.sh

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install -qq -c $(LOCK) -e '.[package]'
	@rm -f $(VENV)/.package-*
	@touch $@
