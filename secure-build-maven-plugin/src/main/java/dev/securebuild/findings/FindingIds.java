package dev.securebuild.findings;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vulnerability, rule and CWE ids as tools spell them, made comparable. */
final class FindingIds {

    private static final Pattern GHSA = Pattern.compile("(?i)GHSA(-[0-9a-z]{4}){3}");
    private static final Pattern CWE = Pattern.compile("(?i)cwe[-_:/ ]?0*(\\d+)");

    private FindingIds() {}

    /**
     * One spelling per id: trimmed and upper case ({@code cve-2021-44228} is {@code CVE-2021-44228}), except a GHSA id,
     * whose body GitHub writes in lower case. Null for a missing or blank id.
     */
    static String normalize(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.strip();
        if (GHSA.matcher(trimmed).matches()) {
            return "GHSA" + trimmed.substring(4).toLowerCase(Locale.ROOT);
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    /** The number of a CWE id ({@code CWE-89}, {@code cwe-089}, {@code CWE:89}), or -1 when the id is no CWE. */
    static int cwe(String id) {
        if (id == null) {
            return -1;
        }
        Matcher matcher = CWE.matcher(id.strip());
        if (!matcher.matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }

    /**
     * The id a group of normalized ids goes by: the smallest CVE, else the smallest id, in string order (the order
     * {@link MergedFinding#id()} picks its CVE in). "UNKNOWN" when there is none.
     */
    static String preferred(Collection<String> normalizedIds) {
        String smallestCve = null;
        String smallest = null;
        for (String id : normalizedIds) {
            if (id.startsWith("CVE-") && (smallestCve == null || id.compareTo(smallestCve) < 0)) {
                smallestCve = id;
            }
            if (smallest == null || id.compareTo(smallest) < 0) {
                smallest = id;
            }
        }
        return smallestCve != null ? smallestCve : smallest != null ? smallest : "UNKNOWN";
    }
}
