package dev.securebuild.provenance.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.shared.results.GoalResult;

/**
 * Decides GO, NO-GO or GO-WITH-EXCEPTIONS from the result files of the reactor's modules, and only from those: a
 * required check without a result of this build is NO-GO ("did not run") unless the policy waives it; any failed
 * check is NO-GO; a warning or an accepted exception is GO-WITH-EXCEPTIONS; a check with nothing to check in a module
 * (verdict not-applicable) satisfies it; otherwise GO. A waiver holds for the modules its patterns name. A result older than the
 * build (left in {@code target} by an earlier run) does not count, so a goal that did not run this time cannot pass
 * with yesterday's verdict.
 */
public final class ReleaseGate {

    /**
     * The inputs.
     *
     * @param modules       the gated modules ({@code groupId:artifactId}), in reactor order
     * @param results       every result read from their folders (results that cover other modules are ignored)
     * @param notBefore     results decided before this instant are from an earlier build; null accepts all
     * @param today         the day waivers are judged against
     * @param approval      the ticket given, or null
     * @param approvedBy    who gives it
     * @param notGated      the reactor's modules that are not gated, each with why
     */
    public record Inputs(String project, String version, List<String> modules, List<GoalResult> results, Instant notBefore, Instant now,
                         LocalDate today, String approval, String approvedBy, List<GateDecision.NotGated> notGated) {}

    private final GatePolicy policy;

    public ReleaseGate(GatePolicy policy) {
        this.policy = policy;
    }

    /**
     * The row that says whether the module was built from committed sources, from every result of this build that
     * knows (provenance, verify-provenance): any dirty or unknown is NO-GO, and so is no result that says.
     */
    private static GateDecision.Check cleanSource(String module, Map<String, List<GoalResult>> byCheck, List<String> noGo) {
        List<GoalResult> saying = byCheck.values().stream().flatMap(List::stream).filter(r -> r.sourceTree() != null).toList();
        List<String> goals = saying.stream().map(GoalResult::goal).distinct().toList();
        if (saying.isEmpty()) {
            String summary = "no result of this build says whether the sources were committed (run provenance or verify-provenance)";
            noGo.add(module + ": " + GatePolicy.CLEAN_SOURCE + " is required and " + summary);
            return new GateDecision.Check(GatePolicy.CLEAN_SOURCE, GateDecision.Status.MISSING, null, goals, summary, List.of(), null, true);
        }
        for (GoalResult.SourceTree bad : List.of(GoalResult.SourceTree.DIRTY, GoalResult.SourceTree.UNKNOWN)) {
            GoalResult result = saying.stream().filter(r -> r.sourceTree() == bad).findFirst().orElse(null);
            if (result != null) {
                String summary = bad == GoalResult.SourceTree.DIRTY ? "built from a git working tree with uncommitted changes (" + result.goal() + ")"
                        : "whether the sources were committed is unknown (" + result.goal() + ": no git work tree, or a provenance that does not say)";
                noGo.add(module + ": " + GatePolicy.CLEAN_SOURCE + " is required, but " + summary + ": " + result.summary());
                return new GateDecision.Check(GatePolicy.CLEAN_SOURCE, GateDecision.Status.FAIL, GoalResult.Verdict.FAIL, goals, summary,
                        List.of(), null, true);
            }
        }
        return new GateDecision.Check(GatePolicy.CLEAN_SOURCE, GateDecision.Status.PASS, GoalResult.Verdict.PASS, goals,
                "built from committed sources", List.of(), null, true);
    }

