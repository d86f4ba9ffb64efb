#!/usr/bin/env python3
"""congvan/2 over a real corpus (issue 12, output contract v2).

usage: contract_v2_corpus.py CONGVAN_BINARY SCHEMA2.json CORPUS_DIR
Parses CORPUS_DIR with --schema 1 and --schema 2 and checks that
  - every congvan/2 row validates against the schema;
  - the congvan/2 JSON Lines are at most 2.0x the input bytes;
  - no document lists one warning code more than once (its count says how many), and every code is in
    the schema's enum (the list the README's table is held to);
  - each document's congvan/2 row says what its congvan/1 row says: the header values, recipients,
    references, sections (a section's own text begins its congvan/1 text), every task in reading order
    with its text, owners (the addressees when implied), partners and deadlines, the signature chain,
    the distribution, and for every warning code the same count.
Exits 77 (skipped) when CORPUS_DIR is missing.
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

import jsonschema


def v1_tasks(doc):
    out = []

    def walk(sections):
        for s in sections:
            out.extend(s.get("tasks") or [])
            walk(s.get("sections") or [])

    walk(doc.get("sections") or [])
    if doc.get("closing"):
        out.extend(doc["closing"].get("tasks") or [])
    out.extend(doc.get("tasks") or [])
    for a in doc.get("annexes") or []:
        walk(a.get("sections") or [])
        out.extend(a.get("tasks") or [])
    return out


def value(fact):
    return None if fact is None else fact["value"]


def compare(a, b):
    """a: a congvan/1 row, b: the congvan/2 row of the same input. Returns the first difference or None."""
    if "error" in a or "error" in b:
        return None if ("error" in a) == ("error" in b) else "error row in one contract only"
    num = b["number"] or {}
    pairs = [
        ("layout", a["format"], b["layout"]),
        ("kind", a["kind"], value(b["kind"])),
        ("authority", a["authority"]["name"], b["authority"]["name"]),
        ("number", a["number"], num.get("value")),
        ("symbol", a["symbol"], num.get("symbol")),
        ("code", a["code"], num.get("code")),
    ]
    for f in ("place", "date", "subject", "urgency", "secrecy"):
        pairs.append((f, a[f], value(b[f])))
    for f, x, y in pairs:
        if x != y:
            return f"{f}: {x!r} != {y!r}"
    for f in ("number", "date", "place", "subject", "urgency", "secrecy"):
        fact = b[f] if f != "number" else b["number"]
        if fact is not None and fact["line"] != a["lines"].get(f):
            return f"{f}.line: {a['lines'].get(f)} != {fact['line']}"
    if [r["text"] for r in b["recipients"]] != a["recipients"]:
        return "recipients"
    if [r["line"] for r in b["recipients"]] != a["recipient_lines"]:
        return "recipient lines"
    if [(r["kind_text"], r["code"], r["date"], r["issuer"]) for r in b["references"]] != \
       [(r["kind"], r["code"], r["date"], r["issuer"]) for r in a["references"]]:
        return "references"

    def sections(x, y, where):
        if len(x) != len(y):
            return f"{where}: {len(x)} sections != {len(y)}"
        for s, t in zip(x, y):
            if (s["id"], s["path"], s["heading"], s["line"]) != (t["id"], t["path"], t["heading"], t["line"]):
                return f"{where} {s['path']}: id, path, heading or line"
            # congvan/1's text is the own text and then each child's "\nID. TEXT" (or "ID) TEXT").
            rest = s["text"][len(t["text"]):]
            if not s["text"].startswith(t["text"]) or (not s["sections"] and rest):
                return f"{where} {s['path']}: own text"
            for c in s["sections"]:
                sep = "\n" if (t["text"] or rest.startswith("\n")) else ""
                for mark in (". ", ") "):
                    if rest.startswith(sep + c["id"] + mark + c["text"]):
                        rest = rest[len(sep + c["id"] + mark + c["text"]):]
                        break
                else:
                    return f"{where} {s['path']}: own text and children do not make congvan/1's text"
            if rest:
                return f"{where} {s['path']}: congvan/1's text holds more than its own and its children's"
            if t["end_line"] is not None and t["end_line"] < t["line"]:
                return f"{where} {s['path']}: end_line before line"
            bad = sections(s["sections"], t["sections"], where)
            if bad:
                return bad
        return None

    bad = sections(a["sections"], b["sections"], "sections")
    if bad:
        return bad
    ta, tb = v1_tasks(a), b["tasks"]
    if len(ta) != len(tb):
        return f"{len(ta)} tasks != {len(tb)}"
    if len({t["id"] for t in tb}) != len(tb):
        return "task ids repeat"
    for x, y in zip(ta, tb):
        owners = a["recipients"] if x["owners_implied"] else x["owners"]
        keys = None if x["owners_implied"] else x["owner_keys"]
        if x["text"] != y["text"] or x["line"] != y["line"] or y["end_line"] < y["line"]:
            return f"task {y['id']}: text or line"
        if [o["name"] for o in y["owners"]] != owners or y["implied"] != x["owners_implied"]:
            return f"task {y['id']}: owners"
        if keys is not None and [o["key"] for o in y["owners"]] != keys:
            return f"task {y['id']}: owner keys"
        if [p["name"] for p in y["partners"]] != x["partners"]:
            return f"task {y['id']}: partners"
        if x["deadlines"] != y["deadlines"]:
            return f"task {y['id']}: deadlines"
    chain = [" ".join(p for p in (c["mark"], c["office"]) if p) for c in b["signature"]["chain"]]
    # "KT.CHỦ TỊCH" printed glued reads mark "KT." and office "CHỦ TỊCH": the same words.
    if ["".join(s.split()) for s in chain] != ["".join(s.split()) for s in a["signature"]["authority"]]:
        return f"signature chain {chain} != {a['signature']['authority']}"
    for f in ("title", "name", "line"):
        if a["signature"][f] != b["signature"][f] and not (f == "line" and a["signature"][f] == 0):
            return f"signature.{f}"
    if a["distribution"] != b["distribution"]:
        return "distribution"
    counts = {}
    for w in a["warnings"]:
        counts.setdefault(w["code"], 0)
        if w["line"] == 0 and w["message"].split(" ", 1)[0].isdigit() and " more " in w["message"]:
            counts[w["code"]] += int(w["message"].split(" ", 1)[0])  # "N more CODE warnings ..."
        else:
            counts[w["code"]] += 1
    got = {w["code"]: w["count"] for w in b["warnings"]}
    if counts != got:
        return f"warning counts {counts} != {got}"
    return None


def kind_line_ok(b, corpus):
    """The printed title is on the line congvan/2 gives it."""
    k = b["kind"]
    if not k or k["text"] is None:
        return True
    path = b["source"]["path"]
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    fold = lambda x: "".join(unicodedata.normalize("NFC", x).split()).replace("*", "").casefold()
    # A title wrapped over lines ("**QUYẾT" / "ĐỊNH**") is read as one: it starts on kind.line.
    return 0 < k["line"] <= len(lines) and fold(k["text"]) in fold("".join(lines[k["line"] - 1:k["line"] + 2])) \
        and fold(k["text"])[:4] in fold(lines[k["line"] - 1])


def main(binary, schema_path, corpus):
    if not os.path.isdir(corpus):
        print(f"no corpus at {corpus}: skipped")
        return 77
    schema = json.load(open(schema_path, encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    codes = set(schema["definitions"]["warning"]["properties"]["code"]["enum"])
    inputs = sum(os.path.getsize(os.path.join(corpus, f)) for f in os.listdir(corpus))
    run = lambda contract: subprocess.run(
        [binary, "parse", "-q", "--schema", contract, "--format", "jsonl", "--jobs", "2", corpus],
        capture_output=True, check=False).stdout
    out1, out2 = run("1"), run("2")
    rows1, rows2 = out1.decode("utf-8").splitlines(), out2.decode("utf-8").splitlines()
    failures = []
    if len(rows1) != len(rows2) or not rows2:
        failures.append(f"{len(rows1)} congvan/1 rows, {len(rows2)} congvan/2 rows")
    ratio = len(out2) / max(1, inputs)
    if ratio > 2.0:
        failures.append(f"congvan/2 output is {ratio:.2f}x its input (at most 2.0x)")
    repeated = []
    for r1, r2 in zip(rows1, rows2):
        a, b = json.loads(r1), json.loads(r2)
        path = b["source"]["path"]
        errors = list(validator.iter_errors(b))
        if errors:
            e = errors[0]
            failures.append(f"{path}: {'/'.join(map(str, e.path))}: {e.message[:160]}")
            continue
        seen = [w["code"] for w in b.get("warnings", [])]
        if len(seen) != len(set(seen)):
            failures.append(f"{path}: a warning code listed twice")
        for c in set(seen) - codes:
            failures.append(f"{path}: warning code {c} is not documented")
        bad = compare(a, b)
        if bad:
            failures.append(f"{path}: congvan/2 says otherwise than congvan/1: {bad}")
        if b.get("kind") and b["source"]["encoding"] == "utf-8" and not kind_line_ok(b, corpus):
            failures.append(f"{path}: kind.text {b['kind']['text'][:60]!r} is not on line {b['kind']['line']}")
        if any("~" in t["id"] for t in b["tasks"]):
            repeated.append((path, r2))
    # A row with repeated item numbers, read back by diff against its own text: the same tasks, by id.
    with tempfile.TemporaryDirectory() as tmp:
        for path, row in repeated:
            js = os.path.join(tmp, "row.json")
            open(js, "w", encoding="utf-8").write(row)
            run = subprocess.run([binary, "diff", "--schema", "2", "--format", "json", js, path], capture_output=True)
            if run.returncode != 0:
                failures.append(f"{path}: diff of its congvan/2 row against its text: exit {run.returncode} "
                                f"{run.stderr.decode()[:200]}")
                continue
            for o in json.loads(run.stdout)["owners"]:
                if o["only_a"] or o["only_b"] or any(p["a"] != p["b"] for p in o["pairs"]):
                    failures.append(f"{path}: read back, its tasks pair with others: {o['owner']['name']}")
                    break
    for f in failures[:20]:
        print(f)
    print(f"{len(repeated)} documents with repeated item numbers read back by diff")
    print(f"{len(rows2)} documents, congvan/2 output {ratio:.2f}x the input ({len(out1) / max(1, inputs):.2f}x "
          f"in congvan/1), {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
