#!/usr/bin/env bash
# Runs one scenario folder through an artifact: `journey build` of its .journey files (twice,
# which must give identical bytes), then `journey run ARTIFACT` with the scenario's inputs and
# flags on each engine given, each compared with the same expected.jsonl as the source run
# (tests/scenario.sh). A program that does not check must fail to build with the output the
# source run shows.
#   tests/artifact_scenario.sh JOURNEY SCENARIO_DIR ENGINE…
set -u
journey=$1
dir=$2
shift 2
expected="$dir/expected.jsonl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=""
[ -f "$dir/args" ] && args=$(cat "$dir/args")
profiles=""
[ -f "$dir/profiles.jsonl" ] && profiles="--profiles profiles.jsonl"

built=$(cd "$dir" && timeout 300 "$journey" build *.journey -o "$work/a.jart" 2>&1; echo "exit: $?")
if [ ! -f "$work/a.jart" ]; then
  diff -u --label expected --label build "$expected" <(printf '%s\n' "$built")
  exit
fi
(cd "$dir" && timeout 300 "$journey" build *.journey -o "$work/b.jart") || exit 1
cmp "$work/a.jart" "$work/b.jart" || { echo "two builds of the same sources differ"; exit 1; }

status=0
for engine in "$@"; do
  actual=$(cd "$dir" && eval "timeout 300 \"$journey\" run \"$work/a.jart\" $profiles \
    --events events.jsonl --rejected - --engine $engine $args" 2>&1; echo "exit: $?")
  diff -u --label expected --label "run from the artifact, $engine" "$expected" \
    <(printf '%s\n' "$actual") || status=1
done
exit $status
