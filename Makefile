# Two commands for a fresh machine with only python3:
#   make figures   score the bundled seed article and press corpus, write results/ and figures/
#   make test      run the whole test suite
# With a virtualenv or conda environment active, that environment is used;
# otherwise a private .venv is created, and reused while pyproject.toml is unchanged.

PYTHON ?= python3
# bash, for the process substitution that filters the notebook kernels' stderr below.
SHELL := /bin/bash

ifneq ($(VIRTUAL_ENV),)
ENV_DIR := $(VIRTUAL_ENV)
else ifneq ($(CONDA_PREFIX),)
ENV_DIR := $(CONDA_PREFIX)
else
ENV_DIR := .venv
endif

PY := $(ENV_DIR)/bin/python
# The stamp lives inside the environment, so a new environment reinstalls.
STAMP := $(ENV_DIR)/.stance-installed
EXTRAS ?= dev,notebooks,dask,model,bench
# torch for the encoder: 2.13.0 is the CPU build these machines keep on disk (an unpinned torch
# would pull a CUDA build of several GB); elsewhere, see the README.
TORCH ?= torch==2.13.0

export MPLBACKEND := Agg
export PYTHONHASHSEED := 0

.PHONY: figures test results notebooks benchmarks install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(ENV_DIR)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "$(TORCH)"
	$(PY) -m pip install --quiet -e ".[$(EXTRAS)]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null 2>&1 || true
	@touch $(STAMP)

# The seed article, then the bundled press corpus (1,783 items, about 4 min on 2 cores with
# the default ensemble method; `--method lexicon` would take about 25 s).
results: $(STAMP)
	$(PY) -m stance score data/articles --out results --quiet
	$(PY) -m stance score data/corpora/presidential-press --out results/presidential-press --quiet

figures: results
	$(PY) -m stance figures --results results --out figures
	$(PY) -m stance figures --results results/presidential-press --out figures/presidential-press \
		--freq M --break-date 2022-02-24
	@$(MAKE) --no-print-directory notebooks

# Executed copies of the notebooks, for reading outside Jupyter (figures/notebooks/ is not
# committed). Each runs in a fresh kernel from within notebooks/, so its relative paths hold.
NOTEBOOKS := $(sort $(wildcard notebooks/0*.ipynb))

notebooks: $(STAMP)
	@mkdir -p figures/notebooks
	@set -e; for nb in $(notdir $(NOTEBOOKS)); do \
		echo "executing notebooks/$$nb -> figures/notebooks/$$nb"; \
		$(PY) -m papermill "notebooks/$$nb" "figures/notebooks/$$nb" --cwd notebooks \
			--kernel python3 --no-progress-bar --log-level WARNING \
			2> >(grep -v "running over TCP without encryption" >&2); \
	done

test: $(STAMP)
	$(PY) -m pytest

benchmarks: $(STAMP)
	$(PY) benchmarks/external.py
	$(PY) benchmarks/attribution.py
	$(PY) benchmarks/wikinews.py
	$(PY) benchmarks/realtext.py
	$(PY) benchmarks/agreement.py
	$(PY) benchmarks/scale.py
	$(PY) benchmarks/extraction_linearity.py

clean:
	rm -rf results figures/notebooks .pytest_cache .hypothesis
