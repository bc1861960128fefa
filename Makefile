# The two commands of the README: `make site` builds public/, `make test` runs every test.
# Both install missing system packages first (as root; otherwise they say what to install).

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
HUBSITE_DEBUG := .build/debug/hubsite
HUBSITE_RELEASE := .build/release/hubsite
# The Swift runtime and Foundation linked in, and jemalloc as malloc (see .ci/release-build).
RELEASE_BUILD := SWIFT=$(SWIFT) .ci/release-build

.PHONY: site test unit serve check reload-latency bench fuzz stress leaks dist dist-check clean

site:
	@.ci/install-deps site
	$(RELEASE_BUILD)
	$(HUBSITE_RELEASE) build

test:
	@.ci/install-deps test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/swift-test.log
	python3 Tests/gates/run_gates.py --hubsite $(HUBSITE_DEBUG) --swift-log .build/swift-test.log

# Unit and integration tests only, without the browser and validator gates.
unit:
	@.ci/install-deps site
	$(SWIFT) test

# Local preview with live reload: http://127.0.0.1:8080/ (never writes public/).
serve:
	@.ci/install-deps site
	$(SWIFT) build --product hubsite
	$(HUBSITE_DEBUG) serve

# Median time from a saved file to the page's reload event, over 20 edits.
reload-latency:
	@.ci/install-deps site
	$(RELEASE_BUILD)
	python3 Tests/serve/reload_latency.py --hubsite $(HUBSITE_RELEASE)

# Build speed against Hugo, cmark's floor and the dependencies' floor (installs Hugo; on the disk and on tmpfs, first builds and rebuilds, about 15 minutes).
bench:
	@.ci/install-deps site
	$(RELEASE_BUILD)
	python3 Tests/bench/run.py

# libFuzzer targets with AddressSanitizer, side by side, FUZZ_SECONDS each (default 600): about 12 minutes.
fuzz:
	@.ci/install-deps site
	Tests/fuzz/run.sh

# hubsite serve under wrk load, edits, malformed, slow and 19,000 idle clients, 404s on 50,000 pages;
# then a 20 MB page and a 5 MB line.
stress:
	@.ci/install-deps site
	$(RELEASE_BUILD)
	python3 Tests/hardening/stress.py
	python3 Tests/hardening/big_input.py --hubsite $(HUBSITE_RELEASE)

# A full build of the real site under AddressSanitizer's leak checker: every cmark node,
# parser and iterator freed. (Debian's valgrind 3.19 cannot read Swift 6.3's DWARF 5.)
leaks:
	@.ci/install-deps site
	$(SWIFT) build -c release --sanitize=address --scratch-path .build-asan --product hubsite
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/fuzz/lsan-suppressions.txt .build-asan/release/hubsite build --output .build/leak-check-public

# The release: dist/hubsite-VERSION-linux-x86_64.tar.xz, dist/hubsite_VERSION_amd64.deb, SHA256SUMS.
dist:
	@.ci/install-deps dist
	SWIFT=$(SWIFT) .ci/dist

# The release on a minimal Debian without Swift (debootstrap, as root): the .deb installed with
# apt and the tarball unpacked each build this repository, check it, serve it, roll it over.
dist-check:
	@.ci/install-deps dist
	SWIFT=$(SWIFT) .ci/dist-check

check:
	@.ci/install-deps site
	$(SWIFT) build --product hubsite
	$(HUBSITE_DEBUG) check

clean:
	rm -rf .build screenshots dist
