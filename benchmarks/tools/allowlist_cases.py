#!/usr/bin/env python3
"""Writes the spec that bench.py runs for benchmarks/allowlist.sh: `mvn -o -q validate` on the generated reactor with
the enforcer running a trivial rule (the baseline), bannedDependencies, or approvedDependencies (with and without
reading licenses), all configured with the same allow-list.

Usage: allowlist_cases.py --reactor DIR --modules N --runs N --warmup N --out SPEC.json
"""
import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reactor", required=True)
    parser.add_argument("--modules", type=int, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    # -o: no remote look-ups (snapshot metadata) inside the timed runs; -q: no console cost. validate writes nothing,
    # so there is nothing to clean between runs.
    validate = ["mvn", "-B", "-o", "-q", "validate"]

    def variant(id, label, role, profile_args):
        return {"id": id, "label": label, "role": role, "group": "all", "argv": validate + profile_args, "cwd": args.reactor,
                "env": {}, "prepare": None}

    variants = [
        variant("baseline", "the enforcer with a trivial rule, `alwaysPass` (`-Pbaseline`)", "baseline", ["-Pbaseline"]),
        variant("banned", "`bannedDependencies`, the list as excludes `*` and includes (`-Pbanned`)", "competitor", ["-Pbanned"]),
        variant("approved", "`approvedDependencies`, the list as YAML (`-Papproved`)", "secure-build", ["-Papproved"]),
        variant("approved-no-licenses", "`approvedDependencies` with `readLicenses=false` (`-Papproved -Dbench.readLicenses=false`)",
                "reference", ["-Papproved", "-Dbench.readLicenses=false"]),
    ]
    spec = {"case": "allowlist", "title": f"a reactor of {args.modules} modules (and their parent)", "runs": args.runs,
            "warmup": args.warmup, "inputs": [], "variants": variants}
    with open(args.out, "w") as f:
        json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main()
