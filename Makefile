# One command to run the app, one to test it; both install what they need first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: setup setup-run run dev build-release test test-rust test-e2e test-api test-fuzz fuzz bench

## Everything building, running and testing need.
setup:
	@scripts/setup.sh

## Only what building and running need (no fuzzer, API tester, browser or their packages).
setup-run:
	@scripts/setup.sh --run

## Build (release) and serve http://127.0.0.1:3000 with SQLite at ./data/archguide.db.
run: build-release
	LEPTOS_ENV=PROD "$${CARGO_TARGET_DIR:-target}/release/archguide"

## Rebuild and reload on every change.
dev: setup-run
	cargo leptos watch

## The release binary (target/release/archguide) and the site (target/site).
build-release: setup-run
	cargo leptos build --release
	node scripts/precompress.mjs target/site/pkg

## Every test: unit, integration, browser tests in Chromium, the API against its OpenAPI
## document, and a short fuzzing run.
test: setup test-rust test-e2e test-api test-fuzz

test-rust:
	cargo leptos test

test-e2e:
	cargo leptos build
	scripts/e2e.sh

test-api:
	cargo leptos build
	scripts/api-contract.sh

test-fuzz:
	scripts/fuzz.sh

## Fuzz each target for 15 minutes (FUZZ_SECONDS to change).
fuzz: setup
	FUZZ_SECONDS=$${FUZZ_SECONDS:-900} scripts/fuzz.sh

## Measure the performance budgets on the release build and write BENCHMARKS.md (about 10 minutes).
bench:
	@scripts/setup.sh --bench
	scripts/bench.sh
