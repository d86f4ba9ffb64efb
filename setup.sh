#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and runs congvan on samples/:
#   1. installs the Debian packages the project needs (sudo when not root),
#   2. configures and builds with CMake into build/,
#   3. parses every samples/*.txt into out/samples.jsonl and prints a one-line summary per document.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake pkg-config libicu-dev libre2-dev libssl-dev libcli11-dev libyaml-cpp-dev libsimdjson-dev
          doctest-dev nlohmann-json3-dev rapidjson-dev python3 python3-yaml python3-jsonschema python3-icalendar
          parallel man-db zsh fish)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Dask distributed for the test that runs congvan on a scheduler and two workers: without its
# recommends (20 small packages, not the 130 of the scientific stack).
LEAN=(python3-distributed)
lean=()
for p in "${LEAN[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || lean+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]} ${lean[*]}"
  $SUDO apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ${#lean[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
  fi
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

mkdir -p out
status=0
./build/congvan parse --format jsonl samples/*.txt --output out/samples.jsonl || status=$?
/usr/bin/python3 - <<'PY'
import json
rows = [json.loads(l) for l in open("out/samples.jsonl", encoding="utf-8")]
for r in rows:
    if "error" in r:
        print(f"{r['source']['path']}: ERROR {r['error']['code']}: {r['error']['message']}")
        continue
    a = (r["authority"] or {}).get("name")
    print(f"{r['source']['path']}: {r['kind']} {r['code']} {r['date']} | {a} | "
          f"{len(r['sections'])} sections, {len(r['recipients'])} recipients, {len(r['warnings'])} warnings")
print(f"wrote out/samples.jsonl ({len(rows)} documents)")
PY
exit $status
