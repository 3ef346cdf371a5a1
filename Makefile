# Liaison: `make run` serves the app with demo data; `make test` runs every check CI runs.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-network test-sqlite test-postgres lint format bench system-packages migrate demo clean

$(BIN)/liaison: pyproject.toml uv.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv sync --frozen --inexact --quiet
	touch $@

migrate: $(BIN)/liaison
	mkdir -p var/static
	$(BIN)/liaison migrate --no-input -v 0

demo: migrate
	$(BIN)/liaison demo

run: demo
	$(BIN)/liaison runserver $(HOST):$(PORT)

system-packages:
	bash scripts/system-packages.sh

test: $(BIN)/liaison system-packages
	bash scripts/test.sh

# The network deployment on loopback (docs/deploy.md): up, tests/network, down.
test-network: $(BIN)/liaison system-packages
	$(BIN)/uv sync --frozen --inexact --quiet --extra network
	bash scripts/network.sh test

lint: $(BIN)/liaison
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(BIN)/liaison
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

bench: $(BIN)/liaison system-packages
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
