# The two commands of the README: `make serve` and `make test`. Each sets the machine up first.
SHELL := /bin/bash
# binaryen's wasm-opt (npm, version 132) must come before any system wasm-opt.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup serve build test test-native test-wasm test-e2e check bench

setup:
	@scripts/setup.sh

serve: setup
	trunk serve

build: setup
	trunk build --release

test: setup test-native test-wasm test-e2e

test-native:
	cargo test
	cargo test --features pseudo-locale --lib i18n

test-wasm:
	cargo test --target wasm32-unknown-unknown --no-default-features --features csr
	cargo test --target wasm32-unknown-unknown --no-default-features --features csr,pseudo-locale --test pseudo_locale

test-e2e:
	trunk build --release
	npx playwright test

# Validates a collection file: make check FILE=path/to/articles.json
check:
	cargo run --quiet --bin check-articles -- $(FILE)

# The benchmark against a hand-written page: prints a table, writes bench/out/results.json.
bench: build
	@command -v twiggy >/dev/null || cargo install twiggy --locked
	CHROME_PATH=/usr/bin/chromium node bench/run.mjs
