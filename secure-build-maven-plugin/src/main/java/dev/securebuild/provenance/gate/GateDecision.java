package dev.securebuild.provenance.gate;

import java.time.Instant;
import java.util.List;

import dev.securebuild.shared.results.GoalResult;

/**
 * What the release gate decided, with every reason: one row per module and check.
 *
 * @param decision   GO, NO-GO or GO-WITH-EXCEPTIONS
 * @param project    the project the gate ran for (the top of the reactor)
 * @param version    its version
 * @param time       when the gate decided
 * @param policy     where the policy came from
 * @param modules    each gated module with its checks, in reactor order
 * @param reasons    why the decision is not plain GO, one sentence each (empty for GO)
 * @param blocking   those of the reasons that block the release (NO-GO, an approval missing); the others are exceptions
 * @param exceptions every exception a check accepted, with the module it applied to and its check
 * @param approval   the approval asked for and given
 * @param warnings   what in the policy did nothing (a waiver that covers no gated module), one sentence each
 * @param notGated   the reactor's other modules, which this decision does not cover, each with why
 */
public record GateDecision(Decision decision, String project, String version, Instant time, String policy, List<Module> modules,
                           List<String> reasons, List<String> blocking, List<Exception> exceptions, Approval approval, List<String> warnings,
                           List<NotGated> notGated) {

    public GateDecision {
        notGated = List.copyOf(notGated);
        modules = List.copyOf(modules);
        reasons = List.copyOf(reasons);
        blocking = List.copyOf(blocking);
        exceptions = List.copyOf(exceptions);
        warnings = List.copyOf(warnings);
    }

    public enum Decision {
        GO("GO"), NO_GO("NO-GO"), GO_WITH_EXCEPTIONS("GO-WITH-EXCEPTIONS");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How one check stood for one module. */
    public enum Status {
        /** Passed, no exception. */
        PASS,
        /** Passed with exceptions, or warned. */
        EXCEPTIONS,
        /** Failed: NO-GO. */
        FAIL,
        /** Required but no result of this build: NO-GO. */
        MISSING,
        /** Waived by the policy: not counted. */
        WAIVED,
        /** The module had nothing for the check (check-findings in a module without code): satisfies a required check. */
        NOT_APPLICABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param verdict the worst verdict of the results for this check (null when there is none)
     * @param goals   the goals whose results count
     * @param summary what the result said, or why there is none
     * @param details the goals' own reports
     * @param waiver  the waiver's reason when waived
     */
    public record Check(String check, Status status, GoalResult.Verdict verdict, List<String> goals, String summary, List<String> details,
                        String waiver, boolean required) {
        public Check {
            goals = List.copyOf(goals);
            details = List.copyOf(details);
        }
    }

    public record Module(String module, List<Check> checks) {
        public Module {
            checks = List.copyOf(checks);
        }

        public Check check(String name) {
            return checks.stream().filter(c -> c.check().equals(name)).findFirst().orElse(null);
        }
    }

    public record Exception(String module, String check, String id, String reason, String approvedBy, String expires) {}

    /**
     * A module of the reactor that the gate does not decide for: a reader must not take its absence from the table
     * for a pass.
     *
     * @param module {@code groupId:artifactId}
     * @param why    why it is not gated, such as "has no release-gate execution"
     */
    public record NotGated(String module, String why) {}

    /**
     * @param required   the policy asks for an approval of GO-WITH-EXCEPTIONS
     * @param ticket     the approval given ({@code -Dsecure-build.approval}), or null
     * @param approvedBy who gave it (the CI actor or the user), when given
     */
    public record Approval(boolean required, String ticket, String approvedBy) {

        public boolean given() {
            return ticket != null;
        }
    }

    /** The release must not go ahead: NO-GO, or GO-WITH-EXCEPTIONS that needs an approval not given. */
    public boolean blocked() {
        return decision == Decision.NO_GO || (decision == Decision.GO_WITH_EXCEPTIONS && approval.required() && !approval.given());
    }

    /** The approval counts: a GO-WITH-EXCEPTIONS with a ticket. */
    public boolean approved() {
        return decision == Decision.GO_WITH_EXCEPTIONS && approval.given();
    }

    /** All the checks shown, in a stable order: the known checks first, as listed, then others by name. */
    public List<String> checkNames() {
        List<String> names = new java.util.ArrayList<>();
        for (String known : GatePolicy.CHECKS) {
            if (modules.stream().anyMatch(m -> m.check(known) != null)) {
                names.add(known);
            }
        }
        modules.stream().flatMap(m -> m.checks().stream()).map(Check::check).filter(c -> !names.contains(c)).distinct().sorted()
                .forEach(names::add);
        return names;
    }
}
