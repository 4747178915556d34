# Sourced by the benchmark scripts. best_user_seconds COMMAND…: the least user CPU time of three
# runs of the command (its output and errors discarded), in seconds.
best_user_seconds() {
  local best= t timing
  timing=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f "%U" -o "$timing" "$@" > /dev/null 2> /dev/null
    t=$(cat "$timing")
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  rm -f "$timing"
  echo "$best"
}
