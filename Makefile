# One command to run the app, one to test it; both install what they need first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: setup run dev build-release test test-rust test-e2e

setup:
	@scripts/setup.sh

## Build (release) and serve http://127.0.0.1:3000 with SQLite at ./data/archguide.db.
run: setup
	cargo leptos serve --release

## Rebuild and reload on every change.
dev: setup
	cargo leptos watch

## The release binary (target/release/archguide) and the site (target/site).
build-release: setup
	cargo leptos build --release

## Every test: unit, integration, and browser tests in Chromium.
test: setup test-rust test-e2e

test-rust:
	cargo leptos test

test-e2e:
	cargo leptos build
	scripts/e2e.sh
