#!/usr/bin/env python3
"""Writes a SYNTHETIC SARIF 2.1.0 log of about --mb megabytes: the runs of real SARIF samples, repeated.

  synthetic_sarif.py --samples DIR --out FILE [--mb 200]

Every file under DIR (sorted by path, as the corpus tests take them) is parsed, one at a time, and its runs are kept as
compact JSON text; the output log then lists those runs again and again, in the same order, as long as the next run
still fits under the size. The file is written as a stream (one run at a time), never built in memory, and is the same
bytes for the same samples. The log says it is synthetic in its own properties. Prints a JSON summary on stdout.
"""
import argparse
import hashlib
import json
import os
import sys


def sample_files(root):
    found = []
    for folder, _, names in os.walk(root):
        found += [os.path.join(folder, name) for name in names]
    return sorted(found, key=lambda p: os.path.relpath(p, root))


def fail_results(run):
    """Results that are findings (kind fail or absent), as SarifReader and jq count them."""
    return sum(1 for r in run.get("results") or [] if r.get("kind", "fail") == "fail")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--mb", type=float, default=200)
    args = parser.parse_args()
    limit = int(args.mb * 1_000_000)

    runs = []  # (compact JSON text of one run, results that are findings, sample path)
    files = sample_files(args.samples)
    for path in files:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        for run in log.get("runs") or []:
            runs.append((json.dumps(run, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), fail_results(run),
                         os.path.relpath(path, args.samples)))
    if not runs or sum(len(r[0]) for r in runs) == 0:
        sys.exit(f"no SARIF runs under {args.samples}")

    head = json.dumps({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "properties": {
            "synthetic": True,
            "description": "SYNTHETIC benchmark input made by secure-build's benchmarks/tools/synthetic_sarif.py: the runs of "
                           f"{len(files)} real SARIF samples, repeated in order until the log is about {args.mb:g} MB. "
                           "Not the output of any scanner run.",
        },
    }, separators=(",", ":"))
    head = (head[:-1] + ',"runs":[').encode("utf-8")
    tail = b"]}\n"
    written = len(head) + len(tail)
    count_runs = count_results = repetitions = 0
    digest = hashlib.sha256()
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as out:
        def write(chunk):
            out.write(chunk)
            digest.update(chunk)

        write(head)
        full = True
        while full:
            for text, results, _ in runs:
                extra = len(text) + (1 if count_runs else 0)
                if written + extra > limit:
                    full = False
                    break
                write((b"," if count_runs else b"") + text)
                written += extra
                count_runs += 1
                count_results += results
            else:
                repetitions += 1
        write(tail)
    os.replace(tmp, args.out)
    json.dump({"file": args.out, "bytes": written, "sha256": digest.hexdigest(), "samples": len(files),
               "sample_runs": len(runs), "runs": count_runs, "complete_repetitions": repetitions,
               "findings": count_results, "synthetic": True}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
