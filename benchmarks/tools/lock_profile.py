#!/usr/bin/env python3
"""Where requireLockedDependencies spends its time, from a JFR recording of one `mvn validate -Plocked` of the reactor.

  lock_profile.py RECORDING.jfr --rule locked > breakdown.json

allowlist_profile.py's method (its samples, its phase attribution, its JSON), with the phases of the lock check: the
samples under RequireLockedDependencies.execute, each in the first phase of the list below with a frame on its stack
(so the hashing inside the resolution of the files counts as hashing). The lock is read on a thread of its own while the
first module collects, and the files are hashed on a background thread started once the lock is read, and in parallel
when a module needs them first: what those other threads do is not on the rule's stack, and not counted; the rule's
waiting for them is (sampled only while it runs Java code).
"""
import allowlist_profile as profile

profile.PHASES["locked"] = ("dev.securebuild.enforcer.RequireLockedDependencies.execute", [
    ("waiting for the lock (read on a thread of its own)", ["LockReading.", "LockFiles.read", "LockFiles.parse"]),
    ("starting the background hashing", ["LockCollector.hashAhead"]),
    ("hashing the files (SHA-256), or waiting for the background hashing", ["LockCollector.hashMissing", "OnePassReader."]),
    ("resolving the files (local repository)", ["LockCollector.resolve"]),
    ("plugins' graphs", ["PluginGraph."]),
    ("parent POMs and BOMs", ["BuildPoms."]),
    (profile.COLLECTING, ["DependencyGraph.collect", "DependencyGraph.of"]),
    ("the dependencies Maven collected for enforce", ["MavenResolvedGraph.", "LockCollector.dependencyUses"]),
    ("walking the graphs into uses", ["LockCollector.walk", "LockCollector$Uses", "LockCollector.pluginUses"]),
    ("comparing with the lock", ["LockCheck."]),
    ("writing the result", ["RequireLockedDependencies.writeResult", "RuleResult."]),
])

if __name__ == "__main__":
    profile.main()
