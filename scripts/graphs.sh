#!/usr/bin/env bash
# Draws every example's journeys into docs/graphs/<example>.svg (docs/graph.md shows them).
#   scripts/graphs.sh [--check] [JOURNEY]     JOURNEY: the tool to use (default build/journey)
# --check writes nothing: it fails, naming the files, when a committed diagram is not what the
# tool draws now (a ctest runs it, so the pictures in the docs follow the code).
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
journey=${1:-build/journey}
out=docs/graphs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stale=()
for dir in examples/*/; do
  name=$(basename "$dir")
  # Paths relative to the repository: they are the nodes' tooltips (`file:line:col`).
  "$journey" graph "$dir"*.journey --format svg -o "$tmp/$name.svg"
  if ((check)); then
    cmp -s "$tmp/$name.svg" "$out/$name.svg" || stale+=("$out/$name.svg")
  else
    mkdir -p "$out"
    mv "$tmp/$name.svg" "$out/$name.svg"
    echo "wrote $out/$name.svg"
  fi
done
for svg in "$out"/*.svg; do
  [ -e "$svg" ] || continue
  [ -d "examples/$(basename "$svg" .svg)" ] || stale+=("$svg (no such example: delete it)")
done
if ((${#stale[@]})); then
  printf 'out of date: %s\n' "${stale[@]}" >&2
  echo "run scripts/graphs.sh to draw them again" >&2
  exit 1
fi
