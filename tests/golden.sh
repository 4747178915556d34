#!/usr/bin/env bash
# Runs one golden case: `journey <ARGS> <file>` from the case's folder, stdout and stderr merged,
# plus a last line `exit: N`, compared with <case>.expected. With JOURNEY_UPDATE_GOLDEN=1 the
# expectation is rewritten instead.
#   The first line of the case may be `// ARGS: <verb and flags>` (default: `check`). The case's
#   file name is appended, or put where `%s` stands; `%nofile` leaves it out (`explain` tests).
set -u
journey=$1
case_file=$2
dir=$(dirname "$case_file")
base=$(basename "$case_file")
expected="$case_file.expected"
args=$(sed -n '1s|^// ARGS: *||p' "$case_file")
[ -n "$args" ] || args="check"
case "$args" in
  *%nofile*) args=${args//%nofile/} ;;
  *%s*) args=${args//%s/\"$base\"} ;;
  *) args="$args \"$base\"" ;;
esac
actual=$(cd "$dir" && eval "timeout 300 \"$journey\" $args" 2>&1; echo "exit: $?")
source "$(dirname "$0")/expectation.sh"
check_expectation "$expected" "$actual"
