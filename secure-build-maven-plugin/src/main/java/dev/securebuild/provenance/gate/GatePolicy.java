package dev.securebuild.provenance.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the release gate requires: the checks every module must have passed, the checks waived (with why, and until
 * when), and whether a release with exceptions needs an explicit approval. Read by {@link GatePolicyLoader}; the
 * schema is in docs/goals/release-gate.md.
 *
 * @param source                       where it came from (a path, or {@code default policy})
 * @param required                     the checks each module must have a result for
 * @param waived                       checks not asked for, by name
 * @param approvalRequiredForExceptions whether GO-WITH-EXCEPTIONS needs {@code -Dsecure-build.approval=<ticket>}
 * @param requireCleanSource           whether each module must have a result saying it was built from a git working tree
 *                                     without uncommitted changes (the {@code sourceTree} of provenance or verify-provenance)
 */
public record GatePolicy(String source, List<String> required, Map<String, Waiver> waived, boolean approvalRequiredForExceptions,
                         boolean requireCleanSource) {

    /** The name of the gate's row that says whether each module was built from committed sources. */
    public static final String CLEAN_SOURCE = "clean-source";

    /** The checks the goals of secure-build (and the approvedDependencies rule) record. */
    public static final List<String> CHECKS = List.of("sign", "verify-signatures", "findings", "allowlist", "provenance",
            "verify-provenance", "reproducible");

    /** Without a policy file: every release-relevant check required, none waived, no approval needed. */
    public static final List<String> DEFAULT_REQUIRED = List.of("sign", "findings", "allowlist", "provenance", "reproducible");

    public static final GatePolicy DEFAULT = new GatePolicy("default policy", DEFAULT_REQUIRED, Map.of(), false);

    /** A policy that does not ask for a clean source. */
    public GatePolicy(String source, List<String> required, Map<String, Waiver> waived, boolean approvalRequiredForExceptions) {
        this(source, required, waived, approvalRequiredForExceptions, false);
    }

    public GatePolicy {
        required = List.copyOf(required);
        waived = Map.copyOf(waived);
    }

    /**
     * A check not asked for.
     *
     * @param expires the last day it holds, or null for no end
     */
    public record Waiver(String check, String reason, LocalDate expires) {

        public boolean inForce(LocalDate today) {
            return expires == null || !today.isAfter(expires);
        }
    }

    /** The waiver of a check, in force or not; null when there is none. */
    public Waiver waiver(String check) {
        return waived.get(check);
    }
}
