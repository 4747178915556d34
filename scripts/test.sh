#!/usr/bin/env bash
# Quick start 2: installs what is missing, builds, and runs the whole test suite twice: in the
# optimised build, then in the ASan+UBSan build. Ends with `N passed, M failed` over both.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

passed=0; failed=0
run_suite() {  # run_suite KIND: build and test one tree, adding to the totals
  local kind=$1 dir log
  dir=$([ "$kind" = release ] && echo build || echo build-asan)
  echo "== $kind build"
  if ! scripts/build.sh "$kind"; then
    echo "$kind build failed"; failed=$((failed + 1)); return
  fi
  echo "== $kind tests"
  log=$(mktemp)
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$dir" -j"$(nproc)" --output-on-failure --timeout 600 2>&1 | tee "$log"
  # ctest: "97% tests passed, 1 tests failed out of 40"
  local line total bad
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
  else
    bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + total - bad)); failed=$((failed + bad))
  fi
  rm -f "$log"
}

run_suite release
run_suite asan
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
