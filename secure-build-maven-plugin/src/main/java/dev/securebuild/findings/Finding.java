package dev.securebuild.findings;

import java.util.Set;

/**
 * One finding of one tool, in the one model every reader produces.
 *
 * @param tool            the tool's name as the report gives it ({@code CodeQL}, {@code Trivy})
 * @param toolVersion     null when the report does not say
 * @param id              the rule or vulnerability id ({@code java/sql-injection}, {@code CVE-2021-44228})
 * @param aliases         other ids of the same issue (GHSA, OSV, CWE for code), without {@code id}
 * @param severity        on the common scale
 * @param severitySource  where the severity came from ({@code security-severity 9.8}, {@code SARIF level error})
 * @param cvssVersion     "3.1", "4.0"... when a CVSS score gave it, else null
 * @param cvssScore       null when there is none
 * @param component       package URL or Maven coordinate for dependency findings, else null
 * @param path            file of a code finding, else null
 * @param line            its first line, 0 when unknown
 * @param fingerprint     stable across line shifts: the tool's own when it has one, else one made from the rule, path and message
 * @param suppressedBy    the justification of an accepted in-report suppression, null when not suppressed
 * @param message         what the tool says, one line
 * @param report          the report file it came from, for messages
 */
public record Finding(String tool, String toolVersion, FindingKind kind, String id, Set<String> aliases, Severity severity,
                      String severitySource, String cvssVersion, Double cvssScore, String component, String path, int line,
                      String fingerprint, String suppressedBy, String message, String report) {

    public Finding {
        aliases = Set.copyOf(aliases);
    }
}