    public GateDecision decide(Inputs in) {
        List<String> noGo = new ArrayList<>();
        List<String> withExceptions = new ArrayList<>();
        List<GateDecision.Exception> exceptions = new ArrayList<>();
        List<GateDecision.Module> modules = new ArrayList<>();
        for (String module : in.modules()) {
            Map<String, List<GoalResult>> byCheck = new LinkedHashMap<>();
            Map<String, List<GoalResult>> stale = new LinkedHashMap<>();
            for (GoalResult result : in.results()) {
                if (result.modules().contains(module)) {
                    boolean earlier = in.notBefore() != null && result.time().isBefore(in.notBefore());
                    (earlier ? stale : byCheck).computeIfAbsent(result.check(), c -> new ArrayList<>()).add(result);
                }
            }
            Set<String> checks = new LinkedHashSet<>(policy.required());
            checks.addAll(byCheck.keySet());
            List<GateDecision.Check> rows = new ArrayList<>();
            for (String check : checks) {
                boolean required = policy.required().contains(check);
                GatePolicy.Waiver found = policy.waiver(check, module, in.today()).orElse(null);
                GatePolicy.Waiver waiver = found != null && found.inForce(in.today()) ? found : null;
                String expired = found != null && waiver == null ? " (its waiver expired on " + found.expires() + ")" : "";
                List<GoalResult> results = byCheck.getOrDefault(check, List.of());
                if (results.isEmpty()) {
                    String summary = "did not run: no result in target/secure-build/results"
                            + (stale.containsKey(check) ? " of this build (only one from an earlier build, "
                            + stale.get(check).get(0).time() + ")" : "");
                    if (waiver != null) {
                        rows.add(new GateDecision.Check(check, GateDecision.Status.WAIVED, null, List.of(), summary, List.of(), waiver.reason(), required));
                    } else {
                        rows.add(new GateDecision.Check(check, GateDecision.Status.MISSING, null, List.of(), summary, List.of(), null, required));
                        noGo.add(module + ": required check " + check + " " + summary + expired);
                    }
                    continue;
                }
                GoalResult worst = results.stream().max(Comparator.comparing(GoalResult::verdict)).orElseThrow();
                List<String> goals = results.stream().map(GoalResult::goal).distinct().toList();
                List<String> details = results.stream().map(GoalResult::details).filter(d -> d != null).distinct().toList();
                // A result for several modules (a reactor's check) says which of them each exception applied to.
                List<GoalResult.ResultException> accepted = new ArrayList<>();
                results.forEach(r -> r.exceptions().stream().filter(e -> e.appliesTo(module) && !accepted.contains(e)).forEach(accepted::add));
                GateDecision.Status status;
                if (waiver != null) {
                    status = GateDecision.Status.WAIVED;
                } else if (worst.verdict() == GoalResult.Verdict.FAIL) {
                    status = GateDecision.Status.FAIL;
                    noGo.add(module + ": " + check + " failed (" + worst.goal() + "): " + worst.summary() + expired);
                } else if (worst.verdict() == GoalResult.Verdict.NOT_APPLICABLE) {
                    status = GateDecision.Status.NOT_APPLICABLE;
                } else if (worst.verdict() == GoalResult.Verdict.WARN || !accepted.isEmpty()) {
                    status = GateDecision.Status.EXCEPTIONS;
                    if (worst.verdict() == GoalResult.Verdict.WARN) {
                        withExceptions.add(module + ": " + check + " warned (" + worst.goal() + "): " + worst.summary());
                    }
                    if (!accepted.isEmpty()) {
                        withExceptions.add(module + ": " + check + " passed with " + accepted.size() + " exception(s): "
                                + String.join(", ", accepted.stream().map(GoalResult.ResultException::id).toList()));
                    }
                    for (GoalResult.ResultException e : accepted) {
                        exceptions.add(new GateDecision.Exception(module, check, e.id(), e.reason(), e.approvedBy(), e.expires()));
                    }
                } else {
                    status = GateDecision.Status.PASS;
                }
                rows.add(new GateDecision.Check(check, status, worst.verdict(), goals, worst.summary(), details,
                        waiver == null ? null : waiver.reason(), required));
            }
            if (policy.requireCleanSource()) {
                rows.add(cleanSource(module, byCheck, noGo));
            }
            modules.add(new GateDecision.Module(module, rows));
        }
        GateDecision.Decision decision = !noGo.isEmpty() ? GateDecision.Decision.NO_GO
                : !withExceptions.isEmpty() ? GateDecision.Decision.GO_WITH_EXCEPTIONS : GateDecision.Decision.GO;
        List<String> blocking = new ArrayList<>(noGo);
        if (in.modules().isEmpty()) {
            blocking.add("no module was gated");
            decision = GateDecision.Decision.NO_GO;
        }
        String ticket = in.approval() == null || in.approval().isBlank() ? null : in.approval().strip();
        GateDecision.Approval approval = new GateDecision.Approval(policy.approvalRequiredForExceptions(), ticket,
                ticket == null ? null : in.approvedBy());
        String unapproved = null;
        if (decision == GateDecision.Decision.GO_WITH_EXCEPTIONS && approval.required() && !approval.given()) {
            unapproved = "the policy requires an approval of a release with exceptions, and none was given (-Dsecure-build.approval=<ticket>)";
            blocking.add(unapproved);
        }
        List<String> reasons = new ArrayList<>(noGo);
        reasons.addAll(withExceptions);
        reasons.addAll(blocking.subList(noGo.size(), blocking.size()));
        return new GateDecision(decision, in.project(), in.version(), in.now(), policy.source(), modules, reasons, blocking, exceptions, approval,
                unmatched(in.modules()), in.notGated());
    }

    /** A waiver that covers none of the gated modules: a module renamed, a pattern mistyped. Said, never silently kept. */
    private List<String> unmatched(List<String> modules) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < policy.waivers().size(); i++) {
            GatePolicy.Waiver waiver = policy.waivers().get(i);
            if (modules.stream().noneMatch(waiver::covers)) {
                warnings.add("The gate policy's waiver #" + (i + 1) + " of " + waiver.describe() + " covers none of the gated modules ("
                        + String.join(", ", modules) + "): correct its modules or remove it");
            }
        }
        return warnings;
    }
}
