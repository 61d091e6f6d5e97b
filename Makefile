# Quick start: `make` builds the datasets from the default source, `make test` runs the tests.
SHELL := /bin/bash
CLI := node bin/kzpp.js
SOURCE ?= odf-2025-02-13-tough-year
# where releases are published, like the CLI's --dist
DIST ?= dist
TS := $(shell find pipeline -name '*.ts') tsconfig.json

.PHONY: all datasets pdf test lint extract schemas check-schemas clean
all: datasets

# npm ci when node_modules is missing or older than the lock file (its prepare script compiles the program).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Compiles only when an input is newer than the build (scripts/build-if-stale.mjs decides, for npm's prepare and the
# tests too): make stats its files before running any recipe, so by its own times it would compile again what npm
# ci's prepare has just compiled (a fresh clone's `make`, and .ci/run's npm ci then make test).
build/.stamp: node_modules/.package-lock.json $(TS)
	@node scripts/build-if-stale.mjs
	@touch $@

## datasets: build $(DIST)/<version>/ from the default source (Markdown); FORMAT=pdf for the PDF; DIST=dir like --dist
datasets: build/.stamp
	$(CLI) build --source $(SOURCE) --dist "$(DIST)" $(if $(FORMAT),--format $(FORMAT))

## test: the whole test suite (the command CI runs); colours only at a terminal, so CI logs stay plain text
## lint runs beside the tests (its output follows theirs): alone it left a core idle for 15 s
test: build/.stamp
	@lint=$$(mktemp); npm run -s lint >"$$lint" 2>&1 & pid=$$!; \
	if [ -t 1 ]; then npx vitest run; else NO_COLOR=1 npx vitest run; fi; tests=$$?; \
	wait $$pid; linted=$$?; echo "lint (npm run -s lint):"; cat "$$lint"; rm -f "$$lint"; \
	[ $$tests -eq 0 ] && [ $$linted -eq 0 ]

## lint: formatting and lint rules (Biome), and type checks over pipeline/, tests/ and bench/ (tsgo, the native TypeScript)
lint: node_modules/.package-lock.json
	npm run -s lint

## extract: make extract INPUT=report.md OUT=dir — any document in the report's format, unversioned
extract: build/.stamp
	@test -n "$(INPUT)" -a -n "$(OUT)" || { echo "usage: make extract INPUT=<file> OUT=<dir>" >&2; exit 2; }
	$(CLI) extract "$(INPUT)" --out "$(OUT)"

## schemas: regenerate schemas/*.schema.json from the zod record definitions
schemas: build/.stamp
	$(CLI) schemas

clean:
	rm -rf build dist

# --- Publishing: checking a downloaded release, the data dictionary ---
.PHONY: verify-release data-dictionary check-data-dictionary
## verify-release: make verify-release DIR=<downloaded release> — check it against its SHA256SUMS and datapackage.json
verify-release: build/.stamp
	@test -n "$(DIR)" || { echo "usage: make verify-release DIR=<release directory>" >&2; exit 2; }
	$(CLI) verify-release "$(DIR)"

## data-dictionary: regenerate docs/data-dictionary.md from the schemas and the data
data-dictionary: build/.stamp
	$(CLI) dictionary

check-data-dictionary: build/.stamp
	$(CLI) dictionary --check

# --- Benchmark (its own target: too slow for make test) ---
.PHONY: bench bench-check bench-suite
## bench: wall time, CPU, peak memory and ratio to the floor (bare node reading the report) of extraction (Markdown, PDF),
## 10x/60x synthetic reports and a 100,000-record diff in both scenarios (vs daff), with the machine's load
bench: build/.stamp
	node bench/bench.mjs

## bench-check: make bench, failing when a case misses its target (extract .md <= 5x floor, .pdf <= 15x, diff < 3 s, < 500 MB)
bench-check: build/.stamp
	node bench/bench.mjs --check

## bench-suite: make test timed against the floor measured before and after it (target: 90 s at a floor of 0.06 s, 1500x)
bench-suite: build/.stamp
	node bench/suite.mjs --check

# --- Versions and diffs: kzpp diff, recording a release, make verify ---
.PHONY: diff bench-diff release verify

## diff: make diff FROM=<release dir or source file> TO=<release dir or source file> OUT=<dir>
diff: build/.stamp
	@test -n "$(FROM)" -a -n "$(TO)" -a -n "$(OUT)" || { echo "usage: make diff FROM=<dir|file> TO=<dir|file> OUT=<dir>" >&2; exit 2; }
	$(CLI) diff "$(FROM)" "$(TO)" --out "$(OUT)"

## bench-diff: time kzpp diff against daff on two synthetic datasets of 100,000 records (both scenarios)
bench-diff: build/.stamp
	node bench/diff.mjs --scenario edits --limit 3
	node bench/diff.mjs --scenario renumbered

## release: build dist/<version>/ and record it (releases/<version>.json, CHANGELOG.md, identity/ledger.json) to commit
release: build/.stamp
	$(CLI) release --source $(SOURCE) --dist "$(DIST)" $(if $(FORMAT),--format $(FORMAT))

## verify: rebuild every recorded release (older ones at their commit) and fail on any byte that differs
verify: build/.stamp
	$(CLI) verify

# --- Limits and bad input: the corpus, fuzzing, measuring the limits ---
.PHONY: corpus fuzz measure-limits
## corpus: the bad-input corpus (tests/corpus/cases.ts) through the CLI
corpus: build/.stamp
	npx vitest run tests/corpus.test.ts

## fuzz: FUZZ_RUNS (default 10000) mutated documents through the pipeline; FUZZ_SEED=n replays a run
fuzz: build/.stamp
	FUZZ_RUNS=$${FUZZ_RUNS:-10000} npx vitest run tests/fuzz.test.ts

## measure-limits: time and peak memory of refusing inputs at the limits (the figures in docs/limits.md)
measure-limits: build/.stamp
	node bench/limits.mjs

# --- issue #17: the release as a website ---
.PHONY: site serve
## site: rebuild the release, its website dist/<version>/site/ included (open dist/<version>/site/index.html)
site: datasets

## serve: preview the latest release's website on http://127.0.0.1:8017/ (loopback only; Ctrl-C stops)
serve: build/.stamp
	$(CLI) serve $(if $(DIR),"$(DIR)")
