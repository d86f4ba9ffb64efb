#!/usr/bin/env python3
"""Scaling test: the inputs that once made congvan superlinear (issue 13), each built at 1x and 4x and
run through the real binary.

usage: scaling_test.py CONGVAN_BINARY [--scale S] [--only NAME,...] [--report]

For each case it builds the input at 0x (the same document without the repeated part), 1x and 4x (in a
temporary folder), runs `congvan parse` on each with stdout to /dev/null, and reads the child's own
rusage (os.wait4: user + sys CPU seconds, peak RSS). The 0x run (the better of two) is the baseline subtracted
from the others: its CPU time (start-up, loading and compiling the grammar) and its RSS, so that sizes small
enough for the test suite measure the work and not the start-up. A case fails when
  - work(4x) > 6 x work(1x), where work = CPU - CPU(0x)   (linear gives about 4x, quadratic 16x), or
  - (peak RSS(4x) - RSS(0x)) / input bytes(4x) > the case's limit (40 bytes per input byte).
Work under 50 ms counts as 50 ms (noise next to a start-up of about 0.3 s). A failing case is measured
once more (the better of two rounds counts), since the machine may be busy.
--scale multiplies every size (the test suite runs at 1; use 4 or 16 by hand to see the trend);
--report prints the table even when everything passes. Exits 1 when any case fails, naming it.
"""
import os
import subprocess
import sys
import tempfile

HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 1/UBND-VX\nCà Mau, ngày 1 tháng 2 năm 2024\n"
          "V/v thử\nKính gửi: Sở Y tế\n")


# Each builder yields the input in pieces, written to its file one by one: this process stays small, so
# its own memory (which a forked child's peak RSS starts from) never shows in the measurements.
def repeat(text, count):
    """Yields text * count in pieces of about 64 KiB."""
    per = max(1, 65536 // len(text))
    while count > 0:
        k = min(per, count)
        yield text * k
        count -= k


def angle_brackets(n):
    # Every '<' without a '>' searched the rest of the line (text/normalize.cc StripHtmlTags).
    yield HEADER
    yield from repeat("<", 160000 * n)
    yield "\n"


def deadlines_one_sentence(n):
    # The repro: one sentence of the same deadline over and over; each was checked for overlap
    # against every deadline accepted before it (extract/deadlines.cc).
    yield HEADER + "1. Sở Y tế thực hiện "
    yield from repeat("trước ngày 1 tháng 1 năm 2030 ", 36000 * n)
    yield "\n"


def deadlines_distinct(n):
    # One sentence of deadlines that all differ: each was looked up with unit.find(d.text) from the start
    # of the sentence (extract/tasks.cc), which scans up to the deadline every time.
    # (Days, months and years 2030-2099 give 23,520 different dates: enough for 4x at --scale 1.)
    yield HEADER + "1. Sở Y tế thực hiện "
    for i in range(5000 * n):
        i %= 23520
        yield f"trước ngày {i % 28 + 1} tháng {i // 28 % 12 + 1} năm {2030 + i // 336} "
    yield "\n"


def paragraph_lines(n):
    # Numbering stops at 99, so the lines after it make one paragraph of many lines, one sentence each:
    # the paragraph's line table was scanned from its start for every sentence (model/document.h LineAt).
    yield HEADER
    for i in range(1, 32000 * n + 1):
        yield f"{i}. Sở Y tế thực hiện.\n"


def trailing_footnotes(n):
    # "[n] ..." footnotes after the document were inserted at the front of a vector (segment/tail.cc).
    yield HEADER + "1. Sở Y tế thực hiện.\n"
    for i in range(1, 24000 * n + 1):
        yield f"[{i % 999 + 1}] Ghi chú số {i}.\n"


def numbered_x_lines(n):
    # 16 MB of "1. x" needed 4.3 GB: two warnings per line, uncapped, and the whole output in memory.
    # One line more than 40,000 n, so the 0x baseline is a document too: an empty file compiles none of
    # the grammar, and its start-up (about 5 MB) would count as per-byte memory of the others.
    yield from repeat("1. x\n", 40000 * n + 1)


def big_jsonl_record(n):
    # One JSON Lines record far over --max-bytes: it must be refused without being held in memory.
    yield '{"path": "big.txt", "text": "'
    yield from repeat("a", 1000000 * n + 2000)
    yield '"}\n'


def documents_to_file(n):
    # Many documents into one -o FILE: the whole output was held in memory until the end (475 MB on the
    # 58 MB corpus, 75 MB to stdout). Yields one document per piece: each is a file of the input tree.
    seed = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: {i}/UBND-VX\nCà Mau, ngày 1 tháng 2 năm 2024\nV/v thử\n"
            "Kính gửi: Sở Y tế\n" + "".join(f"{k}. Sở Y tế báo cáo trước ngày {k} tháng 3 năm 2024.\n"
                                             for k in range(1, 40)))
    for i in range(150 * n + 1):
        yield seed.replace("{i}", str(i + 1))


