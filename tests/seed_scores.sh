#!/usr/bin/env bash
# Scores the seed dispatches against their hand-checked readings with the shared scorer, and fails when a
# field falls below the bar the issues set. Skipped (exit 77) when ../shared is not beside the checkout.
set -euo pipefail
bin=$1 shared=$2
if [ ! -d "$shared/seeds/expected" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "no $shared/seeds: skipped"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$shared"/seeds/*.txt; do
  "$bin" parse --format json "$f" > "$out/$(basename "$f" .txt).json"
done
/usr/bin/python3 "$shared/tools/score.py" "$shared/seeds/expected" "$out" \
  --min overall=0.98 --min task_owners=0.95 --min task_deadlines=1 --min references=1 \
  --min reference_dates=1 --min authority=1 --min number=1 --min symbol=1 --min date=1 --min subject=1 \
  --min recipients=1 --min sections=1 --min footnotes=1 --min distribution=1 --min signature_name=1 \
  --min signature_title=1 --min signature_authority=1
