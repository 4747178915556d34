#!/usr/bin/env bash
# How `journey run` scales with one busy profile: N and 8N records of a single profile, for
# each case below, and the ratio of the two times. Work that grows with the records is about 8;
# work that grows with their square, 64. The baseline, measured in the same run, is the same
# records through a program that only reads them (no journey).
#   bench/one_profile_bench.sh [build-dir [N]]   (default N = 50,000)
# Cases:
#   baseline   the schema and events alone
#   sends      each record starts an instance that sends on two channels whose rule is never
#              full (`cap email 1000000 per 30d`): every send counts the profile's log
#   instances  each record starts an instance that waits 30 days (a key per record), and the
#              run goes on until every one has timed out, oldest first
# (A rule that lists a busy profile's history, `history(Ping, 1d).exists(…)`, still costs the
# window's length at each record: docs/runtime.md, "history(E, d)".)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-50000}
journey=$build/journey
[[ -x $journey ]] || { echo "one_profile_bench: $journey is missing: build it" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

declarations='schema Profile { id: string, email: string }
event Ping { n: int }
channel email { address: profile.email, consent: true }
channel sms { address: profile.email, consent: true }
'
printf '%s' "$declarations" > "$tmp/baseline.journey"
printf '%s%s' "$declarations" '
cap email 1000000 per 30d
cap sms 1000000 per 30d
journey Sends {
  entry on Ping
  send email "a"
  send sms "b"
}
' > "$tmp/sends.journey"
printf '%s%s' "$declarations" '
journey Waits {
  entry on Ping as p
  key string(p.n)
  wait 30d
}
' > "$tmp/instances.journey"
echo '{"id": "p1", "email": "p1@example.com"}' > "$tmp/profiles.jsonl"

# records COUNT FILE: COUNT Pings of p1, a second apart from 2026-01-01T00:00:00Z.
records() {
  awk -v count="$1" 'BEGIN {
    for (i = 0; i < count; ++i) {
      s = i; d = int(s / 86400); s -= d * 86400
      printf "{\"time\": \"2026-01-%02dT%02d:%02d:%02dZ\", ",
             d + 1, int(s / 3600), int(s % 3600 / 60), s % 60
      printf "\"profile\": \"p1\", \"event\": \"Ping\", \"data\": {\"n\": %d}}\n", i
    }
  }' > "$2"
}
records "$n" "$tmp/small.jsonl"
records $((8 * n)) "$tmp/large.jsonl"

# seconds CASE FILE: the user CPU time of the case's run on FILE, best of three.
seconds() {
  local best=
  for _ in 1 2 3; do
    /usr/bin/time -f "%U" -o "$tmp/time" "$journey" run "$tmp/$1.journey" \
      --profiles "$tmp/profiles.jsonl" --events "$2" --until 2026-12-31T00:00:00Z \
      --threads 1 --out /dev/null 2> /dev/null
    local t
    t=$(cat "$tmp/time")
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

printf '%-10s %12s %12s %10s %22s\n' case "$n s" "$((8 * n)) s" ratio "minus baseline: ratio"
base_small=$(seconds baseline "$tmp/small.jsonl")
base_large=$(seconds baseline "$tmp/large.jsonl")
for c in baseline sends instances; do
  if [[ $c == baseline ]]; then
    small=$base_small large=$base_large
  else
    small=$(seconds "$c" "$tmp/small.jsonl")
    large=$(seconds "$c" "$tmp/large.jsonl")
  fi
  awk -v c="$c" -v s="$small" -v l="$large" -v bs="$base_small" -v bl="$base_large" 'BEGIN {
    ratio = s > 0 ? l / s : 0
    net = (s - bs > 0.005) ? sprintf("%.1f", (l - bl) / (s - bs)) : "(too small)"
    printf "%-10s %12.2f %12.2f %10.1f %22s\n", c, s, l, ratio, net
  }'
done
