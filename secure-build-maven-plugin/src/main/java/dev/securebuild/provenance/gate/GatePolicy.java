package dev.securebuild.provenance.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.securebuild.allowlist.CoordinatePattern;

/**
 * What the release gate requires: the checks every module must have passed, the checks waived (for which modules, why,
 * and until when), and whether a release with exceptions needs an explicit approval. Read by {@link GatePolicyLoader};
 * the schema is in docs/goals/release-gate.md.
 *
 * @param source                       where it came from (a path, or {@code default policy})
 * @param required                     the checks each module must have a result for
 * @param waivers                      checks not asked for, in the order written
 * @param approvalRequiredForExceptions whether GO-WITH-EXCEPTIONS needs {@code -Dsecure-build.approval=<ticket>}
 * @param requireCleanSource           whether each module must have a result saying it was built from a git working tree
 *                                     without uncommitted changes (the {@code sourceTree} of provenance or verify-provenance)
 */
public record GatePolicy(String source, List<String> required, List<Waiver> waivers, boolean approvalRequiredForExceptions,
                         boolean requireCleanSource) {

    /** The name of the gate's row that says whether each module was built from committed sources. */
    public static final String CLEAN_SOURCE = "clean-source";

    /** The checks the goals of secure-build (and the approvedDependencies rule) record. */
    public static final List<String> CHECKS = List.of("sign", "verify-signatures", "findings", "allowlist", "provenance",
            "verify-provenance", "reproducible");

    /** Without a policy file: every release-relevant check required, none waived, no approval needed. */
    public static final List<String> DEFAULT_REQUIRED = List.of("sign", "findings", "allowlist", "provenance", "reproducible");

    public static final GatePolicy DEFAULT = new GatePolicy("default policy", DEFAULT_REQUIRED, List.of(), false);

    /** The same policy, named by {@code source} in the reports. */
    public GatePolicy withSource(String source) {
        return new GatePolicy(source, required, waivers, approvalRequiredForExceptions, requireCleanSource);
    }

    /** A policy that does not ask for a clean source. */
    public GatePolicy(String source, List<String> required, List<Waiver> waivers, boolean approvalRequiredForExceptions) {
        this(source, required, waivers, approvalRequiredForExceptions, false);
    }

    public GatePolicy {
        required = List.copyOf(required);
        waivers = List.copyOf(waivers);
    }

    /**
     * A check not asked for, of every module or of the modules its patterns name.
     *
     * @param modules patterns of the modules it holds for ({@link ModulePattern}); empty: every module
     * @param expires the last day it holds, or null for no end
     */
    public record Waiver(String check, List<ModulePattern> modules, String reason, LocalDate expires) {

        public Waiver {
            modules = List.copyOf(modules);
        }

        /** A waiver of the check for every module. */
        public Waiver(String check, String reason, LocalDate expires) {
            this(check, List.of(), reason, expires);
        }

        public boolean inForce(LocalDate today) {
            return expires == null || !today.isAfter(expires);
        }

        /** Whether it holds for {@code module} ({@code groupId:artifactId}). */
        public boolean covers(String module) {
            return modules.isEmpty() || modules.stream().anyMatch(pattern -> pattern.matches(module));
        }

        /** {@code findings} or {@code findings (modules parent, *-docs)}: how messages name it. */
        public String describe() {
            return modules.isEmpty() ? check : check + " (modules " + String.join(", ", modules.stream().map(ModulePattern::text).toList()) + ")";
        }
    }

    /**
     * Which modules a waiver holds for: {@code artifactId} or {@code groupId:artifactId}, each part a pattern where
     * {@code *} stands for any run of characters ({@code *-docs}, {@code com.example:*}), as in the allow-lists.
     */
    public record ModulePattern(String text, CoordinatePattern groupId, CoordinatePattern artifactId) {

        /** @throws IllegalArgumentException when the text is no such pattern */
        public static ModulePattern parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("more than one ':'");
            }
            return parts.length == 1 ? new ModulePattern(text, null, new CoordinatePattern(parts[0]))
                    : new ModulePattern(text, new CoordinatePattern(parts[0]), new CoordinatePattern(parts[1]));
        }

        /** @param module {@code groupId:artifactId} */
        public boolean matches(String module) {
            int colon = module.indexOf(':');
            String group = colon < 0 ? "" : module.substring(0, colon);
            return (groupId == null || groupId.matches(group)) && artifactId.matches(module.substring(colon + 1));
        }
    }

    /**
     * The waiver of a check for a module: the first in force that covers it; else the first that covers it and has
     * expired (so that the gate can say so); empty when none covers it.
     */
    public Optional<Waiver> waiver(String check, String module, LocalDate today) {
        List<Waiver> covering = waivers.stream().filter(w -> w.check().equals(check) && w.covers(module)).toList();
        return covering.stream().filter(w -> w.inForce(today)).findFirst().or(() -> covering.stream().findFirst());
    }
}
