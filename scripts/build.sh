#!/usr/bin/env bash
# Configures and builds one build tree: scripts/build.sh [release|asan|pgo]
#   release -> build/       optimised (-O2) with line tables, benchmarks included
#   asan    -> build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer at -O0 with line
#                           tables (docs/testing.md), no benchmarks
#   pgo     -> build-pgo/   `journey` and the data generator optimised with the counts of a
#                           training run (profile-guided, bench/README.md): an instrumented
#                           build, scripts/pgo_train.sh, the final build, then every scenario
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG") ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1"
        -DJOURNEY_SANITIZE=ON -DJOURNEY_BENCHMARKS=OFF) ;;
  pgo) dir=build-pgo ;;
  *) echo "usage: scripts/build.sh [release|asan|pgo]" >&2; exit 2 ;;
esac
if [[ $kind == pgo ]]; then
  # One tree for both builds: the counts are named after the object files' paths.
  counts=$PWD/$dir/profile
  optimised="-O2 -g1 -DNDEBUG"
  configure() {
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$optimised $1" > /dev/null
  }
  rm -rf "$counts"
  configure "-fprofile-generate=$counts -fprofile-update=prefer-atomic"
  ninja -C "$dir" -j"$(nproc)" journey journey_datagen
  scripts/pgo_train.sh "$dir"
  # Code the training never ran is optimised as usual, not for size; counts left by an older
  # source (a tree rebuilt after an edit) only warn.
  configure "-fprofile-use=$counts -fprofile-partial-training -Wno-missing-profile \
-Wno-error=coverage-mismatch"
  ninja -C "$dir" -j"$(nproc)" journey journey_datagen
  for scenario in tests/scenarios/*/; do
    for engine in interp jit; do
      bash tests/scenario.sh "$PWD/$dir/journey" "$scenario" $engine > /dev/null ||
        { echo "build.sh: the profile-guided journey fails $scenario ($engine)" >&2; exit 1; }
    done
  done
  exit 0
fi
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)"
