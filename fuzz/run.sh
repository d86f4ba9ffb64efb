#!/usr/bin/env bash
# Fuzzes each target with libFuzzer (clang, ASan + UBSan) for a bounded time.
#   fuzz/run.sh [SECONDS_PER_TARGET]   (default 600)
# Seeds: samples/, grammars/ and fuzz/regressions/. New crashes land in fuzz/crashes/TARGET/: copy a
# fixed one into fuzz/regressions/TARGET/ so the normal test run replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DCONGVAN_LIBFUZZER=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_pipeline fuzz_grammar >/dev/null
for target in pipeline grammar; do
  work=build-fuzz/corpus-$target
  mkdir -p "$work" "fuzz/crashes/$target"
  if [ "$target" = pipeline ]; then cp samples/*.txt "$work"/; else cp grammars/*.yaml "$work"/; fi
  cp fuzz/regressions/$target/* "$work"/ 2>/dev/null || true
  echo "fuzz_$target: ${secs}s"
  ./build-fuzz/fuzz_$target "$work" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="fuzz/crashes/$target/" -print_final_stats=1 2>&1 | \
      grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done" || true
done
