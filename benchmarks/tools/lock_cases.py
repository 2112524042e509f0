#!/usr/bin/env python3
"""Writes the spec that bench.py runs for benchmarks/lock.sh: `mvn -q validate` on the allow-list reactor with the
enforcer running a trivial rule (the baseline), with the enforcer running requireLockedDependencies (secure-build's lock
check), and with the baseline's enforcer followed by maven-lockfile's validate goal (chains-project).

Usage: lock_cases.py --reactor DIR --modules N --runs N --warmup N --inputs LIST --lockfile-version V --out SPEC.json

maven-lockfile's validate requires online mode (its descriptor says requiresOnline: `-o` fails the goal when it is on
the command line, and skips it silently when it is bound in a POM), so it is timed without `-o`; the baseline and our
rule are timed both ways (and our rule offline with checkAllPlugins, which also collects the dependencies of the
plugins validate does not run, as the rule did before it checked only those a build runs): offline (`-o`, the target's measure, as allowlist.sh times) and online (what maven-lockfile
is compared with). Before every run, untimed: the modules' target/ go (our rule writes its result there) and every
file the locks name is read, so that each run starts with a warm page cache (LIST: NUL-separated paths).
"""
import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reactor", required=True)
    parser.add_argument("--modules", type=int, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--inputs", required=True, help="NUL-separated list of the files to read before each run")
    parser.add_argument("--lockfile-version", default="5.18.3")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.inputs, "rb") as f:
        inputs = [p.decode() for p in f.read().split(b"\0") if p]
    prepare = ["sh", "-c", 'rm -rf target module-*/target && xargs -0 -a "$1" cat > /dev/null', "prepare", args.inputs]
    mvn = ["mvn", "-B", "-q"]
    mlf = f"io.github.chains-project:maven-lockfile:{args.lockfile_version}:validate"

    def variant(id, label, role, argv):
        return {"id": id, "label": label, "role": role, "group": "all", "argv": argv, "cwd": args.reactor, "env": {},
                "prepare": prepare}

    variants = [
        variant("baseline", "the enforcer with a trivial rule, `alwaysPass` (`-o -Pbaseline`)", "baseline",
                mvn + ["-o", "validate", "-Pbaseline"]),
        variant("locked", "`requireLockedDependencies` (`-o -Plocked`)", "secure-build", mvn + ["-o", "validate", "-Plocked"]),
        variant("locked-all-plugins", "`requireLockedDependencies` with `checkAllPlugins` (`-o -Plocked -Dbench.checkAllPlugins=true`)",
                "secure-build-all-plugins", mvn + ["-o", "validate", "-Plocked", "-Dbench.checkAllPlugins=true"]),
        variant("baseline-online", "the enforcer with `alwaysPass`, online (`-Pbaseline`)", "baseline-online",
                mvn + ["validate", "-Pbaseline"]),
        variant("locked-online", "`requireLockedDependencies`, online (`-Plocked`)", "secure-build-online",
                mvn + ["validate", "-Plocked"]),
        variant("maven-lockfile", f"maven-lockfile {args.lockfile_version} `validate` after the baseline's enforcer, online "
                f"(`-Pbaseline validate {mlf}`)", "competitor", mvn + ["-Pbaseline", "validate", mlf]),
    ]
    spec = {"case": "lock", "title": f"a reactor of {args.modules} modules (and their parent)", "runs": args.runs,
            "warmup": args.warmup, "inputs": inputs, "variants": variants}
    with open(args.out, "w") as f:
        json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main()
