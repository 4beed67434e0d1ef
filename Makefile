# Two commands a learner or a contributor needs: `make serve` and `make test`. Each makes .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-serial test-year-ahead coverage lint check wheel-check clean

serve: $(VENV)/.installed  ## preview the site at http://127.0.0.1:8000, rebuilt on every change
	$(BIN)/mkdocs serve

build: $(VENV)/.installed  ## build the site into site/, as the publishing workflow does
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed  ## check progress.yaml and the plugin options
	$(BIN)/inpublic check

test: $(VENV)/.installed  ## run every test, on two workers (pytest-xdist), each taking the next test file when it is free
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

test-serial: $(VENV)/.installed  ## run every test in one process, one after another
	$(BIN)/python -m pytest

# No test may read the wall clock: the same suite, with the clock a year ahead (Debian's faketime), must pass too.
test-year-ahead: $(VENV)/.installed  ## run every test again with the clock moved a year ahead
	faketime -f +366d $(BIN)/python -m pytest -p no:cacheprovider

# Lines and branches of plugins/inpublic that the tests run, with the processes they start (pyproject.toml,
# [tool.coverage]); the data goes to build/coverage, `coverage html -d build/coverage/html` shows it line by line.
coverage: $(VENV)/.installed  ## run every test under coverage.py and print the total (lines and branches)
	rm -rf build/coverage && mkdir -p build/coverage
	$(BIN)/python -m coverage run -m pytest -p no:cacheprovider -q -n 2 --dist loadfile --no-loadscope-reorder
	$(BIN)/python -m coverage combine -q
	@echo "coverage of plugins/inpublic, lines and branches: $$($(BIN)/python -m coverage report --format=total)%"

lint: $(VENV)/.installed  ## ruff and mypy --strict, as configured in pyproject.toml
	$(BIN)/ruff check
	$(BIN)/mypy

# The package as a learner installs it: the wheel and sdist built into dist/, the wheel (not the source) installed
# into a clean environment, .venv-wheel, with the pinned versions; that environment's mkdocs builds the example.
# About a minute, most of it installing the dependencies (from pip's cache once fetched); then the same with Zensical.
wheel-check: $(VENV)/.installed  ## build the wheel and sdist, install the wheel in a clean environment, build the example with it
	rm -rf dist .venv-wheel
	$(BIN)/python -m build --no-isolation --outdir dist .  # with the pinned setuptools of .venv: no download
	$(BIN)/python scripts/make_venv.py .venv-wheel
	.venv-wheel/bin/python -m pip install --quiet -c constraints.txt dist/*.whl
	cd / && $(CURDIR)/.venv-wheel/bin/python -c 'import inpublic, sys; sys.exit(0 if "/.venv-wheel/" in inpublic.__file__ else f"inpublic comes from {inpublic.__file__}, not the wheel")'
	.venv-wheel/bin/inpublic --version
	tmp=$$(mktemp -d) && .venv-wheel/bin/mkdocs build --strict --quiet -d "$$tmp/site" && test -f "$$tmp/site/index.html" && rm -rf "$$tmp"
	# the second engine, as docs/inpublic/engines.md says to install it: `pip install zensical`, then inpublic build
	.venv-wheel/bin/python -m pip install --quiet -c constraints.txt zensical
	tmp=$$(mktemp -d) && .venv-wheel/bin/inpublic build --engine zensical --strict -d "$$tmp/site" --cache-dir "$$tmp/cache" \
		&& test -f "$$tmp/site/reports/index.html" && test -f "$$tmp/site/feed.xml" && rm -rf "$$tmp"

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) scripts/make_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) site dist .venv-wheel
