#!/usr/bin/env python3
"""Validates `congvan parse` output for every samples/*.txt (and an error row) against the JSON Schema.

usage: validate_schema.py CONGVAN_BINARY SCHEMA.json SAMPLES_DIR [CONTRACT]
CONTRACT: 1 (the default) or 2, the --schema the outputs are written in.
Exits 1 and names the sample and the failing path when any output does not validate.
"""
import glob, json, os, subprocess, sys, tempfile

import jsonschema


def main(binary, schema_path, samples, contract="1"):
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    files = sorted(glob.glob(os.path.join(samples, "*.txt")))
    if not files:
        print("no samples in", samples)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        run = subprocess.run([binary, "parse", "--schema", contract, "--format", "jsonl", *files, empty, os.path.join(tmp, "missing.txt")],
                             capture_output=True)
    rows = run.stdout.decode("utf-8").splitlines()
    failures = 0
    if len(rows) != len(files) + 2:
        print(f"expected {len(files) + 2} rows, got {len(rows)}")
        return 1
    for path, row in zip(files + ["<empty>", "<missing>"], rows):
        doc = json.loads(row)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:5]:
            failures += 1
            print(f"{os.path.basename(path)}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    expected_errors = sum(1 for r in rows if "error" in json.loads(r))
    if expected_errors != 2:
        print(f"expected 2 error rows, got {expected_errors}")
        return 1
    # The YAML output is the same tree as the JSON output, for every sample.
    import yaml
    for path, row in zip(files, rows):
        y = subprocess.run([binary, "parse", "--schema", contract, "--format", "yaml", path], capture_output=True).stdout
        if yaml.safe_load(y.decode("utf-8")) != json.loads(row):
            failures += 1
            print(f"{os.path.basename(path)}: YAML and JSON trees differ")
    print(f"{len(rows)} outputs checked, {failures} schema violations or YAML/JSON differences")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
