#!/usr/bin/env bash
# The optimised `journey` still prefetches in the store's batch stages: each function listed
# holds at least one prefetch instruction. GCC 12 had silently deleted two of them since they
# were written (vm/runtime/prefetch_hint.h); nothing else would notice, as a missing prefetch
# changes no output, only time.
# usage: tests/prefetch_kept.sh JOURNEY_BINARY
set -euo pipefail
binary=$1
symbols=$(nm -C -S --defined-only "$binary")
failed=0
for function in 'MemoryStore::prefetchJourneyKey' 'MemoryStore::prefetchProfiles' \
                'MemoryStore::prefetchTimers'; do
  # Address and size of the function itself (not a lambda inside it), then its instructions.
  read -r start size < <(grep -F "$function(" <<< "$symbols" | grep -v lambda | head -1 |
                         awk '{ print $1, $2 }') || true
  count=0
  if [[ -n ${start:-} ]]; then
    count=$(objdump -d --no-show-raw-insn --start-address=$((16#$start)) \
              --stop-address=$((16#$start + 16#$size)) "$binary" |
            awk '$2 ~ /^prefetch/ { n++ } END { print n + 0 }')
  fi
  if (( count == 0 )); then
    echo "FAIL: $function holds no prefetch instruction" >&2
    failed=1
  else
    echo "ok: $function: $count prefetch instructions"
  fi
  unset start size
done
exit $failed
