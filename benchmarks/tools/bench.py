#!/usr/bin/env python3
"""Times a set of commands side by side, interleaved, and writes the raw numbers as JSON.

Every round runs each variant once, in an order rotated from round to round, so that a burst of load from something
else on the machine lands on all variants alike rather than on whichever ran during it. Before every timed run the
variant's 'prepare' command runs untimed: it removes the previous run's outputs and reads the input files, so that
they are in the page cache (this machine's kernel evicts pages that stay unread for ~30 s). How much of the inputs
was resident just before each run is measured with fincore and recorded. The machine may be shared with other
work: before each timed run it waits (BENCH_MAX_WAIT seconds at most) until the CPUs were BENCH_MIN_IDLE idle over the
last 0.3 s, and records how idle they were; after it, it measures how much CPU other processes used during the run (all
CPU time, less the run's process tree and gpg-agent) and does the run again, up to three times, when that was more than
0.15 s or 10 % of the run's wall time.

Usage: bench.py SPEC.json OUT.json
SPEC: {"case": str, "title": str, "runs": int, "warmup": int, "inputs": [paths], "variants": [
        {"id": str, "label": str, "role": "baseline|secure-build|competitor|reference", "argv": [...],
         "cwd": str, "env": {k: v or "@file:PATH"}, "prepare": [argv] or null, "group": str,
         "rss": bool (optional: run it under GNU time -f %M and record its peak RSS as max_rss_kb),
         "may_fail": bool (optional: a non-zero exit is recorded, not fatal: a goal that runs out of memory)}]}
"""
import json
import os
import subprocess
import sys
import time


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return idle, sum(fields)


def agent_cpu_ticks():
    """CPU time (clock ticks) of every gpg-agent: the gpg signer's key operations run there, outside the process tree."""
    ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        if stat[stat.index("(") + 1:stat.rindex(")")] == "gpg-agent":
            fields = stat[stat.rindex(")") + 2:].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks


def idle_fraction(interval):
    idle0, total0 = cpu_times()
    time.sleep(interval)
    idle1, total1 = cpu_times()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_for_quiet(min_idle, max_wait):
    """Waits (at most max_wait seconds) until the CPUs were at least min_idle idle over the last 0.3 s.

    This machine may be shared: other builds running at the same time slow every variant down, unevenly. Returns the
    idle fraction seen last and how long it waited."""
    waited = 0.0
    while True:
        idle = idle_fraction(0.3)
        if idle >= min_idle or waited >= max_wait:
            return idle, waited
        waited += 0.3


