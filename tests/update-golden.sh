#!/usr/bin/env bash
# Rewrites every golden and scenario expectation from the current build; review the diff before committing.
#   tests/update-golden.sh [build-dir] [ctest -R regex]
set -eu
build=${1:-build}
JOURNEY_UPDATE_GOLDEN=1 ctest --test-dir "$build" -R "${2:-golden/|scenario/|example/|repl/}" --output-on-failure
