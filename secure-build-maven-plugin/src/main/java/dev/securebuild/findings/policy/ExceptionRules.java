package dev.securebuild.findings.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.securebuild.findings.Severity;

/**
 * The policy's exceptions and how their lifetimes are watched.
 *
 * @param expiringWithinDays  an exception in force that ends within this many days is a warning
 * @param failOnUnused        whether an exception that matched no finding fails the build (else it is a warning)
 * @param maxLifetimeDays     the longest an exception may last after its approval, per severity of what it matches;
 *                            empty when there is no limit
 * @param entries             the exceptions, in the order of the file
 */
public record ExceptionRules(int expiringWithinDays, boolean failOnUnused, Map<Severity, Integer> maxLifetimeDays, List<ExceptionEntry> entries) {

    public static final int DEFAULT_EXPIRING_WITHIN_DAYS = 14;

    public static final ExceptionRules NONE = new ExceptionRules(DEFAULT_EXPIRING_WITHIN_DAYS, false, Map.of(), List.of());

    public ExceptionRules {
        maxLifetimeDays = maxLifetimeDays.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(maxLifetimeDays));
        entries = List.copyOf(entries);
    }

    /**
     * The longest lifetime allowed for findings of this severity, or null for no limit. UNKNOWN, unless the policy gives
     * it a limit of its own, gets the shortest one: a finding nobody rated is not the one to keep excepted longest.
     */
    public Integer maxLifetime(Severity severity) {
        Integer days = maxLifetimeDays.get(severity);
        if (days == null && severity == Severity.UNKNOWN) {
            return maxLifetimeDays.values().stream().min(Integer::compare).orElse(null);
        }
        return days;
    }
}
