# The two commands a server owner needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per install: running needs the package only; testing needs the dev extra too.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test install install-dev bench accuracy clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "framework-bot needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)"; exit 1; }
	@echo "Creating $(VENV) and installing framework-bot (first run only) ..."
	@$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@$(PIP) -e .
	@touch $@

$(DEV_STAMP): pyproject.toml $(RUN_STAMP)
	@echo "Installing the development tools (pytest, simcord, ruff, mypy) into $(VENV) ..."
	@$(PIP) -e '.[dev]'
	@touch $@

install: $(RUN_STAMP)

install-dev: $(DEV_STAMP)

run: $(RUN_STAMP)
	@$(BIN)/framework-bot

test: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot
	$(BIN)/pytest

accuracy: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.accuracy --all

bench: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.matching

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
