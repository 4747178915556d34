#!/usr/bin/env bash
# Runs one scenario folder: `journey run` of its .journey files (or of its .jart, an artifact
# kept from an earlier format version) on profiles.jsonl and events.jsonl (plus the flags in
# `args`, if present), output and rejected records on stdout, the summary on stderr, compared
# with expected.jsonl. With JOURNEY_UPDATE_GOLDEN=1 the expectation is rewritten instead.
#   tests/scenario.sh JOURNEY SCENARIO_DIR [ENGINE]
set -u
journey=$1
dir=$2
engine=${3:-interp}
expected="$dir/expected.jsonl"
args=""
[ -f "$dir/args" ] && args=$(cat "$dir/args")
profiles=""
[ -f "$dir/profiles.jsonl" ] && profiles="--profiles profiles.jsonl"
program="*.journey"
[ -n "$(compgen -G "$dir/*.jart")" ] && program="*.jart"
actual=$(cd "$dir" && eval "timeout 300 \"$journey\" run $program $profiles --events events.jsonl \
  --rejected - --engine $engine $args" 2>&1; echo "exit: $?")
source "$(dirname "$0")/expectation.sh"
check_expectation "$expected" "$actual"
