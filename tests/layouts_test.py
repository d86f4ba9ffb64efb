#!/usr/bin/env python3
"""The layout catalogue (../shared/layouts) scored against hand-written golds (tests/layouts/expected).

usage: layouts_test.py REPO_ROOT CONGVAN_BINARY [--emit-pending]

Runs `congvan parse -o TMPDIR ../shared/layouts`, scores every file listed in the catalogue's README alone
with the shared scorer's score_one, and counts a file as passing when every field its gold states scores 1.0.
tests/layouts/pending.txt lists the files known not to read right yet (one name a line, # comments).
Fails when a file outside pending fails (its failing fields printed, got vs expected), and when a file in
pending now passes (so the list shrinks as fixes land). Exit 77 (skipped) when ../shared is not there.
--emit-pending prints a pending.txt for today's failures instead of judging (to record the state once).

Which fields count: score_one scores some fields the gold does not state (authority always; the three
signature parts whenever the gold has a signature; a task's owners and deadlines together). Here only the
stated ones count: authority when the gold has the key; signature.authority/title/name when the gold's
signature has that key (`signature: null` = no name printed, score.py's own branch); task owners over the
tasks that have `owners`, deadlines over those that have `deadlines` (both still by score_one). Partners,
which score.py does not score, are checked here with score.py's own section_view, f1 and owner_same.
The gold's `also:` list (claims no scorer checks yet) is ignored, as score.py ignores unknown keys.
"""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

CLASSES = {"1": "signature/tail", "2": "header", "3": "recipients/subject", "4": "references",
           "5": "sections/body", "6": "owners/tasks", "7": "deadlines"}
SIGNATURE_PARTS = {"signature_authority": "authority", "signature_title": "title", "signature_name": "name"}


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("layouts_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(readme):
    """(file, class) for every table row of the README, in order; a file may sit in two classes."""
    rows, cls = [], None
    for line in open(readme, encoding="utf-8"):
        heading = re.match(r"##\s+(\d+)\.\s*(.*)", line)
        if heading:
            cls = CLASSES.get(heading.group(1), heading.group(2).strip().lower())
            continue
        row = re.match(r"\|\s*`([^`]+\.txt)`\s*\|", line)
        if row and cls:
            rows.append((row.group(1), cls))
    return rows


def read_pending(path):
    names = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line)
    return names


def stated_scores(sc, gold, doc):
    """score_one's fields, narrowed to what the gold states (see the module comment)."""
    full = sc.score_one(gold, doc)
    out = {}
    for field, value in full.items():
        if field == "authority" and "authority" not in gold:
            continue
        if field in SIGNATURE_PARTS:
            sig = gold.get("signature")
            if sig is None:
                if field != "signature_name" or "signature" not in gold:
                    continue
            elif SIGNATURE_PARTS[field] not in sig:
                continue
        if field in ("task_owners", "task_deadlines"):
            continue
        out[field] = value
    if "reference_dates" in out and any("date" not in g for g in gold.get("references") or []):
        dated = [g for g in gold["references"] if "date" in g]
        out.pop("reference_dates")
        if dated:
            got = sc.score_one({"references": dated, "authority": None}, doc)
            if "reference_dates" in got:
                out["reference_dates"] = got["reference_dates"]
    tasks = gold.get("tasks") or []
    with_owners = [t for t in tasks if "owners" in t]
    with_deadlines = [t for t in tasks if "deadlines" in t]
    if with_owners:
        out["task_owners"] = sc.score_one({"tasks": with_owners}, doc)["task_owners"]
    if with_deadlines:
        out["task_deadlines"] = sc.score_one({"tasks": with_deadlines}, doc)["task_deadlines"]
    with_partners = [t for t in tasks if "partners" in t]
    if with_partners:
        scores = []
        for t in with_partners:
            view = sc.section_view(doc, None if t.get("section") is None else str(t["section"]))
            scores.append(0.0 if view is None else sc.f1(t["partners"], view[1], sc.owner_same))
        out["task_partners"] = sum(scores) / len(scores)
    return out


def got_and_expected(sc, field, gold, doc):
    """What the output and the gold say for one field, for the failure report."""
    auth = doc.get("authority") or {}
    auth = auth if isinstance(auth, dict) else {"name": auth}
    sig = doc.get("signature") or {}
    texts = lambda xs: [sc.text_of(x) for x in xs or []]
    if field == "authority":
        return {"name": auth.get("name"), "inferred": auth.get("inferred")}, gold.get("authority")
    if field == "parent_authority":
        return auth.get("parent"), gold.get("parent_authority")
    if field in ("recipients", "distribution"):
        return texts(doc.get(field)), gold.get(field)
    if field in ("references", "reference_dates"):
        return ([{"code": r.get("code"), "date": r.get("date")} for r in doc.get("references") or []],
                [{"code": r.get("code"), "date": r.get("date")} for r in gold.get("references") or []])
    if field == "sections":
        return [s.get("id") for s in doc.get("sections") or []], gold.get("sections")
    if field == "footnotes":
        return doc.get("footnotes"), gold.get("footnotes")
    if field in SIGNATURE_PARTS:
        part = SIGNATURE_PARTS[field]
        got = sig.get(part) if part != "authority" else (sig.get("authority") or sig.get("chain"))
        want = None if gold.get("signature") is None else gold["signature"].get(part)
        return got, want
    if field in ("task_owners", "task_deadlines", "task_partners"):
        key = {"task_owners": "owners", "task_deadlines": "deadlines", "task_partners": "partners"}[field]
        got, want = {}, {}
        for t in gold.get("tasks") or []:
            if key not in t:
                continue
            sid = None if t.get("section") is None else str(t["section"])
            view = sc.section_view(doc, sid)
            got[str(sid)] = f"(no section {sid})" if view is None else view[{"owners": 0, "partners": 1, "deadlines": 2}[key]]
            want[str(sid)] = t[key]
        return got, want
    return doc.get(field), gold.get(field)


