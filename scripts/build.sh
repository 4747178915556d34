#!/usr/bin/env bash
# Configures and builds one build tree: scripts/build.sh [release|asan]
#   release -> build/       optimised (-O2) with line tables, benchmarks included
#   asan    -> build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer at -O0 with line
#                           tables (docs/testing.md), no benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG") ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" -DJOURNEY_SANITIZE=ON -DJOURNEY_BENCHMARKS=OFF) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)"
