#!/usr/bin/env python3
"""A run's memory stays bounded by what it holds, not by what it has read: one profile of a
thousand fields and 120,000 `set` records (each patch has a slot per field, 20 KB), read on a
second thread and on one. The run holds one profile; it must not grow by the patches it freed
(tools/allocator/jemalloc_settings.c: about 1 GB before session 68, about 100 MB since).

    tests/wide_set_memory.py JOURNEY
"""
import os
import subprocess
import sys
import tempfile

FIELDS = 1000
SETS = 120_000
LIMIT_MB = 300  # several times the run's need; reading ahead without reuse took 1 GB and more


def main():
    journey = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        program = os.path.join(work, "wide.journey")
        with open(program, "w") as f:
            fields = ", ".join(f"f{i}: int = 0" for i in range(FIELDS))
            f.write(f"schema Profile {{ id: string, email: string?, {fields} }}\n")
            f.write("audience Big = profile.f0 > 1000\n")
        profiles = os.path.join(work, "profiles.jsonl")
        with open(profiles, "w") as f:
            f.write('{"id": "p0"}\n')
        records = os.path.join(work, "records.jsonl")
        with open(records, "w") as f:
            for i in range(SETS):
                day, second = divmod(i, 86_400)
                hh, rest = divmod(second, 3600)
                mm, ss = divmod(rest, 60)
                f.write(f'{{"time": "2026-01-{day + 1:02d}T{hh:02d}:{mm:02d}:{ss:02d}Z", '
                        f'"profile": "p0", "set": {{"email": "x{i}@example.com"}}}}\n')
        failed = 0
        for threads in ("2", "1"):
            with open(os.path.join(work, "stderr"), "w+") as err:
                child = subprocess.Popen([journey, "run", program, "--profiles", profiles,
                                          "--events", records, "--out", os.devnull,
                                          "--threads", threads],
                                         stdout=subprocess.DEVNULL, stderr=err)
                _, status, usage = os.wait4(child.pid, 0)  # this run's own peak
                child.returncode = os.waitstatus_to_exitcode(status)
                err.seek(0)
                summary = err.read()
            peak_mb = usage.ru_maxrss / 1024
            if child.returncode != 0 or f"{SETS} records applied" not in summary:
                print(f"--threads {threads}: the run failed (exit {child.returncode}):\n{summary}")
                failed += 1
                continue
            verdict = "ok" if peak_mb <= LIMIT_MB else f"over {LIMIT_MB} MB"
            print(f"--threads {threads}: peak {peak_mb:.0f} MB: {verdict}")
            failed += peak_mb > LIMIT_MB
    print(f"{2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
