#!/usr/bin/env python3
"""Writes the spec that bench.py runs for benchmarks/pkcs11.sh: sign with an in-process key and with the same kind of
key on the SoftHSM2 token, on the same project, plus the project without sign (the baseline).

Usage: pkcs11_cases.py --work DIR --mvn "MVN ARGS..." --module LIB --token LABEL --keys "K..." --runs N --warmup N
       --pin-file FILE --softhsm-conf FILE --key-created TIME --out SPEC.json
"""
import argparse
import glob
import json
import os

GOAL = "dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT"
NAMES = {"rsa2048": "RSA 2048", "ecdsa-p256": "ECDSA P-256"}


def main():
    parser = argparse.ArgumentParser()
    for name in ("--work", "--mvn", "--module", "--token", "--keys", "--pin-file", "--softhsm-conf", "--key-created", "--out"):
        parser.add_argument(name, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    args = parser.parse_args()
    work = args.work
    project = os.path.join(work, "project")
    data = os.path.join(work, "data")
    prepare = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "prepare-run.sh"), project, data]
    # -o: no remote look-ups inside the timed runs; -q: no console cost. The same Maven and local repositories for all.
    mvn = args.mvn.split() + ["-B", "-q", "-o", "package"]

    def variant(id, label, role, argv, env=None):
        return {"id": id, "label": label, "role": role, "group": "all", "argv": argv, "cwd": project, "env": env or {},
                "prepare": prepare}

    variants = [variant("baseline", "`mvn package`, no signing (Maven's start-up and the project)", "baseline", mvn)]
    for key in args.keys.split():
        variants.append(variant(f"inprocess-{key}", f"sign, in-process OpenPGP key {NAMES[key]} (`-Dsecure-build.keyFile`)",
                                "reference", mvn + [f"{GOAL}:sign", f"-Dsecure-build.keyFile={work}/keys/inprocess-{key}/secret-key.asc"]))
        variants.append(variant(f"pkcs11-{key}", f"sign, {NAMES[key]} key on the SoftHSM2 token (`-Dsecure-build.signer=pkcs11`)",
                                "secure-build",
                                mvn + [f"{GOAL}:sign", "-Dsecure-build.signer=pkcs11", f"-Dsecure-build.pkcs11.library={args.module}",
                                       f"-Dsecure-build.pkcs11.tokenLabel={args.token}", f"-Dsecure-build.pkcs11.keyLabel=bench-{key}",
                                       f"-Dsecure-build.pkcs11.keyCreated={args.key_created}"],
                                {"SECURE_BUILD_PKCS11_PIN": "@file:" + args.pin_file, "SOFTHSM2_CONF": args.softhsm_conf}))
    files = sorted(glob.glob(os.path.join(data, "*.bin")))
    spec = {"case": "pkcs11", "title": f"{len(files)} files of {os.path.getsize(files[0]) // 1024} KiB, the POM and each attached",
            "runs": args.runs, "warmup": args.warmup, "inputs": files, "variants": variants}
    with open(args.out, "w") as f:
        json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main()
