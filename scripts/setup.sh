#!/usr/bin/env bash
# Installs every Debian package the project needs, only when one is missing.
# Each dependency and why it was chosen is listed in docs/dependencies.md.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config            # toolchain and build
  antlr4 libantlr4-runtime-dev                # grammar/Journey.g4 -> C++ parser
  llvm-19-dev libzstd-dev zlib1g-dev          # the JIT (LLVM ORC) and what its CMake package links
  lld-19                                      # the linker (LLVM's static libraries link 4x faster)
  libfmt-dev                                  # formatting
  doctest-dev                                 # unit tests
  libre2-dev                                  # CEL `matches`
  libhowardhinnant-date-dev tzdata            # IANA time zones from the system database
  libsimdjson-dev                             # JSON input
  libabsl-dev                                 # flat hash maps for the runtime's state
  libjemalloc-dev                             # the tool's allocator
  libcli11-dev                                # command-line flags
  libedit-dev                                 # REPL line editing
  libgraphviz-dev                             # `journey graph --format svg` (Graphviz layout)
  libbenchmark-dev time                       # bench/ (time: peak memory)
  python3                                     # tests/*.py (REPL terminal, fmt round trip, graph, editors)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
