#!/usr/bin/env bash
# Runs the benchmarks of an optimised build (scripts/build.sh release first) and prints figures.
#   bench/run.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== journey check on a generated 20,000-line program"
"$build/bench/check_bench" --generate 20000 > "$tmp/gen.journey"
lines=$(wc -l < "$tmp/gen.journey")
/usr/bin/time -f "%e %M" -o "$tmp/time" "$build/journey" check "$tmp/gen.journey"
read -r seconds kb < "$tmp/time"
echo "lines: $lines, wall: ${seconds}s, peak memory: $((kb / 1024)) MiB (whole process, one run)"
"$build/bench/check_bench" --benchmark_min_time=1

echo
echo "== interpreter on 1,000,000 in-memory profiles, against a hand-written C++ loop"
"$build/bench/eval_bench" --benchmark_min_time=1

echo
echo "== journey run of the shop example on 20,000 profiles and 200,000 synthetic records"
echo "   (a quick size: bench/runtime_bench.sh alone runs the full size of the README's figures)"
bench/runtime_bench.sh "$build" 20000 200000

echo
echo "== journey run with records piled on one profile or one instant: how its time grows"
bench/hotspot_bench.sh "$build"

echo
echo "== journey run of a large program: what a record costs as the declarations grow"
bench/program_size_bench.sh "$build"

echo
if command -v valgrind > /dev/null; then
  bench/instruction_budget.sh "$build"
else
  echo "== instructions a record: skipped (bench/instruction_budget.sh needs valgrind)"
fi
