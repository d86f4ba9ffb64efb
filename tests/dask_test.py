#!/usr/bin/env python3
"""congvan under a real distributed engine: Dask distributed (Debian's python3-distributed), a scheduler
and two worker processes on 127.0.0.1, started and stopped here. A bag of JSON Lines records
{"path", "text"} (the samples, each several times) is split into partitions; each partition is piped
through `congvan parse --input-format jsonl` on a worker; the rows gathered must equal, row for row, a
local run of the same records through one process.

usage: dask_test.py CONGVAN_BINARY SAMPLES_DIR

The same map_partitions recipe runs as is against a cluster's scheduler (README, "Archives on many
machines"); only the Client's address changes.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time


def parse_partition(records, binary):
    """Runs on a worker: one congvan process for the whole partition, records in, rows out."""
    import subprocess as sp
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    run = sp.run([binary, "parse", "-q", "--input-format", "jsonl"], input=data.encode("utf-8"),
                 stdout=sp.PIPE, stderr=sp.PIPE, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"congvan exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')}")
    from distributed import get_worker
    name = get_worker().name
    return [(name, row) for row in run.stdout.decode("utf-8").splitlines()]


def main(binary, samples):
    from dask import bag
    from distributed import Client

    records = []
    for round_ in range(3):
        for path in sorted(glob.glob(os.path.join(samples, "*.txt"))):
            text = open(path, encoding="utf-8").read()
            records.append({"path": f"r{round_}/{os.path.basename(path)}", "text": text})
    records.append({"path": "bad/empty.txt", "text": ""})  # an error row travels like the others

    local = subprocess.run([binary, "parse", "-q", "--input-format", "jsonl"],
                           input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(),
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    expected = local.stdout.decode("utf-8").splitlines()
    assert len(expected) == len(records), f"local run gave {len(expected)} rows for {len(records)} records"

    procs = []
    with tempfile.TemporaryDirectory(prefix="congvan-dask-") as tmp:
        sched_file = os.path.join(tmp, "scheduler.json")
        env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
        py = sys.executable
        try:
            procs.append(subprocess.Popen(
                [py, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                 "--no-dashboard", "--scheduler-file", sched_file],
                stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "scheduler.log"), "w"), env=env))
            deadline = time.time() + 60
            while not os.path.exists(sched_file) and time.time() < deadline:
                time.sleep(0.1)
            assert os.path.exists(sched_file), "the scheduler did not start"
            for i in range(2):
                procs.append(subprocess.Popen(
                    [py, "-m", "distributed.cli.dask_worker", "--scheduler-file", sched_file, "--nworkers", "1",
                     "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}",
                     "--local-directory", os.path.join(tmp, f"w{i}")],
                    stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, f"w{i}.log"), "w"), env=env))
            with Client(scheduler_file=sched_file, timeout=60) as client:
                client.wait_for_workers(2, timeout=60)
                workers = client.scheduler_info()["workers"]
                assert len(workers) == 2, f"{len(workers)} workers"
                assert all(addr.startswith("tcp://127.0.0.1:") for addr in workers), list(workers)
                b = bag.from_sequence(records, npartitions=6)
                futures = client.compute(b.map_partitions(parse_partition, binary))
                tagged = futures.result()
            rows = [row for _, row in tagged]
            done_on = sorted({name for name, _ in tagged})  # the workers that ran partitions
            assert len(rows) == len(expected), f"{len(rows)} rows from Dask, {len(expected)} locally"
            for i, (a, b_) in enumerate(zip(rows, expected)):
                assert a == b_, f"row {i} ({records[i]['path']}) differs from the local run"
            errors = sum(1 for r in rows if "error" in json.loads(r))
            assert errors == 1, f"{errors} error rows, expected the one empty record"
            print(f"dask_test: {len(rows)} rows, parsed on workers {', '.join(map(str, done_on))} (2 on 127.0.0.1), "
                  "equal the local run row for row")
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
