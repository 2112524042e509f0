package dev.securebuild.findings.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionState;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.PackageId;
import dev.securebuild.findings.Severity;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;

/**
 * Applies a policy to merged findings. Each finding is cleared by the first of these that applies: an accepted
 * suppression in the report (all its evidence suppressed), a VEX statement (not_affected or fixed, unless another
 * statement says affected), an exception in force; otherwise the thresholds make it BLOCKING or WARNING. An exception
 * is in force up to and including its expiry day (further shortened by maxLifetimeDays for the severity of what it
 * matches); an expired one clears nothing and is itself a violation.
 */
public final class PolicyEvaluator {

    private final Policy policy;

    public PolicyEvaluator(Policy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    /** The date is passed in, never read from the clock here, so that a check is repeatable. */
    public PolicyEvaluation evaluate(List<MergedFinding> findings, List<VexStatement> vexStatements, LocalDate today) {
        List<ExceptionEntry> entries = policy.exceptions().entries();
        List<List<MergedFinding>> matchedBy = new ArrayList<>();
        entries.forEach(entry -> matchedBy.add(new ArrayList<>()));
        Decision[] decisions = new Decision[findings.size()];
        List<List<Integer>> matchingEntries = new ArrayList<>();
        String[] affectedNotes = new String[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            MergedFinding finding = findings.get(i);
            List<Integer> matching = new ArrayList<>();
            matchingEntries.add(matching);
            if (finding.evidence().stream().allMatch(f -> f.suppressedBy() != null)) {
                decisions[i] = new Decision(finding, Outcome.SUPPRESSED, "suppressed in the report: " + suppressions(finding), null);
                continue;
            }
            VexStatement clearing = null;
            VexStatement affected = null;
            for (VexStatement statement : vexStatements) {
                if (applies(statement, finding)) {
                    if (statement.status().clears() && clearing == null) {
                        clearing = statement;
                    } else if (statement.status() == VexStatus.AFFECTED && affected == null) {
                        affected = statement;
                    }
                }
            }
            // A statement that the product is affected outweighs one that it is not: a finding stays when sources disagree.
            if (affected != null) {
                affectedNotes[i] = "; VEX says affected (" + affected.source() + ")";
            } else if (clearing != null) {
                decisions[i] = new Decision(finding, Outcome.NOT_AFFECTED, vexReason(clearing), null);
                continue;
            }
            for (int j = 0; j < entries.size(); j++) {
                if (entries.get(j).matches(finding)) {
                    matching.add(j);
                    matchedBy.get(j).add(finding);
                }
            }
        }

        List<Standing> standings = new ArrayList<>();
        for (int j = 0; j < entries.size(); j++) {
            standings.add(standing(entries.get(j), matchedBy.get(j), today));
        }
        for (int i = 0; i < findings.size(); i++) {
            if (decisions[i] == null) {
                decisions[i] = decide(findings.get(i), matchingEntries.get(i), entries, standings, affectedNotes[i]);
            }
        }

        List<ExceptionStatus> statuses = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < entries.size(); j++) {
            statuses.add(status(entries.get(j), standings.get(j), matchedBy.get(j).size(), today, violations, warnings));
        }
        List<Decision> sorted = new ArrayList<>(List.of(decisions));
        sorted.sort(Comparator.comparing((Decision d) -> !d.outcome().blocks())
                .thenComparing(d -> d.finding().severity())
                .thenComparing(Decision::outcome)
                .thenComparing(d -> d.finding().id())
                .thenComparing(d -> d.finding().key()));
        return new PolicyEvaluation(sorted, statuses, violations, warnings);
    }

    private static String suppressions(MergedFinding finding) {
        return String.join("; ", finding.evidence().stream().map(Finding::suppressedBy).distinct().toList());
    }

