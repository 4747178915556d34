#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, checks every example and simulates the shop
# example (cart recovery, weekly win-back, gold welcome) on its sample profiles and events.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
for dir in examples/*/; do
  echo "== journey check ${dir}*.journey"
  build/journey check "$dir"*.journey
done
echo
echo "== journey run examples/shop/shop.journey examples/shop/recovery.journey"
build/journey run examples/shop/shop.journey examples/shop/recovery.journey \
  --profiles examples/shop/profiles.jsonl --events examples/shop/events.jsonl
