#!/usr/bin/env python3
"""Checks `congvan parse --format ics` with a real iCalendar parser (Debian's python3-icalendar).

usage: validate_ics.py CONGVAN_BINARY SAMPLES_DIR
For every sample: the calendar parses; each deadline of the JSON output with a due date is one VTODO
with that DUE, each recurrence one VEVENT with that RRULE; UIDs are unique and the same on a second run.
"""
import glob, json, os, subprocess, sys

import icalendar


def deadlines(doc):
    out = []
    def walk(sections):
        for s in sections:
            for t in s["tasks"]:
                out.extend(t["deadlines"])
            walk(s["sections"])
    walk(doc["sections"])
    for t in (doc["closing"] or {}).get("tasks", []) + doc["tasks"]:
        out.extend(t["deadlines"])
    return [d for d in out if d["due"] or d["repeat"]]


def main(binary, samples):
    files = sorted(glob.glob(os.path.join(samples, "*.txt")))
    ics = subprocess.run([binary, "parse", "--format", "ics", *files], capture_output=True, check=True).stdout
    again = subprocess.run([binary, "parse", "--format", "ics", *files], capture_output=True, check=True).stdout
    if ics != again:
        print("two runs differ")
        return 1
    cal = icalendar.Calendar.from_ical(ics)
    todos = [c for c in cal.walk() if c.name == "VTODO"]
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    uids = [str(c["UID"]) for c in todos + events]
    failures = []
    if len(uids) != len(set(uids)):
        failures.append("duplicate UIDs")
    rows = subprocess.run([binary, "parse", "--format", "jsonl", *files], capture_output=True).stdout
    want_due, want_rrule = [], []
    for row in rows.decode("utf-8").splitlines():
        for d in deadlines(json.loads(row)):
            if d["repeat"]:
                want_rrule.append(d["repeat"])
            else:
                want_due.append(d["due"])
    got_due = []
    for c in todos:
        for key in ("UID", "DTSTAMP", "DUE", "SUMMARY"):
            if key not in c:
                failures.append(f"VTODO without {key}")
        got_due.append(c["DUE"].dt.isoformat()[:10])
    got_rrule = []
    for c in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "RRULE", "SUMMARY"):
            if key not in c:
                failures.append(f"VEVENT without {key}")
        got_rrule.append(c["RRULE"].to_ical().decode())
    if len(got_due) != len(want_due):
        failures.append(f"{len(want_due)} dated deadlines in JSON, {len(got_due)} VTODOs")
    for due, got in zip(want_due, got_due):
        if len(due) == 10 and due != got:
            failures.append(f"DUE {got} != {due}")
    if sorted(got_rrule) != sorted(want_rrule):
        failures.append(f"RRULEs {sorted(got_rrule)} != {sorted(want_rrule)}")
    if not todos or not events:
        failures.append("the samples should give both VTODOs and VEVENTs")
    for f in failures:
        print(f)
    print(f"{len(todos)} VTODO, {len(events)} VEVENT checked; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
