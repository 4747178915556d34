#!/usr/bin/env bash
# Configures and builds one build tree: scripts/build.sh [release|asan]
#   release -> build/       optimised with debug info, benchmarks included
#   asan    -> build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, no benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DJOURNEY_SANITIZE=ON -DJOURNEY_BENCHMARKS=OFF) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)"
