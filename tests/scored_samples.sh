#!/usr/bin/env bash
# Scores samples/scored/ (constructed dispatches with readings in the seeds' format) with the shared
# scorer. Skipped (exit 77) when ../shared is not beside the checkout.
set -euo pipefail
bin=$1 samples=$2 shared=$3
[ -f "$shared/tools/score.py" ] || { echo "no $shared/tools/score.py: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$samples"/*.txt; do "$bin" parse --format json "$f" > "$out/$(basename "$f" .txt).json"; done
/usr/bin/python3 "$shared/tools/score.py" "$samples/expected" "$out" --min overall=0.98 --min task_owners=0.95 \
  --min task_deadlines=0.95 --min recipients=0.95 --min authority=1 --min date=1 --min number=1 \
  --min signature_name=1 --min distribution=1
