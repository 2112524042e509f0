package dev.securebuild.findings.policy;

import java.util.EnumMap;
import java.util.Map;

import dev.securebuild.findings.FindingKind;

/**
 * The failing thresholds: one for every finding, and overrides per kind of finding (each override already holds the
 * general values it did not change).
 */
public record FailOn(Threshold all, Map<FindingKind, Threshold> kinds) {

    public static final FailOn DEFAULT = new FailOn(Threshold.DEFAULT, Map.of());

    public FailOn {
        kinds = kinds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(kinds));
    }

    public Threshold forKind(FindingKind kind) {
        return kinds.getOrDefault(kind, all);
    }

    public boolean overridden(FindingKind kind) {
        return kinds.containsKey(kind);
    }
}