    /** The statement names one of the finding's ids, and every product or the finding's package. */
    private static boolean applies(VexStatement statement, MergedFinding finding) {
        List<String> ids = finding.ids().stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
        boolean sameVulnerability = (statement.vulnerability() != null && ids.contains(statement.vulnerability().toLowerCase(Locale.ROOT)))
                || statement.aliases().stream().anyMatch(alias -> ids.contains(alias.toLowerCase(Locale.ROOT)));
        if (!sameVulnerability) {
            return false;
        }
        if (statement.products().isEmpty()) {
            return true;
        }
        for (String product : statement.products()) {
            PackageId named = PackageId.parse(product);
            if (named == null) {
                continue;
            }
            for (Finding evidence : finding.evidence()) {
                PackageId component = PackageId.parse(evidence.component());
                if (component != null && component.packageKey().equals(named.packageKey())
                        && (named.version().isEmpty() || named.version().equals(component.version()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String vexReason(VexStatement statement) {
        StringBuilder reason = new StringBuilder(statement.status() == VexStatus.FIXED ? "fixed" : "not affected");
        reason.append(" per VEX");
        if (statement.justification() != null) {
            reason.append(" (").append(statement.justification()).append(')');
        }
        if (statement.statement() != null && !statement.statement().isBlank()) {
            reason.append(": ").append(statement.statement().strip());
        }
        return reason.append("; from ").append(statement.source()).toString();
    }

    /**
     * When an exception ends and whether it is in force today. Its end is its expiry, or earlier when maxLifetimeDays
     * allows less, after its approval, for the most restricted severity among the findings it matched.
     */
    private Standing standing(ExceptionEntry entry, List<MergedFinding> matched, LocalDate today) {
        LocalDate ends = entry.expires();
        String limit = null;
        if (entry.approvedOn() != null) {
            for (MergedFinding finding : matched) {
                Integer days = policy.exceptions().maxLifetime(finding.severity());
                if (days != null && entry.approvedOn().plusDays(days).isBefore(ends)) {
                    ends = entry.approvedOn().plusDays(days);
                    limit = finding.severity() + " findings may be excepted for at most " + days(days) + " after approval on " + entry.approvedOn();
                }
            }
        }
        return new Standing(ends, limit, !today.isAfter(ends));
    }

    private record Standing(LocalDate ends, String limit, boolean inForce) {}

    private Decision decide(MergedFinding finding, List<Integer> matching, List<ExceptionEntry> entries, List<Standing> standings, String affectedNote) {
        ExceptionEntry expired = null;
        LocalDate expiredOn = null;
        for (int j : matching) {
            ExceptionEntry entry = entries.get(j);
            Standing standing = standings.get(j);
            if (standing.inForce()) {
                String ticket = entry.ticket() == null ? "" : ", " + entry.ticket();
                return new Decision(finding, Outcome.EXCEPTED, "excepted by " + entry.name() + " until " + standing.ends() + " (" + entry.justification()
                        + "): " + entry.reason() + "; approved by " + entry.approvedBy() + ticket, entry.name());
            }
            if (expired == null) {
                expired = entry;
                expiredOn = standing.ends();
            }
        }
        Judgement judgement = judge(finding);
        String reason = judgement.reason() + (affectedNote == null ? "" : affectedNote);
        if (expired != null) {
            reason = "exception " + expired.name() + " expired on " + expiredOn + "; " + reason;
        }
        return new Decision(finding, judgement.blocks() ? Outcome.BLOCKING : Outcome.WARNING, reason, expired == null ? null : expired.name());
    }

    private record Judgement(boolean blocks, String reason) {}

    /** The thresholds' verdict, with a reason that says which rule applied and why. */
    private Judgement judge(MergedFinding finding) {
        Threshold threshold = policy.failOn().forKind(finding.kind());
        String forKind = policy.failOn().overridden(finding.kind()) ? " for " + finding.kind().name().toLowerCase(Locale.ROOT) + " findings" : "";
        if (threshold.cvss() != null) {
            Finding scored = preferredScore(finding, threshold.cvssVersions());
            if (scored != null) {
                String version = scored.cvssVersion() == null ? "CVSS score" : "CVSS " + scored.cvssVersion() + " score";
                boolean blocks = scored.cvssScore() >= threshold.cvss();
                return new Judgement(blocks, version + " " + scored.cvssScore() + " (" + scored.tool() + ")" + (blocks ? " >= " : " < ")
                        + threshold.cvss() + ", the failing score" + forKind);
            }
            String unscored = "no CVSS score of version " + String.join(", ", threshold.cvssVersions());
            return switch (threshold.unscored()) {
                case FAIL -> new Judgement(true, unscored + "; unscored findings fail" + forKind + " (unscored: fail)");
                case WARN -> new Judgement(false, unscored + "; unscored findings warn" + forKind + " (unscored: warn)");
                case SEVERITY -> {
                    Judgement bySeverity = judgeSeverity(finding, threshold, forKind);
                    yield new Judgement(bySeverity.blocks(), unscored + ", so judged by severity: " + bySeverity.reason());
                }
            };
        }
        return judgeSeverity(finding, threshold, forKind);
    }

    private static Judgement judgeSeverity(MergedFinding finding, Threshold threshold, String forKind) {
        Severity severity = finding.severity();
        if (severity == Severity.UNKNOWN) {
            boolean blocks = threshold.unknownSeverity() == Threshold.UnknownSeverity.FAIL;
            return new Judgement(blocks, "severity unknown; findings of unknown severity " + (blocks ? "fail" : "warn") + forKind
                    + " (unknownSeverity: " + (blocks ? "fail" : "warn") + ")");
        }
        if (threshold.severity() == null) {
            return new Judgement(false, "severity " + severity + "; no severity fails" + forKind + " (severity: none)");
        }
        // Severity is declared from CRITICAL down: a lower ordinal is more severe.
        boolean blocks = severity.compareTo(threshold.severity()) <= 0;
        return new Judgement(blocks, "severity " + severity + " is " + (blocks ? "at or above" : "below") + " the failing threshold "
                + threshold.severityText() + forKind);
    }

    /**
     * The score of the most preferred CVSS version any tool gave; among several tools' scores of that version, the
     * highest. Scores of versions not listed are not used.
     */
    static Finding preferredScore(MergedFinding finding, List<String> versions) {
        for (String version : versions) {
            Finding best = null;
            for (Finding evidence : finding.evidence()) {
                if (evidence.cvssScore() != null && version.equals(versionOf(evidence)) && (best == null || evidence.cvssScore() > best.cvssScore())) {
                    best = evidence;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** "3.1" from "3.1", "v3.1", "CVSS:3.1", "CVSSv3.1"; {@code unversioned} when the tool gave none. */
    private static String versionOf(Finding finding) {
        if (finding.cvssVersion() == null || finding.cvssVersion().isBlank()) {
            return Threshold.UNVERSIONED;
        }
        String version = finding.cvssVersion().strip().toLowerCase(Locale.ROOT);
        version = version.replaceFirst("^cvss[:v]?", "").replaceFirst("^v", "");
        return version.equals("2") ? "2.0" : version.equals("3") ? "3.0" : version.equals("4") ? "4.0" : version;
    }

    private ExceptionStatus status(ExceptionEntry entry, Standing standing, int matched, LocalDate today, List<String> violations, List<String> warnings) {
        ExceptionRules rules = policy.exceptions();
        String named = "exception " + entry.name() + " (" + entry.describe() + ", approved by " + entry.approvedBy()
                + (entry.ticket() == null ? "" : ", " + entry.ticket()) + ")";
        ExceptionState state;
        boolean violation;
        String message;
        if (!standing.inForce()) {
            state = ExceptionState.EXPIRED;
            violation = true;
            message = "expired on " + standing.ends() + " (" + days(ChronoUnit.DAYS.between(standing.ends(), today)) + " ago)"
                    + (standing.limit() == null ? "" : ": " + standing.limit());
            violations.add(named + " " + message + (matched == 0
                    ? "; it matches no finding: remove it"
                    : "; it no longer clears the " + findings(matched) + " it matches: fix them or renew the exception"));
        } else if (matched == 0) {
            state = ExceptionState.UNUSED;
            violation = rules.failOnUnused();
            message = "matched no finding";
            String text = named + " matched no finding: remove it if it is stale";
            if (violation) {
                violations.add(text + " (exceptions.failOnUnused)");
            } else {
                warnings.add(text);
            }
        } else {
            long left = ChronoUnit.DAYS.between(today, standing.ends());
            if (left <= rules.expiringWithinDays()) {
                state = ExceptionState.EXPIRING;
                message = left == 0 ? "expires at the end of today, " + standing.ends() : "expires on " + standing.ends() + " (in " + days(left) + ")";
                warnings.add(named + " " + message + "; then the " + findings(matched) + " it clears count again");
            } else {
                state = ExceptionState.USED;
                message = "in force until " + standing.ends();
            }
            violation = false;
            if (standing.limit() != null) {
                warnings.add(named + " says it expires on " + entry.expires() + ", but " + standing.limit() + ": it ends on " + standing.ends());
            }
        }
        return new ExceptionStatus(entry.name(), entry.describe(), entry.justification(), entry.reason(), entry.approvedBy(), standing.ends(),
                state, matched, violation, message);
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String findings(int count) {
        return count == 1 ? "1 finding" : count + " findings";
    }
}
