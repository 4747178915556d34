#!/usr/bin/env bash
# How `journey run` scales when its records pile onto one place: one busy profile, or many
# profiles woken at one instant. N and 8N records for each case below, and the ratio of the two
# times: work that grows with the records gives about 8, work that grows with their square 64.
# The baseline, measured in the same run, is the same records through a program that only
# reads them (no journey).
#   bench/hotspot_bench.sh [build-dir [N]]   (default N = 50,000)
# Cases:
#   sends      each record (of one profile) starts an instance that sends on two channels whose
#              rule is never full (`cap email 1000000 per 30d`): every send counts the log
#   instances  each record (of one profile) starts an instance that waits 30 days (a key per
#              record), and the run goes on until every one has timed out, oldest first
#   wakeups    each record starts an instance of its own profile (N profiles), all waiting
#              until one instant, where each emits an event that starts another journey: each
#              emitted event lets its profile's due timers fire first
#   keyed      the same, each woken instance emitting twice into a journey keyed by profile:
#              the second finds the key active, and lets the due timers of the key's instance
#              fire first
#   shared     the same, each woken instance emitting once into a journey of one key: all but
#              the first find it active, held by another profile's instance
# (A rule that lists a busy profile's history, `history(Ping, 1d).exists(…)`, still costs the
# window's length at each record: docs/runtime.md, "history(E, d)".)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/best_user_seconds.sh
build=${1:-build}
n=${2:-50000}
journey=$build/journey
[[ -x $journey ]] || { echo "hotspot_bench: $journey is missing: build it" >&2; exit 1; }
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
# wakers EMITS AWAKE-BODY: every Ping's instance wakes at one instant and emits Woken EMITS
# times, each entering Awake, whose body (a key, steps) is AWAKE-BODY.
wakers() {
  printf '%s\nevent Woken { n: int }\njourney Sleeper {\n  entry on Ping as p\n' "$declarations"
  printf '  wait until timestamp("2026-02-01T09:00:00Z")\n'
  local i
  for ((i = 0; i < $1; ++i)); do printf '  emit Woken { n: p.n }\n'; done
  printf '}\njourney Awake {\n  entry on Woken\n  %s\n}\n' "$2"
}
wakers 1 end > "$tmp/wakeups.journey"
wakers 2 "wait 1d" > "$tmp/keyed.journey"
wakers 1 $'key "k"\n  wait 1d' > "$tmp/shared.journey"
echo '{"id": "p1", "email": "p1@example.com"}' > "$tmp/profiles.jsonl"

# records COUNT FILE [PROFILES]: COUNT Pings a second apart from 2026-01-01T00:00:00Z, of p1
# or, given PROFILES, of p0, p1, … in turn.
records() {
  awk -v count="$1" -v profiles="${3:-0}" 'BEGIN {
    for (i = 0; i < count; ++i) {
      s = i; d = int(s / 86400); s -= d * 86400
      printf "{\"time\": \"2026-01-%02dT%02d:%02d:%02dZ\", ",
             d + 1, int(s / 3600), int(s % 3600 / 60), s % 60
      printf "\"profile\": \"p%d\", \"event\": \"Ping\", \"data\": {\"n\": %d}}\n",
             profiles ? i % profiles : 1, i
    }
  }' > "$2"
}
records "$n" "$tmp/small.jsonl"
records $((8 * n)) "$tmp/large.jsonl"
# The wake-up case's own: a profile per record.
for size in "$n" $((8 * n)); do
  awk -v count="$size" 'BEGIN {
    for (i = 0; i < count; ++i) printf "{\"id\": \"p%d\", \"email\": \"x@example.com\"}\n", i
  }' > "$tmp/profiles_$size.jsonl"
done
records "$n" "$tmp/small_woken.jsonl" "$n"
records $((8 * n)) "$tmp/large_woken.jsonl" $((8 * n))

# seconds CASE FILE PROFILES: the user CPU time of the case's run on FILE, best of three.
seconds() {
  best_user_seconds "$journey" run "$tmp/$1.journey" --profiles "$3" --events "$2" \
    --until 2026-12-31T00:00:00Z --threads 1 --out /dev/null
}

# report CASE SMALL LARGE PROFILES [LARGE-PROFILES]: the case's line, beside the baseline on
# the same files.
report() {
  local base_small base_large small large
  base_small=$(seconds baseline "$2" "$4")
  base_large=$(seconds baseline "$3" "${5:-$4}")
  small=$(seconds "$1" "$2" "$4")
  large=$(seconds "$1" "$3" "${5:-$4}")
  awk -v c="$1" -v s="$small" -v l="$large" -v bs="$base_small" -v bl="$base_large" 'BEGIN {
    net = (s - bs > 0.005) ? sprintf("%.1f", (l - bl) / (s - bs)) : "(too small)"
    printf "%-10s %10.2f %10.2f %8.1f %12.2f %12.2f %16s\n",
           c, s, l, (s > 0 ? l / s : 0), bs, bl, net
  }'
}

printf '%-10s %10s %10s %8s %12s %12s %16s\n' case "N s" "8N s" ratio "baseline N" "baseline 8N" \
  "ratio less base"
for c in sends instances; do
  report "$c" "$tmp/small.jsonl" "$tmp/large.jsonl" "$tmp/profiles.jsonl"
done
for c in wakeups keyed shared; do
  report "$c" "$tmp/small_woken.jsonl" "$tmp/large_woken.jsonl" "$tmp/profiles_$n.jsonl" \
    "$tmp/profiles_$((8 * n)).jsonl"
done
