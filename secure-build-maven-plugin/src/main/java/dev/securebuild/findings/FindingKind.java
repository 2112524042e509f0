package dev.securebuild.findings;

/** What a finding is about: code, a dependency, a leaked secret, a misconfiguration, a license. */
public enum FindingKind { CODE, DEPENDENCY, SECRET, CONFIGURATION, LICENSE }