def short(x):
    return json.dumps(x, ensure_ascii=False)


def main(argv):
    emit = "--emit-pending" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    root, binary = os.path.abspath(args[0]), args[1]
    shared = os.path.normpath(os.path.join(root, "..", "shared"))
    layouts, scorer = os.path.join(shared, "layouts"), os.path.join(shared, "tools", "score.py")
    if not os.path.isfile(os.path.join(layouts, "README.md")) or not os.path.isfile(scorer):
        print(f"no {layouts} or {scorer}: skipped")
        return 77
    sc = load_scorer(scorer)
    rows = catalogue(os.path.join(layouts, "README.md"))
    names = list(dict.fromkeys(name for name, _ in rows))
    classes = {}
    for name, cls in rows:
        classes.setdefault(name, []).append(cls)
    pending_path = os.path.join(root, "tests", "layouts", "pending.txt")
    pending = read_pending(pending_path)
    problems = []
    for name in pending:
        if name not in names:
            problems.append(f"{name}: in pending.txt but not in the catalogue's README")
        if "ctl" in name or "S0_control" in name:
            problems.append(f"{name}: a control may not be pending (the README: controls read right and must go on doing so)")

    with tempfile.TemporaryDirectory() as tmp:
        out_dir = os.path.join(tmp, "out") + "/"
        run = subprocess.run([binary, "parse", "-q", "--glob", "*.txt", "-o", out_dir, layouts],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode not in (0, 1):
            print(f"congvan parse exited {run.returncode}: {run.stderr.strip()[:500]}")
            return 1
        outputs = {}
        for base, _, files in os.walk(out_dir):
            for f in files:
                if f.endswith(".json"):
                    outputs[f[:-5]] = os.path.join(base, f)
        results = {}
        for name in names:
            stem = name[:-4]
            gold_path = os.path.join(root, "tests", "layouts", "expected", stem + ".yaml")
            if not os.path.exists(gold_path):
                results[name] = (None, {"_gold": 0.0}, {}, f"no gold {os.path.relpath(gold_path, root)}")
                continue
            gold = yaml.safe_load(open(gold_path, encoding="utf-8"))
            doc, error = {}, None
            try:
                doc = json.load(open(outputs[stem], encoding="utf-8"))
                if not isinstance(doc, dict) or "error" in doc:
                    raise ValueError(f"error object {short(doc.get('error') if isinstance(doc, dict) else doc)[:200]}")
                scores = stated_scores(sc, gold, doc)
            except Exception as e:  # missing or broken output: every stated field scores 0
                error = f"{type(e).__name__}: {e}"[:300]
                scores = {k: 0.0 for k in stated_scores(sc, gold, {"sections": [], "signature": {}})}
            results[name] = (gold, scores, doc, error)

    passing = {n for n, (_, s, _, e) in results.items() if e is None and all(v >= 1.0 - 1e-9 for v in s.values())}
    if emit:
        print("# Layout files that do not read right yet (tests/layouts_test.py). Remove a name when it passes;")
        print("# the test fails while a listed file passes, and when an unlisted file fails.")
        print("# Generated from the failures of the build it was made with; the comment is the fields that failed.")
        for name in names:
            if name not in passing:
                gold, scores, _, error = results[name]
                bad = [k for k, v in scores.items() if v < 1.0 - 1e-9]
                print(f"{name}  # {', '.join(bad)}{' (' + error + ')' if error else ''}")
        return 0

    for name in names:
        gold, scores, doc, error = results[name]
        ok = name in passing
        if name in pending:
            if ok:
                problems.append(f"{name}: now passes, remove from pending (tests/layouts/pending.txt)")
            continue
        if ok:
            continue
        lines = [f"{name}: fails ({', '.join(classes[name])})" + (f": {error}" if error else "")]
        for field, value in scores.items():
            if value < 1.0 - 1e-9:
                got, want = got_and_expected(sc, field, gold or {}, doc or {})
                lines.append(f"    {field} {value:.3f}: got {short(got)} expected {short(want)}")
        problems.append("\n".join(lines))

    for p in problems:
        print(p)
    n_pending = sum(1 for n in names if n in pending)
    print(f"layouts: {len(passing)} passing, {n_pending} pending, of {len(names)}")
    for cls in dict.fromkeys(CLASSES.values()):
        members = [n for n in names if cls in classes[n]]
        if members:
            p = sum(1 for n in members if n in passing)
            f = sum(1 for n in members if n in pending)
            print(f"  {cls}: {p} passing, {f} pending, of {len(members)}")
    failing_unlisted = [n for n in names if n not in passing and n not in pending]
    if failing_unlisted:
        print(f"layouts: {len(failing_unlisted)} failing and not in pending: {', '.join(failing_unlisted)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
