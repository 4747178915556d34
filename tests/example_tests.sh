#!/usr/bin/env bash
# Runs an example's own tests (`journey test DIR/*_test.journey`) on every engine given: each
# run must pass every test, and the engines must print the same report.
#   tests/example_tests.sh JOURNEY EXAMPLE_DIR ENGINE...
set -u
journey=$1
dir=$2
shift 2
first=""
for engine in "$@"; do
  report=$(cd "$dir" && timeout 300 "$journey" test *_test.journey --engine "$engine" 2>&1)
  status=$?
  echo "== $engine (exit $status)"
  echo "$report"
  if [ "$status" -ne 0 ] || ! grep -Eq '^[1-9][0-9]* passed, 0 failed$' <<<"$report"; then
    echo "FAILED: the tests of $dir do not all pass on $engine"
    exit 1
  fi
  if [ -n "$first" ] && [ "$report" != "$first" ]; then
    echo "FAILED: $engine reports otherwise than the first engine"
    exit 1
  fi
  first=$report
done
