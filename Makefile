# The two commands of the README: `make run` and `make test`.
# Both create .venv and install Sohoa into it first (again when pyproject.toml
# changes). DATA_DIR=… runs the app on another station's data directory.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# `make run` opens this station; on first use it is filled with demo data.
DATA_DIR ?= $(CURDIR)/.station

.PHONY: run test lint format translations bundle clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(INSTALLED)

run: $(INSTALLED)
	test -e "$(DATA_DIR)/sohoa.sqlite3" || $(BIN)/sohoa demo --data-dir "$(DATA_DIR)"
	$(BIN)/sohoa --data-dir "$(DATA_DIR)"

test: $(INSTALLED) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist loadfile --durations=15

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The Linux bundle (packaging/README.md): built, then checked by its own
# --self-test offscreen, then packed in dist/ (not with ARCHIVE=no).
ARCHIVE ?= yes
bundle: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e ".[bundle]"
	PYTHON=$(BIN)/python ARCHIVE=$(ARCHIVE) packaging/linux/build.sh

# After changing UI strings: refresh the .ts, translate, then compile the .qm.
translations: $(INSTALLED)
	$(BIN)/pyside6-lupdate $(shell find ui -name '*.py') -no-obsolete -source-language en -target-language vi \
		-ts resources/translations/sohoa_vi.ts
	$(BIN)/pyside6-lrelease resources/translations/sohoa_vi.ts \
		-qm resources/translations/sohoa_vi.qm
	$(BIN)/pyside6-lrelease resources/translations/qt_vi.ts -qm resources/translations/qt_vi.qm

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist
