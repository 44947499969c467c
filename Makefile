# Every target sets itself up: `make test` on a fresh machine creates .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Where no CUDA driver is present, take the CPU build of torch that lies on disk here.
# Override with `make TORCH_SPEC='torch==2.11.0' test` (or TORCH_SPEC= to keep what pip picks).
HAS_CUDA   := $(shell command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1 && echo 1)
TORCH_SPEC ?= $(if $(HAS_CUDA),,torch==2.13.0)
# The transformers release the oracle tests and coverage report were proven on (CI stays
# reproducible); the package itself accepts any 5.x (the GPU machine runs 5.17).
TRANSFORMERS_SPEC ?= transformers==5.24.0
# The kvarch[max] extra (MAX 26.7: ~0.8 GB, ~16 s to install) for `make test-max`, which checks
# kvarch against MAX's own configs; `make MAX_EXTRA= test` leaves MAX out (docs/max.md's
# examples are then skipped).
MAX_EXTRA ?= ,max

.PHONY: setup generate check test test-max lint bench coverage demo clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@echo "setup: creating $(VENV) (first run only; about 3 minutes in all)"
	$(PYTHON) -m venv $(VENV)
	@echo "setup: 1/4 upgrading pip"
	$(BIN)/python -m pip install -q --upgrade pip
	@echo "setup: 2/4 installing $(or $(TORCH_SPEC),torch) (the largest download, 1-2 minutes)"
	$(if $(TORCH_SPEC),$(BIN)/python -m pip install -q "$(TORCH_SPEC)")
	@echo "setup: 3/4 installing $(TRANSFORMERS_SPEC) (under a minute)"
	$(if $(TRANSFORMERS_SPEC),$(BIN)/python -m pip install -q "$(TRANSFORMERS_SPEC)")
	@echo "setup: 4/4 installing kvarch, its dev tools and MAX (editable; under a minute)"
	$(BIN)/python -m pip install -q -e '.[dev$(MAX_EXTRA)]'
	@echo "setup: done"
	touch $@

generate: setup
	@echo "generate: compiling schemas/*.yaml into generated/"
	$(BIN)/python -m generator generate
	@echo "generate: running a tiny model on the paged cache (python -m kvarch.demo)"
	$(BIN)/python -m kvarch.demo

check: setup
	$(BIN)/python -m generator check

test: setup
	KVARCH_WITHOUT_MAX=$(if $(MAX_EXTRA),0,1) $(BIN)/python -m pytest -q

# Importing MAX changes the test process for good (tests/test_integration_max.py says how):
# its tests get a process of their own.
test-max: setup
	KVARCH_MAX_TESTS=1 $(BIN)/python -m pytest -q tests/test_integration_max.py

lint: setup
	$(BIN)/ruff check kvarch generator generated tests benchmarks
	$(BIN)/ruff format --check kvarch generator generated tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m benchmarks

coverage: setup
	$(BIN)/kvarch coverage

demo: setup
	$(BIN)/python -m kvarch.demo

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
