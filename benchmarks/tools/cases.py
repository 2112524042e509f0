#!/usr/bin/env python3
"""Writes the benchmark specs that bench.py runs: which commands, in which project, with which key.

Usage: cases.py --work DIR --keys "ed25519 rsa3072" --cases "small big" --runs N --warmup N --out DIR
Expects run.sh's layout under --work: projects small/ and big/ (each a pom.xml whose package phase attaches the
inputs), data-small/ and data-big/, keys in key-<type>/ with a gpg home in gnupg-<type>/.
"""
import argparse
import glob
import json
import os

SECURE_BUILD = "dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT"
GPG_PLUGIN = "org.apache.maven.plugins:maven-gpg-plugin:3.2.8"
KEY_LABEL = {"ed25519": "Ed25519", "rsa3072": "RSA-3072"}


def mvn(*goals):
    # -o: no remote look-ups (snapshot metadata) inside the timed runs; -q: no console cost.
    return ["mvn", "-B", "-q", "-o", "package", *goals]


PREPARE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prepare-run.sh")


def variants_for(work, project, keys, with_checksums, extra_secure_build):
    cwd = os.path.join(work, project)
    prepare = [PREPARE, cwd, os.path.join(work, f"data-{project}")]
    out = [{
        "id": "baseline", "label": "Maven baseline: package (attach the inputs), no signing or hashing goal",
        "role": "baseline", "group": "all", "argv": mvn(), "cwd": cwd, "prepare": prepare,
    }]
    if with_checksums:
        out.append({
            "id": "sb-checksums", "label": "secure-build checksums (SHA-256 + SHA-512, one read per file)",
            "role": "secure-build", "group": "all", "cwd": cwd, "prepare": prepare,
            "argv": mvn(f"{SECURE_BUILD}:checksums", "-Dsecure-build.algorithms=SHA-256,SHA-512"),
        })
    for key in keys:
        key_dir = os.path.join(work, f"key-{key}")
        secret = os.path.join(key_dir, "secret-key.asc")
        with open(os.path.join(key_dir, "fingerprint.txt")) as f:
            fingerprint = f.read().strip()
        gnupg = os.path.join(work, f"gnupg-{key}")
        label = KEY_LABEL[key]
        out.append({
            "id": f"sb-sign-{key}", "label": f"secure-build sign, {label} (signature + SHA-256 + SHA-512 sidecars, verified)",
            "role": "secure-build", "group": key, "cwd": cwd, "prepare": prepare,
            "argv": mvn(f"{SECURE_BUILD}:sign", f"-Dsecure-build.keyFile={secret}"),
        })
        if extra_secure_build and key == keys[0]:
            out.append({
                "id": f"sb-sign-t1-{key}", "label": f"secure-build sign, {label}, one thread (-Dsecure-build.threads=1)",
                "role": "reference", "group": key, "cwd": cwd, "prepare": prepare,
                "argv": mvn(f"{SECURE_BUILD}:sign", f"-Dsecure-build.keyFile={secret}", "-Dsecure-build.threads=1"),
            })
        out.append({
            "id": f"gpg-plugin-gpg-{key}", "label": f"maven-gpg-plugin 3.2.8 sign, signer gpg (GnuPG), {label}",
            "role": "competitor", "group": key, "cwd": cwd, "prepare": prepare,
            "env": {"GNUPGHOME": gnupg},
            "argv": mvn(f"{GPG_PLUGIN}:sign", "-Dgpg.signer=gpg", f"-Dgpg.keyname={fingerprint}", f"-Dgpg.homedir={gnupg}"),
        })
        out.append({
            "id": f"gpg-plugin-bc-{key}", "label": f"maven-gpg-plugin 3.2.8 sign, signer bc (BouncyCastle), {label}",
            "role": "competitor", "group": key, "cwd": cwd, "prepare": prepare,
            "env": {"MAVEN_GPG_KEY": "@file:" + secret},
            "argv": mvn(f"{GPG_PLUGIN}:sign", "-Dgpg.signer=bc"),
        })
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--keys", required=True)
    parser.add_argument("--big-keys", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--threads1", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    work = args.work
    os.makedirs(args.out, exist_ok=True)
    cases = args.cases.split()

    if "small" in cases:
        inputs = sorted(glob.glob(os.path.join(work, "data-small", "*.bin")))
        spec = {
            "case": "small", "title": f"{len(inputs)} files of {os.path.getsize(inputs[0]) // 1048576} MiB (+ the POM)",
            "runs": args.runs, "warmup": args.warmup, "inputs": inputs,
            "variants": variants_for(work, "small", args.keys.split(), with_checksums=True,
                                    extra_secure_build=bool(args.threads1)),
        }
        with open(os.path.join(args.out, "small.spec.json"), "w") as f:
            json.dump(spec, f, indent=1)

    if "big" in cases:
        inputs = sorted(glob.glob(os.path.join(work, "data-big", "*.bin")))
        big = inputs[0]
        cwd = os.path.join(work, "big")
        prepare = [PREPARE, cwd, os.path.join(work, "data-big")]
        variants = variants_for(work, "big", args.big_keys.split(), with_checksums=True, extra_secure_build=False)
        variants[2:2] = [
            {"id": "sha256sum", "label": "sha256sum FILE (coreutils)", "role": "reference", "group": "all",
             "argv": ["sha256sum", big], "cwd": cwd, "prepare": prepare},
            {"id": "sha512sum", "label": "sha512sum FILE (coreutils)", "role": "reference", "group": "all",
             "argv": ["sha512sum", big], "cwd": cwd, "prepare": prepare},
            {"id": "sha256sum+sha512sum", "label": "sha256sum FILE && sha512sum FILE (two reads, one after the other)",
             "role": "reference", "group": "all", "argv": ["sh", "-c", 'sha256sum "$0" && sha512sum "$0"', big],
             "cwd": cwd, "prepare": prepare},
        ]
        spec = {
            "case": "big", "title": f"one file of {os.path.getsize(big) // 1048576} MiB (+ the POM)",
            "runs": args.runs, "warmup": args.warmup, "inputs": inputs, "variants": variants,
        }
        with open(os.path.join(args.out, "big.spec.json"), "w") as f:
            json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main()
