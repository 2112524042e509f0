#!/usr/bin/env python3
"""Turns the raw results of benchmarks/run.sh into Markdown, or splices that Markdown into a document.

  report.py --results DIR --command CMD --elapsed SECONDS > results.md
  report.py --splice docs/benchmarks.md < results.md   (replaces what is between the GENERATED RESULTS markers)

Every figure comes from the JSON that bench.py wrote and the tables the harness printed in the same run.
"""
import argparse
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

BEGIN = "<!-- BEGIN GENERATED RESULTS (benchmarks/run.sh --update-doc) -->"
END = "<!-- END GENERATED RESULTS -->"
KEY_LABEL = {"ed25519": "Ed25519", "rsa3072": "RSA-3072"}


def sh(*argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def first_line(text):
    return text.splitlines()[0] if text else "?"


def machine():
    with open("/proc/cpuinfo") as f:
        cpuinfo = f.read()
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    flags = re.search(r"^flags\s*:\s*(.*)$", cpuinfo, re.M)
    flags = set(flags.group(1).split()) if flags else set()
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    mvn = re.sub(r"\x1b\[[0-9;]*m", "", sh("mvn", "-v"))
    rows = [
        ("CPU", (model.group(1) if model else "?") + f", {os.cpu_count()} cores visible (nproc {sh('nproc')})"),
        ("SHA extensions", ("sha_ni: yes" if "sha_ni" in flags else "sha_ni: no") + (", avx2: yes" if "avx2" in flags else ", avx2: no")
         + " (the JDK uses SHA-NI for SHA-256 and AVX2 for SHA-512; coreutils' sha256sum uses SHA-NI through its crypto library only if built so)"),
        ("memory", f"{mem_kb / 1048576:.0f} GiB"),
        ("kernel", platform.release()),
        ("Java", first_line(java)),
        ("Maven", first_line(mvn)),
        ("GnuPG", first_line(sh("gpg", "--version")) + ", " + sh("sh", "-c", "gpg --version | grep -m1 libgcrypt")),
        ("coreutils", first_line(sh("sha256sum", "--version"))),
        ("plugins", "secure-build-maven-plugin 0.1.0-SNAPSHOT (this checkout, BouncyCastle 1.82); maven-gpg-plugin 3.2.8 "
                    "(BouncyCastle 1.81); build-helper-maven-plugin 3.6.0"),
    ]
    return rows


def median(values):
    return statistics.median(values) if values else float("nan")


def stats(results):
    walls = [r["wall"] for r in results]
    return {
        "median": median(walls), "min": min(walls),
        "cpu": median([r["user"] + r["sys"] for r in results]),
        "load": median([r["load1"] for r in results]),
        "idle": median([r.get("idle_before", float("nan")) for r in results]),
        "resident": min((r["resident"] for r in results if r["resident"] is not None), default=None),
        "others": median([r.get("others", float("nan")) for r in results]),
        "redone": sum(r.get("redone", 0) for r in results),
        "n": len(walls),
    }


def fmt(seconds, signed=False):
    return f"{seconds:+.2f}" if signed else f"{seconds:.2f}"


def case_table(data):
    s = {v["id"]: stats(data["results"][v["id"]]) for v in data["variants"]}
    base = s["baseline"]
    redone = sum(x["redone"] for x in s.values())
    lines = [
        f"### {data['title']}",
        "",
        f"{data['runs']} timed runs of each variant after {data['warmup']} warm-up, interleaved (each round runs every variant once, "
        f"in an order rotated per round). Wall times in seconds. *Cost* = the variant's time minus the baseline's, i.e. "
        f"what the goal adds to a build, Maven's own start-up and project set-up taken out (median − median, min − min). "
        f"A run during which other processes used more than 0.15 s of CPU (or 10 % of its wall time) was done again, up to "
        f"three times: {redone} run(s) in this case.",
        "",
        "| variant | median | min | cost (median) | cost (min) | CPU s (user+sys) | CPUs idle just before | other processes' CPU s during the run | inputs in page cache |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for v in data["variants"]:
        x = s[v["id"]]
        is_maven = v["argv"][0] == "mvn"
        cost_med = fmt(x["median"] - base["median"], True) if is_maven and v["id"] != "baseline" else ""
        cost_min = fmt(x["min"] - base["min"], True) if is_maven and v["id"] != "baseline" else ""
        resident = f"{x['resident'] * 100:.0f} %" if x["resident"] is not None else ""
        name = f"**{v['label']}**" if v["role"] == "secure-build" else v["label"]
        others = f"{x['others']:.2f}" if x["others"] == x["others"] else ""
        lines.append(f"| {name} | {fmt(x['median'])} | {fmt(x['min'])} | {cost_med} | {cost_min} | {x['cpu']:.2f} | {x['idle'] * 100:.0f} % | {others} | {resident} |")
    lines.append("")
    return lines, s


def verdict(ok):
    return "**met**" if ok else "**missed**"


def harness_rows(path):
    """Parses a harness table: {phase: (median ms, min ms)}."""
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 4 and re.fullmatch(r"\d+", cells[2] or "x"):
                rows[cells[0]] = (float(cells[2]), float(cells[3]))
    return rows


def coldstart_table(results, prefix="coldstart"):
    steps = {}
    keys = []
    for path in sorted(glob.glob(os.path.join(results, f"{prefix}-*-*.md"))):
        key = os.path.basename(path).split("-")[1]
        if key not in keys:
            keys.append(key)
        with open(path) as f:
            for line in f:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) == 2 and re.fullmatch(r"\**\d+\**", cells[1]):
                    steps.setdefault(cells[0], {}).setdefault(key, []).append(float(cells[1].strip("*")))
    if not steps:
        return []
    keys.sort(key=lambda k: list(KEY_LABEL).index(k) if k in KEY_LABEL else 99)
    lines = ["| step (fresh JVM, in order) | " + " | ".join(f"{KEY_LABEL.get(k, k)} ms" for k in keys) + " |",
             "|---|" + "---:|" * len(keys)]
    for step, by_key in steps.items():
        lines.append(f"| {step} | " + " | ".join(f"{median(by_key.get(k, [])):.0f}" for k in keys) + " |")
    return lines


def splice(path, begin, end, generated):
    """Replaces what stands between the markers begin and end in the document at path with the generated text."""
    with open(path) as f:
        doc = f.read()
    if begin not in doc or end not in doc:
        sys.exit(f"{path} has no {begin} ... {end} block")
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + begin + "\n\n" + generated.strip() + "\n\n" + end + tail)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results")
    parser.add_argument("--command")
    parser.add_argument("--elapsed", type=int, default=0)
    parser.add_argument("--splice")
    args = parser.parse_args()

    if args.splice:
        splice(args.splice, BEGIN, END, sys.stdin.read())
        return

    out = []
    out.append(f"Generated by `{args.command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
               f"in {args.elapsed // 60} min {args.elapsed % 60} s.")
    out.append("")
    out.append("### Machine")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    for k, v in machine():
        out.append(f"| {k} | {v} |")
    out.append("")

    check = os.path.join(args.results, "signers-check.md")
    if os.path.exists(check):
        out.append("### Same files, valid signatures")
        out.append("")
        out.append("Before timing, each signer signed the small case once; every signature was then checked with `gpg --verify` "
                   "against the file it signs.")
        out.append("")
        with open(check) as f:
            out.append(f.read().strip())
        out.append("")

    targets = []
    small_path = os.path.join(args.results, "small.json")
    big_path = os.path.join(args.results, "big.json")
    big_stats = None
    if os.path.exists(small_path):
        with open(small_path) as f:
            small = json.load(f)
        lines, s = case_table(small)
        out += lines
        keys = sorted({v["group"] for v in small["variants"] if v["group"] != "all"}, key=lambda k: list(KEY_LABEL).index(k))
        for key in keys:
            sb = s[f"sb-sign-{key}"]
            base = s["baseline"]
            # Issue 18: ahead of both signers of maven-gpg-plugin in the same run, while writing the two sidecars.
            for competitor, factor, name in ((f"gpg-plugin-gpg-{key}", 1.2, "gpg signer"), (f"gpg-plugin-bc-{key}", 1.1, "bc signer")):
                c = s[competitor]
                ratio_med = (c["median"] - base["median"]) / max(sb["median"] - base["median"], 1e-9)
                ratio_min = (c["min"] - base["min"]) / max(sb["min"] - base["min"], 1e-9)
                ratio_total = c["median"] / sb["median"]
                targets.append((f"{small['title']}, {KEY_LABEL[key]}: sign (signature + SHA-256 and SHA-512 sidecars) ≥ {factor:g}× "
                                f"faster than maven-gpg-plugin's {name} in the same run (cost: time added to the build)",
                                f"{ratio_med:.2f}× (cost, median); {ratio_min:.2f}× (cost, min); whole `mvn` run {ratio_total:.2f}×",
                                verdict(ratio_med >= factor)))
    if os.path.exists(big_path):
        with open(big_path) as f:
            big = json.load(f)
        lines, big_stats = case_table(big)
        out += lines
        s = big_stats
        base = s["baseline"]
        cost = s["sb-checksums"]["median"] - base["median"]
        cost_min = s["sb-checksums"]["min"] - base["min"]
        both = s["sha256sum+sha512sum"]
        ratio = cost / both["median"]
        targets.append((f"{big['title']}: checksums (SHA-256 + SHA-512, one read) ≤ 1.3× sha256sum + sha512sum, end to end in Maven",
                        f"{ratio:.2f}× (cost {cost:.2f} s vs {both['median']:.2f} s, medians); {cost_min / both['min']:.2f}× (mins)",
                        verdict(ratio <= 1.3)))
        engine = {}
        for path in glob.glob(os.path.join(args.results, "harness-big-*.md")):
            engine = harness_rows(path)
        if "engine checksums t=1" in engine:
            ms = engine["engine checksums t=1"][0]
            targets.append((f"{big['title']}: the same, the engine alone in a warm JVM (harness, `HashAndSign` without a key)",
                            f"{ms / 1000 / both['median']:.2f}× ({ms / 1000:.2f} s vs {both['median']:.2f} s)",
                            verdict(ms / 1000 / both["median"] <= 1.3)))
        for v in big["variants"]:
            if v["role"] == "competitor":
                key = v["group"]
                sb = s[f"sb-sign-{key}"]
                c = s[v["id"]]
                ratio_med = (c["median"] - base["median"]) / max(sb["median"] - base["median"], 1e-9)
                targets.append((f"{big['title']}, {KEY_LABEL[key]}: sign vs {v['label'].split(', ')[1]} (no target, for information)",
                                f"{ratio_med:.2f}× (cost, median)", ""))

    if targets:
        out.append("### Targets")
        out.append("")
        out.append("A ratio above 1 means secure-build is faster; for the checksums target, below 1.3 is the goal.")
        out.append("")
        out.append("| target | measured | verdict |")
        out.append("|---|---|---|")
        for t in targets:
            out.append(f"| {t[0]} | {t[1]} | {t[2]} |")
        out.append("")

    cold = coldstart_table(args.results)
    if cold:
        out.append("### Once per build: the goal's start-up in a fresh JVM")
        out.append("")
        out.append("`benchmarks/harness` `ColdStart`, run 3 times per key in a new JVM each time (median per step), on the "
                   "small project's POM: what the sign goal pays before its first file, which a Maven build pays once. Below the "
                   "total, in the same JVM, the engine's first three runs over the 200 files with two threads: the first "
                   "one runs code the JIT has not compiled yet, as the goal's one run in a Maven build does.")
        out.append("")
        out += cold
        out.append("")
    harness = sorted(glob.glob(os.path.join(args.results, "harness-*.md")))
    if harness:
        out.append("### Where the time goes: the sign engine's phases in one warm JVM")
        out.append("")
        out.append("`benchmarks/harness` calls the plugin's classes directly, without Maven, on the same files, after warm-up "
                   "runs; single-threaded unless the phase says otherwise. CPU ms is the whole process's (JIT and GC "
                   "included).")
        out.append("")
        for path in harness:
            with open(path) as f:
                out.append("#### " + f.read().strip())
            out.append("")
    print("\n".join(out).rstrip())


if __name__ == "__main__":
    main()
