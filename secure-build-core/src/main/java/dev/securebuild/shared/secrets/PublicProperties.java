package dev.securebuild.shared.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which user properties ({@code -Dname=value}) may be recorded with their value, in provenance, the deployment ledger
 * (and {@code .buildinfo}): only those whose name matches the list; every other one is recorded by its name with the
 * value {@link Redaction#REDACTED}. A {@code -D} value may be anything a person typed, a token included, whatever its
 * name: deny is the default. A listed value still goes through {@link Redaction#redact}.
 */
public final class PublicProperties {

    /**
     * The default list: switches and version parts that say how the build ran and never hold a secret. The parameter's
     * default (comma-separated).
     */
    public static final String DEFAULT = "skipTests,maven.test.skip,skipITs,revision,changelist,sha1,maven.javadoc.skip,"
            + "maven.source.skip,gpg.skip,invoker.skip,enforcer.skip,maven.deploy.skip,maven.install.skip,secure-build.skip";

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    private PublicProperties(String list) {
        for (String name : list == null ? new String[0] : list.split(",")) {
            String trimmed = name.strip();
            if (trimmed.endsWith("*")) {
                prefixes.add(trimmed.substring(0, trimmed.length() - 1));
            } else if (!trimmed.isEmpty()) {
                exact.add(trimmed);
            }
        }
    }

    /** @param list comma-separated names, each exact or ending in {@code *} (any name starting with what comes before it) */
    public static PublicProperties of(String list) {
        return new PublicProperties(list);
    }

    public boolean isPublic(String name) {
        return exact.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }

    /** The properties as they may be recorded, sorted by name: every name, the value only of public ones (and redacted). */
    public Map<String, String> recordable(Map<String, String> properties) {
        Map<String, String> recorded = new TreeMap<>();
        properties.forEach((name, value) -> recorded.put(name, isPublic(name) ? Redaction.redact(name, value) : Redaction.REDACTED));
        return Collections.unmodifiableMap(recorded);
    }
}
