#!/usr/bin/env bash
# Runs one artifact golden case (tests/golden/artifact/NAME.journey): builds the case into
# NAME.jart in an empty folder, then runs the shell commands of its first line
# (`// ARTIFACT: …`) there, where `journey` is the binary, $ART the artifact, `poke OFFSET HEX`
# overwrites one byte and `flip OFFSET` inverts one bit of it. Output and exit code are
# compared with NAME.journey.expected like golden cases (tests/golden.sh).
set -u
journey=$1
case_file=$2
dir=$(dirname "$case_file")
base=$(basename "$case_file" .journey)
expected="$case_file.expected"
commands=$(sed -n '1s|^// ARTIFACT: *||p' "$case_file")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

journey() { timeout 300 "$JOURNEY_BINARY" "$@"; }
poke() { printf "\\x$2" | dd of="$ART" bs=1 seek="$1" conv=notrunc status=none; }
flip() {
  local byte
  byte=$(od -An -tu1 -j"$1" -N1 "$ART" | tr -d ' ')
  poke "$1" "$(printf '%02x' $((byte ^ 1)))"
}
export JOURNEY_BINARY=$journey
ART="$base.jart"

actual=$( (cd "$dir" && journey build "$base.journey" -o "$work/$ART") 2>&1 &&
  cd "$work" && eval "$commands" 2>&1; echo "exit: $?")
source "$(dirname "$0")/expectation.sh"
check_expectation "$expected" "$actual"
