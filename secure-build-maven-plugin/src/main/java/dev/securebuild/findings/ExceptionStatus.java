package dev.securebuild.findings;

import java.time.LocalDate;

/**
 * One policy exception as this check found it, for the reports and the event log.
 *
 * @param id             the exception's id in the policy (given, or made from what it matches)
 * @param matches        what it matches, in words ({@code id CVE-2021-44228 in pkg:maven/org.apache.logging.log4j/log4j-core@[2.0,2.15)})
 * @param justification  the VEX justification word, or null
 * @param reason         the free text
 * @param approvedBy     who approved it
 * @param expires        when it ends
 * @param state          how it stood
 * @param matched        how many merged findings it matched
 * @param violation      whether this state fails the build (expired; unused when the policy says so)
 * @param message        one sentence for the log ({@code expired on 2026-10-31, 31 days ago})
 */
public record ExceptionStatus(String id, String matches, String justification, String reason, String approvedBy, LocalDate expires,
                              ExceptionState state, int matched, boolean violation, String message) {}
