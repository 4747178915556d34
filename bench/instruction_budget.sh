#!/usr/bin/env bash
# Where a record's instructions go in `journey run` of the shop example, against what issue 4's
# target (1,000,000 records a second on one core) leaves on this machine at this hour.
#   bench/instruction_budget.sh [build-dir [profiles [events]]]
# Defaults: build, 20,000 profiles and 200,000 records (seed 1): the full size's ratio of
# profiles to records, small enough to stay in the cache, so that time is instructions.
#
# Instruction counts are callgrind's (valgrind), on the interpreter and one thread: the same on
# every run of one binary, so they compare trees where timings compare hours. The machine's
# rate is the same run timed natively (the best of three), which gives the budget: the
# instructions a record may take for a million records a second (docs/performance-log.md,
# session 43).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
profiles=${2:-20000}
events=${3:-200000}

for tool in valgrind callgrind_annotate python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "instruction_budget: needs $tool (apt-get install valgrind python3)" >&2
    exit 1
  fi
done
for f in "$build/journey" "$build/bench/journey_datagen"; do
  if [[ ! -x $f ]]; then
    echo "instruction_budget: $f is missing: build it (scripts/build.sh release)" >&2
    exit 1
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bench/journey_datagen" --profiles "$profiles" --events "$events" --seed 1 \
  --out-profiles "$tmp/profiles.jsonl" --out-events "$tmp/events.jsonl" > /dev/null
run=("$build/journey" run examples/shop/recovery.journey --profiles "$tmp/profiles.jsonl"
     --events "$tmp/events.jsonl" --out /dev/null --threads 1 --engine interp)

best=
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "${run[@]}" 2> /dev/null
  seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  best=$(awk -v a="${best:-$seconds}" -v b="$seconds" 'BEGIN { print (b < a ? b : a) }')
done

valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" "${run[@]}" 2> "$tmp/valgrind.err" ||
  { cat "$tmp/valgrind.err" >&2; exit 1; }
callgrind_annotate --inclusive=yes --threshold=100 "$tmp/callgrind.out" > "$tmp/inclusive.txt"

python3 - "$tmp/inclusive.txt" "$profiles" "$events" "$best" <<'EOF'
import re
import sys

listing, profiles, events, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
inclusive = {}  # function (without its file) -> the largest inclusive count listed for it
total = None
for line in open(listing):
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
    if not m:
        continue
    count, where = int(m.group(1).replace(",", "")), m.group(2)
    if where.startswith("PROGRAM TOTALS"):
        total = count
        continue
    function = re.sub(r"^\S*?:(?=journey::|simdjson::)", "", where)
    inclusive[function] = max(count, inclusive.get(function, 0))


def cost(*names):
    """The inclusive count of the functions whose names begin with one of `names`."""
    found = 0
    for name in names:
        counts = [c for f, c in inclusive.items() if f.startswith(name)]
        if not counts:
            sys.exit(f"instruction_budget: no function {name} in callgrind's listing: "
                     "the parts below need the names of today's code")
        found += max(counts)
    return found


reading = cost("journey::runtime::InputReader::readRecords(")
converting = cost("journey::runtime::InputReader::Impl::recordFrom(")
parts = [
    ("splitting lines", cost("journey::runtime::LineReader::nextLines(",
                             "journey::runtime::dropBlankLines(")),
    ("records: simdjson and the reader around it", reading - converting),
    ("records: converting and checking (recordFrom)", converting),
    ("profiles: read, stored, first audiences", cost("journey::runtime::InputReader::readProfiles(",
                                                     "journey::runtime::Runtime::addProfile(",
                                                     "journey::runtime::Runtime::start(")),
    ("events and sets applied: journeys, audiences, output",
     cost("journey::runtime::Runtime::apply[abi:cxx11](journey::runtime::EventInput",
          "journey::runtime::Runtime::apply(journey::runtime::SetInput")),
    ("prefetching state", cost("journey::runtime::Runtime::prefetch(",
                               "journey::runtime::Runtime::prefetchProfiles(")),
]
parts.append(("the rest (start, program, summary)", total - sum(c for _, c in parts)))
rate = total / seconds
print(f"== instructions of journey run (shop example, interpreter, one thread): {profiles:,} profiles, "
      f"{events:,} records")
print(f"{total:,} instructions (callgrind): {total / events:,.0f} a record, its share of the profiles included")
print(f"best of three native runs: {seconds:.3f} s, {rate / 1e9:.2f} G instructions a second, "
      f"{events / seconds:,.0f} records a second")
print(f"budget for 1,000,000 records a second at that rate: {rate / 1e6:,.0f} instructions a record "
      f"({100 * rate / 1e6 / (total / events):.0f}% of today's)")
print()
print(f"{'part':<56}{'a record':>10}{'share':>8}")
for name, count in parts:
    print(f"{name:<56}{count / events:>10,.0f}{100 * count / total:>7.1f}%")
EOF
