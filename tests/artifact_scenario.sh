#!/usr/bin/env bash
# Runs one scenario folder through an artifact: `journey build` of its .journey files (twice,
# which must give identical bytes), then `journey run ARTIFACT` with the scenario's inputs and
# flags on each engine given, each compared with the same expected.jsonl as the source run
# (tests/scenario.sh). The jit engine runs an artifact built with --native: its code is loaded
# only if the LLVM IR generated from the artifact's program hashes to the key it was compiled
# under, so that run also shows the program read back is the one built (a JIT compile from the
# artifact would repeat the compile scenario-jit/* does). A program that does not check must
# fail to build with the output the source run shows. --build-once leaves out the second build
# (the sanitizer tree: the optimised tree compares the same bytes).
#   tests/artifact_scenario.sh [--build-once] JOURNEY SCENARIO_DIR ENGINE…
set -u
build_twice=1
if [ "$1" = --build-once ]; then
  build_twice=0
  shift
fi
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
if [ $build_twice = 1 ]; then
  (cd "$dir" && timeout 300 "$journey" build *.journey -o "$work/b.jart") || exit 1
  cmp "$work/a.jart" "$work/b.jart" || { echo "two builds of the same sources differ"; exit 1; }
fi

# The build's warnings are what a run from source prints before its output.
warnings=$(printf '%s\n' "$built" | sed '$d')

status=0
# On one thread: the source runs (tests/scenario.sh) take the default, which reads the inputs on
# a second thread on a machine of two cores, so both paths meet the same expectation.
run() {  # run ARTIFACT ENGINE LABEL: the run's output against the expected one
  actual=$(cd "$dir" && eval "timeout 300 \"$journey\" run \"$1\" $profiles \
    --events events.jsonl --rejected - --engine $2 --threads 1 $args" 2>&1; echo "exit: $?")
  [ -n "$warnings" ] && actual="$warnings"$'\n'"$actual"
  diff -u --label expected --label "$3" "$expected" <(printf '%s\n' "$actual") || status=1
}
for engine in "$@"; do
  if [ "$engine" = jit ]; then
    # Loaded, not compiled: a native section that does not load adds a note, which the
    # comparison shows.
    (cd "$dir" && timeout 300 "$journey" build --native *.journey -o "$work/n.jart") || exit 1
    run "$work/n.jart" jit "run from the artifact's native code"
  else
    run "$work/a.jart" "$engine" "run from the artifact, $engine"
  fi
done
exit $status
