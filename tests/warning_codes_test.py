#!/usr/bin/env python3
"""Every warning code congvan can emit is documented in the README's "Warning codes" table, with a
severity of info, warning or error, and the table lists no code the source cannot emit; every code the
samples' outputs carry is in the table.

usage: warning_codes_test.py CONGVAN_BINARY SOURCE_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys


def main(binary, src):
    readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
    section = readme.split("### Warning codes", 1)
    if len(section) != 2:
        print("README.md has no '### Warning codes' section")
        return 1
    rows = re.findall(r"^\| `([a-z_]+)` \| (\w+) \|", section[1].split("\n### ", 1)[0], re.M)
    table = dict(rows)
    failures = []
    for code, severity in rows:
        if severity not in ("info", "warning", "error"):
            failures.append(f"{code}: severity {severity!r} is not info, warning or error")
    # The list in the code (src/model/warning_codes.h, which congvan/2 prints severities from) is the
    # README's table, code by code and severity by severity; the congvan/2 schema's enum is the same list.
    header = open(os.path.join(src, "src", "model", "warning_codes.h"), encoding="utf-8").read()
    sev = {"kInfo": "info", "kWarning": "warning", "kError": "error"}
    listed = {c: sev[s] for c, s in re.findall(r'\{"([a-z_]+)", Severity::(k\w+),', header)}
    if listed != table:
        for c in sorted(set(listed) | set(table)):
            if listed.get(c) != table.get(c):
                failures.append(f"{c}: {listed.get(c)} in warning_codes.h, {table.get(c)} in the README")
    schema = json.load(open(os.path.join(src, "schema", "congvan-2.schema.json"), encoding="utf-8"))
    enum = set(schema["definitions"]["warning"]["properties"]["code"]["enum"])
    if enum != set(table):
        failures.append(f"congvan-2.schema.json's code enum differs from the README: {sorted(enum ^ set(table))}")
    # The codes the source emits: doc.Warn("code", ...) and the deadline reader's warn("code", ...).
    emitted = set()
    for path in glob.glob(os.path.join(src, "src", "**", "*.cc"), recursive=True):
        text = open(path, encoding="utf-8").read()
        emitted |= set(re.findall(r'\b[Ww]arn\(\s*"([a-z_]+)"', text))
    if len(emitted) < 20:
        failures.append(f"only {len(emitted)} codes found in src/: the pattern no longer sees the calls")
    for code in sorted(emitted - table.keys()):
        failures.append(f"{code}: emitted by the source, not in the README's table")
    for code in sorted(table.keys() - emitted):
        failures.append(f"{code}: in the README's table, emitted nowhere in src/")
    samples = sorted(glob.glob(os.path.join(src, "samples", "*.txt")))
    run = subprocess.run([binary, "parse", "-q", "--format", "jsonl", *samples], capture_output=True, text=True)
    seen = set()
    for line in run.stdout.splitlines():
        for w in json.loads(line).get("warnings", []):
            seen.add(w["code"])
    if not seen:
        failures.append("the samples gave no warnings at all: the run failed?")
    for code in sorted(seen - table.keys()):
        failures.append(f"{code}: emitted on the samples, not in the README's table")
    for f in failures:
        print(f)
    print(f"{len(table)} codes documented, {len(emitted)} in the source, {len(seen)} seen on the samples")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
