# Sourced by the file-based test runners: compares `$actual` with the file `$expected`, or
# rewrites the file when JOURNEY_UPDATE_GOLDEN=1. The runner's exit status is this one's.
check_expectation() {
  local expected=$1 actual=$2
  if [ "${JOURNEY_UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
    echo "updated $expected"
    return 0
  fi
  if [ ! -f "$expected" ]; then
    echo "missing $expected; run tests/update-golden.sh" >&2
    printf '%s\n' "$actual"
    return 1
  fi
  diff -u --label expected --label actual "$expected" <(printf '%s\n' "$actual")
}
