#!/usr/bin/env bash
# Two `journey` binaries on the same shop run, at the same time, one per core, swapping cores
# each round: which is faster, with the machine's drift and the cores' difference taken out.
#   bench/compare_binaries.sh BIN_A BIN_B PROFILES EVENTS [rounds]
# (inputs: build/bench/journey_datagen, as bench/runtime_bench.sh writes them; rounds: default 4,
# an even number, so that each binary runs as often on each core).
#
# Why not one after the other: on the shared machines this project runs on, the same full-size
# run takes anywhere from 24 to 36 s within an hour, so alternated runs need many pairs to show
# a 3% change. Run side by side, both binaries see the same hour; what is left is a steady
# difference between the two cores (seen: up to 5 s at full size), which swapping cancels. Per
# round, B − A = effect ± core difference; the mean over rounds is the effect, and the spread of
# the rounds around effect ± core difference is its noise, printed as a standard error.
# Both runs share the memory bus and the last-level cache: a change in memory traffic can show
# larger here than alone (session 35: −12% side by side, about −3% alone); time it alone too.
# The outputs go to /dev/null, as in runtime_bench.sh: compare them on a smaller run (`cmp`)
# before timing.
set -euo pipefail
if (($# < 4)); then
  echo "usage: $0 BIN_A BIN_B PROFILES EVENTS [rounds]" >&2
  exit 2
fi
a=$1 b=$2 profiles=$3 events=$4 rounds=${5:-4}
cd "$(dirname "$0")/.."
shop=(examples/shop/shop.journey examples/shop/recovery.journey)
if (($(nproc) < 2)); then
  echo "compare_binaries: needs two cores" >&2
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compare_binaries.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Copies, so that a rebuild meanwhile cannot change what runs.
cp -p "$a" "$tmp/a" && cp -p "$b" "$tmp/b"

timed() {  # core binary name
  taskset -c "$1" /usr/bin/time -f "%e %U %S" -o "$tmp/$3.time" "$2" run "${shop[@]}" \
    --profiles "$profiles" --events "$events" > /dev/null 2> /dev/null
}

echo "round  core(A)  A wall s  B wall s  B − A"
for ((r = 1; r <= rounds; ++r)); do
  coreA=$(((r + 1) % 2)) coreB=$((r % 2))
  timed "$coreA" "$tmp/a" a &
  timed "$coreB" "$tmp/b" b &
  wait
  wa=$(awk '{ print $1 }' "$tmp/a.time") wb=$(awk '{ print $1 }' "$tmp/b.time")
  echo "$r $coreA $wa $wb" | awk '{ printf "%5d  %7d  %8.2f  %8.2f  %+6.2f\n", $1, $2, $3, $4, $4 - $3 }'
  echo "$coreA $wa $wb" >> "$tmp/rounds"
done

# The effect e and the core difference c solve B − A = e + c (A on core 0) or e − c (A on core
# 1) in the least-squares sense: with as many rounds on each core, e is the mean of B − A and c
# half the difference of the two cores' means.
awk '
  { d = $3 - $2; all[NR] = d; core[NR] = $1; n++; sum += d; if ($1 == 0) { s0 += d; n0++ } else { s1 += d; n1++ } }
  END {
    e = sum / n; c = (n0 && n1) ? (s0 / n0 - s1 / n1) / 2 : 0
    for (i = 1; i <= n; ++i) { r = all[i] - e - (core[i] == 0 ? c : -c); ss += r * r }
    se = n > 2 ? sqrt(ss / (n - 2) / n) : 0
    printf "B − A: %+.2f s (standard error %.2f s over %d rounds); cores differ by %.2f s\n", e, se, n, 2 * c
  }' "$tmp/rounds"
mean() { awk '{ s += $1 } END { printf "%.2f", s / NR }'; }
echo "A: $(awk '{ print $2 }' "$tmp/rounds" | mean) s mean wall, B: $(awk '{ print $3 }' "$tmp/rounds" | mean) s"
