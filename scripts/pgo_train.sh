#!/usr/bin/env bash
# The training run of a profile-guided build (scripts/build.sh pgo): an instrumented `journey`
# simulates every scenario of the test corpus and every example with both engines, then the
# shop example on 20,000 synthetic profiles and 200,000 records, so that the counts it leaves
# weigh the runtime's paths as a long simulation does (bench/README.md).
#   scripts/pgo_train.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "$1" && pwd)
journey=$build/journey
for dir in tests/scenarios/*/; do
  args=""
  [[ -f $dir/args ]] && args=$(cat "$dir/args")
  for engine in interp jit; do
    # shellcheck disable=SC2086  # `args` holds several flags
    (cd "$dir" && "$journey" run ./*.journey --profiles profiles.jsonl --events events.jsonl \
      --engine "$engine" $args > /dev/null 2>&1) || true  # some scenarios end in errors
  done
done
for dir in examples/*/; do
  programs=()
  for file in "$dir"*.journey; do
    [[ $file == *_test.journey ]] || programs+=("$file")
  done
  for engine in interp jit; do
    "$journey" run "${programs[@]}" --profiles "$dir/profiles.jsonl" \
      --events "$dir/events.jsonl" --engine "$engine" > /dev/null 2>&1
  done
  (cd "$dir" && "$journey" test ./*_test.journey > /dev/null)
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgo_train.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$build/bench/journey_datagen" --profiles 20000 --events 200000 --seed 2 \
  --out-profiles "$tmp/profiles.jsonl" --out-events "$tmp/events.jsonl" 2> /dev/null
"$journey" run examples/shop/shop.journey examples/shop/recovery.journey \
  --profiles "$tmp/profiles.jsonl" --events "$tmp/events.jsonl" > /dev/null 2>&1
