#!/usr/bin/env bash
# Builds (if needed) and runs the whole test suite through CTest. Run ./setup.sh once first.
set -euo pipefail
cd "$(dirname "$0")"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
