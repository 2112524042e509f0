package dev.securebuild.findings;

import java.util.Locale;

/** One severity scale for every tool; UNKNOWN when a tool gives none, so that a policy says how it counts. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO, UNKNOWN;

    /** GitHub code scanning's reading of SARIF {@code security-severity}: 9.0 critical, 7.0 high, 4.0 medium, above 0 low. */
    public static Severity fromScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : INFO;
    }

    /** "High", "MODERATE", "warning"... as tools write them; null when the text names no severity. */
    public static Severity fromText(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "error", "important" -> HIGH;
            case "medium", "moderate", "warning" -> MEDIUM;
            case "low", "note", "minor" -> LOW;
            case "info", "informational", "negligible", "none" -> INFO;
            case "unknown" -> UNKNOWN;
            default -> null;
        };
    }
}
