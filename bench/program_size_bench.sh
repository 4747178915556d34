#!/usr/bin/env bash
# How `journey run` scales with the size of the program: the same number of records through a
# program of K event types, K journeys and K audiences, for a small K and a large one, where
# each record still concerns one journey and one audience (journey Jk enters on Ek, audience
# Ak counts Ek's history). Work that grows with the records alone gives a ratio of about 1;
# work that looks at every journey or audience at each record, about the ratio of the Ks.
#   bench/program_size_bench.sh [build-dir [records [small-K [large-K]]]]
# Defaults: 200,000 records of 100 profiles, K = 10 and 1,000. The baseline, measured in the
# same run, is the large program's schema and events alone on the same records.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/best_user_seconds.sh
build=${1:-build}
records=${2:-200000}
small=${3:-10}
large=${4:-1000}
journey=$build/journey
[[ -x $journey ]] || { echo "program_size_bench: $journey is missing: build it" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# program K FILE [declarations-only]
program() {
  awk -v k="$1" -v bare="${3:-}" 'BEGIN {
    print "schema Profile { id: string }"
    for (i = 0; i < k; ++i) printf "event E%d retain 1d { n: int }\n", i
    if (bare) exit
    for (i = 0; i < k; ++i) printf "audience A%d = size(history(E%d, 1h)) > 2\n", i, i
    for (i = 0; i < k; ++i) {
      printf "journey J%d {\n  entry on E%d as e when e.n %% 97 == 0\n  end\n}\n", i, i
    }
  }' > "$2"
}
program "$small" "$tmp/small.journey"
program "$large" "$tmp/large.journey"
program "$large" "$tmp/baseline.journey" bare
awk 'BEGIN { for (i = 0; i < 100; ++i) printf "{\"id\": \"p%d\"}\n", i }' > "$tmp/profiles.jsonl"
# records FILE K: `records` events, a second apart, of profiles and event types in turn, each
# event type one of the first `small` scaled up to K (so both programs see the same mix).
records_of() {
  awk -v count="$records" -v k="$2" -v small="$small" 'BEGIN {
    for (i = 0; i < count; ++i) {
      s = i; d = int(s / 86400); s -= d * 86400
      e = (i * 7 % small) * int(k / small)
      printf "{\"time\": \"2026-01-%02dT%02d:%02d:%02dZ\", ",
             d + 1, int(s / 3600), int(s % 3600 / 60), s % 60
      printf "\"profile\": \"p%d\", \"event\": \"E%d\", \"data\": {\"n\": %d}}\n", i % 100, e, i
    }
  }' > "$1"
}
records_of "$tmp/small.jsonl" "$small"
records_of "$tmp/large.jsonl" "$large"

# seconds PROGRAM RECORDS: the user CPU time of its run, best of three.
seconds() {
  best_user_seconds "$journey" run "$1" --profiles "$tmp/profiles.jsonl" --events "$2" \
    --threads 1 --out /dev/null
}

base=$(seconds "$tmp/baseline.journey" "$tmp/large.jsonl")
small_s=$(seconds "$tmp/small.journey" "$tmp/small.jsonl")
large_s=$(seconds "$tmp/large.journey" "$tmp/large.jsonl")
awk -v r="$records" -v ks="$small" -v kl="$large" -v b="$base" -v s="$small_s" -v l="$large_s" \
  'BEGIN {
    printf "%d records; baseline (the %d-event schema alone): %.2f s\n", r, kl, b
    printf "K = %-6d %.2f s\nK = %-6d %.2f s\n", ks, s, kl, l
    printf "large / small: %.2f (the Ks differ %d times)\n", (s > 0 ? l / s : 0), kl / ks
  }'
