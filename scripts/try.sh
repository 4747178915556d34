#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and runs the example programs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
for dir in examples/*/; do
  echo "== journey check ${dir}*.journey"
  build/journey check "$dir"*.journey
done
echo "All examples check."
