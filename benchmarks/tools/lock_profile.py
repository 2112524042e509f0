#!/usr/bin/env python3
"""Where requireLockedDependencies spends its time, from a JFR recording of one `mvn validate -Plocked` of the reactor.

  lock_profile.py RECORDING.jfr --rule locked > breakdown.json

allowlist_profile.py's method (its samples, its phase attribution, its JSON), with the phases of the lock check: the
samples under RequireLockedDependencies.execute, each in the first phase of the list below with a frame on its stack
(so the hashing inside the resolution of the files counts as hashing). The files are hashed in parallel: what the
common pool's other thread hashes is not on the rule's stack, and not counted.
"""
import allowlist_profile as profile

profile.PHASES["locked"] = ("dev.securebuild.enforcer.RequireLockedDependencies.execute", [
    ("reading the lock (JSON)", ["LockFiles.read", "LockFiles.parse", "RequireLockedDependencies.read"]),
    ("hashing the files (SHA-256)", ["LockCollector.hashMissing", "OnePassReader."]),
    ("resolving the files (local repository)", ["LockCollector.resolve"]),
    ("plugins' graphs", ["PluginGraph."]),
    ("parent POMs and BOMs", ["BuildPoms."]),
    (profile.COLLECTING, ["DependencyGraph.collect", "DependencyGraph.of"]),
    ("walking the graphs into uses", ["LockCollector.walk", "LockCollector$Uses"]),
    ("comparing with the lock", ["LockCheck."]),
    ("writing the result", ["RequireLockedDependencies.writeResult", "RuleResult."]),
])

if __name__ == "__main__":
    profile.main()
