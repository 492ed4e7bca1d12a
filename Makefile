# The two commands of the README: `make serve` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench chromium java npm

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The benchmarks' own extras: mkdocs-ezglossary (built side by side with ours) and pypdfium2 (the README's pictures).
$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

# Debian's Chromium drives the browser tests; Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian's packages..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Java runs the Nu HTML validator (tests/browser/test_gates_html.py). Debian's slim images lack the man folder
# that the JRE's package links into, which makes its install fail: create it first.
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Java from Debian's packages..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO mkdir -p /usr/share/man/man1; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

# npm installs the test tools pinned in package-lock.json: the Nu HTML validator, and Apache Annotator with
# esbuild to bundle it, which re-anchors the exported Web Annotations in the browser.
npm:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing npm from Debian's packages..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }

# --ignore-scripts: vnu-jar's install script only fetches a Java runtime from GitHub when it finds none, which cannot
# work here; the `java` target installs Debian's.
$(NODE_STAMP): package.json package-lock.json | npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium java $(NODE_STAMP)
	$(BIN)/pytest

# Benchmarks (not tests): results and how to read them are in bench/README.md. Lighthouse (npm) drives Chromium.
bench: $(BENCH_STAMP) chromium $(NODE_STAMP)
	$(BIN)/python bench/run.py
