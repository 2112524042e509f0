#!/usr/bin/env python3
"""Where an enforcer rule spends its time, from a JFR recording of one `mvn validate` of the allow-list reactor.

  allowlist_profile.py RECORDING.jfr --rule approved|banned > breakdown.json

Reads the recording's execution samples (`jfr print --json --events jdk.ExecutionSample`; Java code running on a CPU)
and native samples (jdk.NativeMethodSample: threads in native code, such as reading a file), keeps those under the
rule's execute method, and puts each in the first phase whose method is on its stack, outermost first. Samples are
counted, not timed: with the sampling period they give an estimate of CPU time by phase, and their shares are what
counts.
"""
import argparse
import json
import subprocess
import sys

COLLECTING = "collecting the graph (resolver)"
# (phase, substrings of "class.method" that mark it), checked in order on the stack from its outermost frame: the
# first phase with a frame on the stack wins. So graph collection inside the license reader counts as licenses.
PHASES = {
    "approved": ("dev.securebuild.enforcer.ApprovedDependencies.execute", [
        ("loading the lists", ["AllowListSources.", "AllowListLoader.", "AllowList.read", "AllowList.parse"]),
        ("reading licenses (POMs, parents)", ["PomLicenses.", "ProjectComponents.withLicenses"]),
        # Before the graph: the plugins' own graphs (PluginGraph) are theirs, not the project's.
        ("plugins and extensions", ["ProjectComponents.pluginsAndExtensions", "PluginGraph."]),
        ("parent POMs and BOMs", ["BuildPoms."]),
        (COLLECTING, ["DependencyGraph.collect", "DependencyGraph.of"]),
        ("walking the graph into components", ["DependencyGraph.components", "DependencyGraph.walk"]),
        ("deciding", ["AllowListDecider.", "CoordinatePattern.", "Entry.covers", "Entry.names"]),
        ("reporting", ["Offenders.", "ReportedOffenders."]),
    ]),
    "banned": ("org.apache.maven.enforcer.rules.dependency.BannedDependenciesBase.execute", [
        ("collecting the graph (resolver)", ["ResolverUtil."]),
        ("matching the includes and excludes", ["ArtifactMatcher", "BannedDependencies.validate",
                                                "BannedDependenciesBase.validate", "ArtifactUtils."]),
    ]),
}


def samples(recording, event):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "1024", "--events", event, recording], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(frame):
    method = frame.get("method") or {}
    cls = (method.get("type") or {}).get("name", "?")
    return f"{cls.replace('/', '.')}.{method.get('name', '?')}"  # JFR writes class names with slashes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--rule", choices=sorted(PHASES), required=True)
    args = parser.parse_args()
    root, phases = PHASES[args.rule]
    counts = {}
    for name, _ in phases:
        if name == COLLECTING:
            counts[name + " — the collector (descriptors)"] = counts[name + " — mediation (conflict resolver)"] = 0
        else:
            counts[name] = 0
    counts["other (in the rule)"] = 0
    totals = {"in the rule": 0, "all": 0}
    hot = {}
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        for sample in samples(args.recording, event):
            frames = [frame_name(f) for f in (sample["values"].get("stackTrace") or {}).get("frames", [])]
            totals["all"] += 1
            if not any(name.startswith(root) for name in frames):
                continue
            totals["in the rule"] += 1
            outermost_first = list(reversed(frames))
            phase = next((name for name, marks in phases if any(m in f for f in outermost_first for m in marks)),
                         "other (in the rule)")
            if phase == COLLECTING:
                # The resolver's two steps: reading descriptors (POMs) and building the tree, then mediation.
                mediation = any("graph.transformer." in f for f in frames)
                phase += " — mediation (conflict resolver)" if mediation else " — the collector (descriptors)"
            counts[phase] = counts.get(phase, 0) + 1
            if frames:
                hot[frames[0]] = hot.get(frames[0], 0) + 1  # the innermost frame: what ran
    top = sorted(hot.items(), key=lambda kv: -kv[1])[:12]
    json.dump({"rule": args.rule, "samples": totals, "phases": counts, "hottest_frames": top}, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