def resident_fraction(paths):
    """Fraction of the bytes of PATHS that are in the page cache, by fincore (util-linux)."""
    if not paths:
        return None
    total = 0
    resident = 0
    for i in range(0, len(paths), 100):
        chunk = paths[i:i + 100]
        out = subprocess.run(["fincore", "--bytes", "--noheadings", "--raw", "-o", "RES,SIZE"] + chunk,
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            res, size = line.split()
            resident += int(res)
            total += int(size)
    return resident / total if total else None


def run_once(variant, inputs, log, quiet):
    idle, waited = wait_for_quiet(*quiet)
    if variant.get("prepare"):
        subprocess.run(variant["prepare"], cwd=variant["cwd"], check=True, stdout=subprocess.DEVNULL)
    residency = resident_fraction(inputs)
    env = dict(os.environ)
    for name, value in (variant.get("env") or {}).items():
        # "@file:PATH" keeps a key's text out of the spec and the results.
        if value.startswith("@file:"):
            with open(value[len("@file:"):]) as f:
                value = f.read()
        env[name] = value
    load = loadavg()
    idle0, total0 = cpu_times()
    agent0 = agent_cpu_ticks()
    argv = variant["argv"]
    rss_file = None
    if variant.get("rss"):
        # GNU time waits for the command and writes its peak resident set size (KiB) to a file of its own.
        rss_file = os.path.join(os.path.dirname(os.path.abspath(log.name)), ".rss")
        argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=variant["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    idle1, total1 = cpu_times()
    agent = (agent_cpu_ticks() - agent0) / TICKS
    proc.returncode = os.waitstatus_to_exitcode(status)
    # What the rest of the machine used meanwhile: all CPU time, less the run's process tree and gpg-agent.
    others = max(0.0, ((total1 - idle1) - (total0 - idle0)) / TICKS - usage.ru_utime - usage.ru_stime - agent)
    result = {"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime, "agent": agent, "others": others, "load1": load,
              "resident": residency, "idle_before": idle, "waited": waited, "exit": proc.returncode}
    if rss_file:
        with open(rss_file) as f:
            result["max_rss_kb"] = int(f.read().split()[-1])  # after "Command exited with non-zero status N", if any
    return result


TICKS = os.sysconf("SC_CLK_TCK")
# A timed run during which other processes used more CPU than this (seconds, or this share of the run's wall time,
# whichever is more) is done again, at most REDO_MAX times (environment BENCH_REDO_MAX; 0 when the machine is loaded all
# the time and a redo would only be as disturbed); the JSON records how often.
OTHERS_MAX, OTHERS_SHARE, REDO_MAX = 0.15, 0.10, int(os.environ.get("BENCH_REDO_MAX", "3"))


def disturbed(result):
    return result["others"] > max(OTHERS_MAX, OTHERS_SHARE * result["wall"])


def main():
    spec_path, out_path = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = json.load(f)
    variants = spec["variants"]
    inputs = spec.get("inputs", [])
    log_path = os.path.splitext(out_path)[0] + ".log"
    results = {v["id"]: [] for v in variants}
    # BENCH_MIN_IDLE / BENCH_MAX_WAIT: how idle the CPUs must be before a timed run, and how long to wait for it.
    quiet = (float(os.environ.get("BENCH_MIN_IDLE", "0.8")), float(os.environ.get("BENCH_MAX_WAIT", "10")))
    started = time.time()
    with open(log_path, "w") as log:
        for round_no in range(spec["warmup"] + spec["runs"]):
            warm = round_no < spec["warmup"]
            shift = round_no % len(variants)
            order = variants[shift:] + variants[:shift]
            for variant in order:
                log.write(f"\n=== round {round_no} {'(warm-up) ' if warm else ''}{variant['id']}: {' '.join(variant['argv'])}\n")
                log.flush()
                for attempt in range(REDO_MAX + 1):
                    result = run_once(variant, inputs, log, quiet if not warm else (0.0, 0.0))
                    if result["exit"] != 0 and not variant.get("may_fail"):
                        sys.exit(f"{variant['id']} failed with exit code {result['exit']}; see {log_path}")
                    result["redone"] = attempt
                    print(f"  [{spec['case']}] round {round_no + 1}/{spec['warmup'] + spec['runs']}"
                          f"{' warm-up' if warm else ''} {variant['id']}: {result['wall']:.2f} s"
                          f" (load {result['load1']:.1f}, idle before {result['idle_before'] * 100:.0f} %"
                          f"{', waited %.0f s' % result['waited'] if result['waited'] else ''}"
                          f"{', peak RSS %d MiB' % (result['max_rss_kb'] // 1024) if 'max_rss_kb' in result else ''}"
                          f"{', exit %d' % result['exit'] if result['exit'] else ''}"
                          f", other processes {result['others']:.2f} s CPU"
                          f"{', done again' if disturbed(result) and not warm and attempt < REDO_MAX else ''})",
                          file=sys.stderr, flush=True)
                    if warm or not disturbed(result):
                        break
                if not warm:
                    results[variant["id"]].append(result)
    out = dict(spec)
    out["results"] = results
    out["elapsed"] = time.time() - started
    out["redo_max"] = REDO_MAX
    with open(out_path, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