# name, build(n) -> pieces of text, extra arguments, mode, RSS limit per input byte. Modes: "file" (the
# input is one file, named last), "stdin" (fed on stdin), "tree" (each piece is one file of a folder,
# named last; "{out}" in the arguments is an existing output file, so -o names a file).
CASES = [
    ("angle_brackets", angle_brackets, [], "file", 40),
    ("deadlines_one_sentence", deadlines_one_sentence, [], "file", 40),
    ("deadlines_distinct", deadlines_distinct, [], "file", 40),
    ("paragraph_lines", paragraph_lines, [], "file", 40),
    ("trailing_footnotes", trailing_footnotes, [], "file", 40),
    # Each 5-byte line becomes a task beside its model paragraph and, while the body is segmented, its
    # line and segment paragraph: 153 B/byte after the warning cap, 64 after the output streamed (session
    # 4), 38.7 with lines of 56 bytes, paragraphs of 48 and 96, and a fixed mmap threshold (session 5).
    ("numbered_x_lines", numbered_x_lines, [], "file", 40),
    ("big_jsonl_record", big_jsonl_record, ["--input-format", "jsonl", "--max-bytes", "1000"], "stdin", 1),
    # Streamed, the output file costs nothing in memory: RSS stays flat as the tree grows.
    ("documents_to_file", documents_to_file, ["--format", "jsonl", "-j", "1", "-o", "{out}"], "tree", 1),
]


def run(binary, args, path, mode):
    """Runs congvan once; returns (cpu seconds, peak RSS bytes) of that child alone."""
    out = path + ".out"
    if mode == "tree":
        open(out, "w").close()  # an existing file: -o names a file, not a directory
    args = [a.replace("{out}", out) for a in args]
    with open(path if mode == "stdin" else os.devnull, "rb") as f, open(os.devnull, "wb") as null:
        argv = [binary, "parse", "--quiet", *args] + ([] if mode == "stdin" else [path])
        p = subprocess.Popen(argv, stdin=f, stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)}: exit status {p.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def write_input(path, pieces, mode):
    """Writes the input; returns its size in bytes."""
    if mode == "tree":
        os.makedirs(path)
        size = 0
        for i, doc in enumerate(pieces):
            with open(os.path.join(path, f"d{i:06}.txt"), "w", encoding="utf-8") as f:
                f.write(doc)
            size += len(doc.encode("utf-8"))
        return size
    with open(path, "w", encoding="utf-8") as f:
        for piece in pieces:
            f.write(piece)
    return os.path.getsize(path)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    binary = argv[1]
    scale, only, report = 1, None, False
    i = 2
    while i < len(argv):
        if argv[i] == "--scale":
            scale = int(argv[i + 1]); i += 2
        elif argv[i] == "--only":
            only = set(argv[i + 1].split(",")); i += 2
        elif argv[i] == "--report":
            report = True; i += 1
        else:
            print(f"unknown argument {argv[i]}"); return 2
    failures = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="congvan-scaling-") as tmp:
        for name, build, args, mode, rss_limit in CASES:
            if only and name not in only:
                continue
            paths, sizes = {}, {}
            for k in (0, 1, 4):
                paths[k] = os.path.join(tmp, f"{name}-{k}x" + ("" if mode == "tree" else ".txt"))
                sizes[k] = write_input(paths[k], build(k * scale), mode)
            size4 = sizes[4]

            def measure():
                # The baseline is the better of two runs: a busy machine only ever adds time. Its memory is
                # the larger: what start-up holds depends on whether the spare core's prewarm compiled the
                # span set before the tiny document was done (1.5 MB apart), and none of it is per byte.
                (c0, r0), (c0b, r0b) = run(binary, args, paths[0], mode), run(binary, args, paths[0], mode)
                c0, r0 = min(c0, c0b), max(r0, r0b)
                c1, _ = run(binary, args, paths[1], mode)
                c4, r4 = run(binary, args, paths[4], mode)
                # Under 50 ms of work is noise next to the start-up: counted as 50 ms.
                w1, w4 = max(c1 - c0, 0.05), max(c4 - c0, 0.0)
                return c0, r0, c1, c4, w4 / w1, r4

            base_cpu, base_rss, c1, c4, ratio, r4 = measure()
            per_byte = max(r4 - base_rss, 0) / size4
            if ratio > 6 or per_byte > rss_limit:
                again = measure()
                again_per_byte = max(again[5] - again[1], 0) / size4
                if (again[4] <= 6 and again_per_byte <= rss_limit) or (again[4] < ratio and ratio > 6):
                    base_cpu, base_rss, c1, c4, ratio, r4 = again
            per_byte = max(r4 - base_rss, 0) / size4
            ok = ratio <= 6 and per_byte <= rss_limit
            rows.append((name, sizes[1], size4, base_cpu, c1, c4, ratio, base_rss, r4, per_byte,
                         rss_limit, ok))
            if not ok:
                failures.append(name)
    if report or failures:
        print("work = CPU - CPU(0x); RSS/byte = (peak RSS(4x) - RSS(0x)) / bytes(4x)")
        print(f"{'case':24} {'1x bytes':>9} {'4x bytes':>9} {'0x CPU':>7} {'1x CPU':>7} {'4x CPU':>7} "
              f"{'work 4x/1x':>10} {'0x RSS MB':>9} {'4x RSS MB':>9} {'RSS/byte':>8}")
        for name, s1, s4, c0, c1, c4, ratio, r0, r4, per_byte, limit, ok in rows:
            print(f"{name:24} {s1:>9} {s4:>9} {c0:>7.3f} {c1:>7.3f} {c4:>7.3f} {ratio:>10.2f} {r0 / 1e6:>9.1f} "
                  f"{r4 / 1e6:>9.1f} {per_byte:>8.1f}  {'ok' if ok else 'FAIL'} (limits 6x, {limit} B/byte)")
    if failures:
        print("superlinear or too much memory: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
