#!/usr/bin/env bash
# `journey audience` in batch (issue 8) against DuckDB reading the same NDJSON.
#   bench/audience_bench.sh [build-dir [profiles]]
# Defaults: build, 10,000,000 profiles of the shop's schema (journey_datagen; about 2.8 GB,
# under TMPDIR). Needs node and npm (DuckDB's Node client, @duckdb/node-api, is installed from
# the npm registry into a temporary folder).
#
# Runs, each timed (wall, user + system CPU):
#   parse         `journey audience` of the shop's schema without audiences, one thread: reading
#                 and parsing the profiles and writing a row each: the baseline
#   five          the five audiences of bench/audience_bench.journey, one thread, with the
#                 interpreter, then with the JIT, then on every core (the default engine)
#   first-interp  GoldEmail alone, one thread, CSV, with the interpreter
#   first         GoldEmail alone, one thread, CSV, the default engine (auto: the JIT once
#                 the profiles are many enough): the rule DuckDB runs
#   duckdb        DuckDB (threads = 1) computing GoldEmail as SQL from the same file into CSV
#                 (first and duckdb run alternately, ROUNDS times, 3 by default: the medians)
#   *-fixed       first and duckdb on a file of one profile: their fixed costs
# and checks that `first` and `duckdb` wrote the same rows.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
profiles=${2:-${PROFILES:-10000000}}
at=2026-03-01T00:00:00Z
for f in "$build/journey" "$build/bench/journey_datagen"; do
  [[ -x $f ]] || { echo "audience_bench: $f is missing: scripts/build.sh release" >&2; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/audience_bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# measure NAME COMMAND…: "wall cpu" seconds into $tmp/NAME.time; stdout discarded.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/$name.raw" "$@" > /dev/null 2> "$tmp/$name.err" || {
    cat "$tmp/$name.err" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/$name.raw" > "$tmp/$name.time"
}
cpu() { awk '{ print $2 }' "$tmp/$1.time"; }
wall() { awk '{ print $1 }' "$tmp/$1.time"; }

echo "== journey audience on $profiles profiles, against DuckDB"
"$build/bench/journey_datagen" --profiles "$profiles" --events 0 --seed 1 \
  --out-profiles "$tmp/profiles.jsonl" --out-events /dev/null 2> /dev/null
sync  # the file's pages written back now, not during the first measured run
echo "profiles: $(($(stat -c %s "$tmp/profiles.jsonl") / 1000000)) MB of NDJSON"
audience=("$build/journey" audience --at "$at" --profiles "$tmp/profiles.jsonl")
five=(--audience GoldEmail --audience FrenchVips --audience HighValue --audience Reachable
      --audience RecentBuyers)

measure parse "${audience[@]}" bench/shop_no_journeys.journey --threads 1
measure five "${audience[@]}" bench/audience_bench.journey "${five[@]}" --threads 1 \
  --engine interp
measure five-jit "${audience[@]}" bench/audience_bench.journey "${five[@]}" --threads 1 \
  --engine jit
measure five-all-cores "${audience[@]}" bench/audience_bench.journey "${five[@]}"
measure first-interp "${audience[@]}" bench/audience_bench.journey --audience GoldEmail \
  --format csv --threads 1 --engine interp --out /dev/null
(cd "$tmp" && npm init -y > /dev/null && npm install --silent @duckdb/node-api@1.5.6-r.1 > /dev/null)
cp bench/audience_duckdb.mjs "$tmp/"
# GoldEmail against DuckDB, alternately, $ROUNDS times (default 3): the machine's speed drifts
# by a tenth or more from one minute to the next, so each side's median is compared.
rounds=${ROUNDS:-3}
for round in $(seq "$rounds"); do
  measure "first-$round" "${audience[@]}" bench/audience_bench.journey --audience GoldEmail \
    --format csv --threads 1 --out "$tmp/journey.csv"
  measure "duckdb-$round" node "$tmp/audience_duckdb.mjs" "$tmp/profiles.jsonl" "$tmp/duckdb.csv" 1
done
# median NAME: the round of NAME with the median CPU time becomes NAME's time.
median() {
  local pick
  pick=$(for round in $(seq "$rounds"); do echo "$(cpu "$1-$round") $round"; done | sort -g |
         awk -v n="$rounds" 'NR == int((n + 1) / 2) { print $2 }')
  cp "$tmp/$1-$pick.time" "$tmp/$1.time"
}
median first
median duckdb
# The fixed costs (starting the process, compiling the program; for DuckDB, Node.js and its
# instance), on a file of one profile: at small sizes they weigh on the comparison.
head -n 1 "$tmp/profiles.jsonl" > "$tmp/one.jsonl"
measure first-fixed "$build/journey" audience --at "$at" --profiles "$tmp/one.jsonl" \
  bench/audience_bench.journey --audience GoldEmail --format csv --threads 1 --out /dev/null
measure duckdb-fixed node "$tmp/audience_duckdb.mjs" "$tmp/one.jsonl" "$tmp/one.csv" 1
if ! cmp -s <(tail -n +2 "$tmp/journey.csv" | sort) <(tail -n +2 "$tmp/duckdb.csv" | sort); then
  echo "audience_bench: journey and DuckDB disagree on GoldEmail" >&2
  exit 1
fi

printf "%-16s %8s %8s %14s\n" "" "wall s" "CPU s" "profiles/CPU s"
for name in parse five five-jit five-all-cores first-interp first duckdb first-fixed duckdb-fixed; do
  rate=$(awk -v n="$profiles" -v c="$(cpu $name)" 'BEGIN { printf "%.0f", n / (c > 0 ? c : 0.01) }')
  [[ $name == *-fixed ]] && rate=-
  printf "%-16s %8s %8s %14s\n" "$name" "$(wall $name)" "$(cpu $name)" "$rate"
done
awk -v n="$profiles" -v p="$(cpu parse)" -v f="$(cpu five)" -v j="$(cpu five-jit)" \
    -v g="$(cpu first)" -v d="$(cpu duckdb)" -v gf="$(cpu first-fixed)" \
    -v df="$(cpu duckdb-fixed)" 'BEGIN {
  printf "evaluate alone (five − parse): %.0f profiles/CPU s (interpreter), %.0f (JIT)\n",
         n / (f - p > 0 ? f - p : 0.01), n / (j - p > 0 ? j - p : 0.01)
  printf "GoldEmail end to end, one core: journey %.2f CPU s, DuckDB %.2f: journey is %.2fx DuckDB'"'"'s speed\n",
         g, d, d / g
  printf "per profile, the fixed costs taken out: journey %.0f ns, DuckDB %.0f ns\n",
         (g - gf) * 1e9 / n, (d - df) * 1e9 / n
  printf "target (faster than DuckDB on one core): %s\n", g < d ? "met" : "NOT met" }'
