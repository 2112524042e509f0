#!/usr/bin/env python3
"""Writes the spec that bench.py runs for benchmarks/findings.sh: which commands read the synthetic SARIF file.

Usage: findings_cases.py --file SARIF --project DIR --classpath CP --runs N --warmup N [--default-heap 0|1] --out SPEC.json
"""
import argparse
import json
import os

GOAL = "dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT"
JQ_COUNT = '[.runs[] | (.results // [])[] | select((.kind // "fail") == "fail")] | length'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--classpath", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--default-heap", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    sarif, project = args.file, args.project
    # Untimed before every run: the goal's previous outputs go, and the file is read into the page cache.
    prepare = ["sh", "-c", 'rm -rf "$0/target" && cat "$1" > /dev/null', project, sarif]
    small_heap = {"MAVEN_OPTS": "-Xmx256m"}
    # -o: no remote look-ups (snapshot metadata) inside the timed runs; -q: no console cost.
    check = ["mvn", "-B", "-q", "-o", f"{GOAL}:check-findings", f"-Dsecure-build.reports={sarif}",
             "-Dsecure-build.failOnViolation=false"]

    def variant(id, label, role, argv, env=None, may_fail=False):
        return {"id": id, "label": label, "role": role, "group": "all", "argv": argv, "cwd": project, "env": env or {},
                "prepare": prepare, "rss": True, "may_fail": may_fail}

    variants = [
        variant("jq", "jq '.runs | length' FILE: jq parses the whole file (the target's peer)", "competitor",
                ["jq", ".runs | length", sarif]),
        variant("jq-count", "jq counting the results of kind fail or absent, the reader's count (for information)", "reference",
                ["jq", JQ_COUNT, sarif]),
        variant("reader", "SarifReader alone in a plain JVM, -Xmx256m: `ReadFindings FILE` (findings counted, not kept)",
                "secure-build", ["java", "-Xmx256m", "-cp", args.classpath, "dev.securebuild.benchmarks.ReadFindings", sarif]),
        variant("baseline", "Maven start-up: `mvn -B -q -o secure-build:help`, MAVEN_OPTS=-Xmx256m (a goal that does nothing)",
                "baseline", ["mvn", "-B", "-q", "-o", f"{GOAL}:help"], small_heap),
        variant("goal", "check-findings on the file, MAVEN_OPTS=-Xmx256m, as users run it", "secure-build", check, small_heap,
                may_fail=True),
    ]
    if args.default_heap:
        variants.append(variant("goal-default-heap", "check-findings on the file, no MAVEN_OPTS (the JVM's default heap) (for information)",
                                "reference", check, may_fail=True))
    spec = {"case": "findings", "title": f"one synthetic SARIF file of {os.path.getsize(sarif) / 1e6:.0f} MB",
            "runs": args.runs, "warmup": args.warmup, "inputs": [sarif], "variants": variants}
    with open(args.out, "w") as f:
        json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main()
