# The two commands: `make run` and `make test`. Everything else is a step they take.
SHELL := /bin/bash
BUILD ?= build
TEST_BUILD ?= build-test
FUZZ_BUILD ?= build-fuzz
FUZZ_RUNS ?= 1000000
FUZZ_SECONDS ?= 15
JOBS ?= $(shell nproc)
DB ?= sqlite:weltcampus.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test deps node-deps build test-build fuzz-build web unit-tests api-tests web-tests e2e-tests \
	fuzz fuzz-tests bench soak security clean

run: deps build web
	@if [ ! -f weltcampus.db ] && [ "$(DB)" = "sqlite:weltcampus.db" ]; then \
	  echo "Creating the demo database weltcampus.db ..."; \
	  $(BUILD)/weltcampus --db "$(DB)" demo; \
	else \
	  $(BUILD)/weltcampus user demo-accounts; \
	fi
	@echo
	@echo "Weltcampus is starting on http://$(LISTEN)  (stop it with Ctrl+C); sign in with an account above."
	@echo
	$(BUILD)/weltcampus --db "$(DB)" serve --listen "$(LISTEN)" --web web/dist

# The suites run in two lanes side by side (scripts/test-lanes.sh; WELTCAMPUS_TEST_SERIAL=1 for one
# after the other): unit-tests, api-tests, fuzz-build then fuzz-tests, and web-tests then e2e-tests
# (the fuzzers compile while the browser tests run, which take longer than the C++ lane).
test: deps test-build web
	@MAKE="$(MAKE)" bash scripts/test-lanes.sh
	@echo "All test suites passed."

deps:
	@bash scripts/install-deps.sh
	@$(MAKE) --no-print-directory node-deps

# npm ci only when the lock file changed since the last install; tried a second time after a pause,
# since a registry connection that goes idle ends the first with EIDLETIMEOUT (seen on 2 Dec 2026).
node-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund || { echo "npm ci failed; trying once more in 10 s"; sleep 10; npm ci --no-audit --no-fund; }
	@touch $@

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWELTCAMPUS_TESTS=OFF
	cmake --build $(BUILD) -j $(JOBS) --target weltcampus

# Tests run on a build with AddressSanitizer and UndefinedBehaviorSanitizer.
test-build:
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWELTCAMPUS_SANITIZE=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)

# The libFuzzer harnesses (fuzz/, README "Fuzzing"): clang++, with AddressSanitizer and
# UndefinedBehaviorSanitizer, only the libraries the parsers are in.
fuzz-build:
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DWELTCAMPUS_FUZZ=ON -DWELTCAMPUS_TESTS=OFF
	# Niced: in make test it runs in the C++ lane beside the browser tests, which must not starve.
	nice -n 10 cmake --build $(FUZZ_BUILD) -j $(JOBS) --target weltcampus_fuzzers

web:
	npm run build

# The unit tests run as one process per core (tests/unit/run.sh); `ctest` in the build folder runs
# them one process per test, as an IDE does. The store's unit tests run on SQLite and on a
# throwaway PostgreSQL server.
unit-tests:
	bash tests/unit/run.sh $(TEST_BUILD)

api-tests:
	bash tests/api/run.sh $(TEST_BUILD)

web-tests:
	npm run test:unit

e2e-tests:
	WELTCAMPUS_BIN=$(TEST_BUILD)/weltcampus npm run test:e2e

# Every harness FUZZ_RUNS (a million) executions, side by side; `make test` runs each briefly.
fuzz: deps fuzz-build
	bash fuzz/run.sh $(FUZZ_BUILD) --runs $(FUZZ_RUNS)

fuzz-tests:
	bash fuzz/run.sh $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS)

bench:
	bash bench/run.sh

# The outside probe and sqlmap against the sanitizer build (tests/security/run.sh).
security: deps test-build web
	bash scripts/install-deps.sh sqlmap
	bash tests/security/run.sh $(TEST_BUILD)

# Ten minutes of mixed reads and writes at 64 connections on the release server (bench/soak.sh).
soak: deps build web
	bash bench/soak.sh --build $(BUILD)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD) web/dist
