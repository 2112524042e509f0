package dev.securebuild.enforcer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.allowlist.Decision;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResults;

/**
 * The result a rule leaves for {@code release-gate} ({@code secure-build-result/1}, docs/release-gate.md), written by
 * the same {@link GoalResults} as the plugin's goals: this only turns the rule's decisions into a {@link GoalResult}.
 * Approvals in force that are about to end are its exceptions. Returns what it wrote, for the job summary.
 */
public final class RuleResult {

    private RuleResult() {}

    /**
     * @param file     where to write it ({@code target/secure-build/results/<check>.json}: a rule's goal is no file name)
     * @param expiring the EXPIRING decisions: allowed, on approvals that end soon
     * @param secrets  the build's secret values, kept out of the file
     */
    public static GoalResult write(Path file, String check, String goal, String project, String version, GoalResult.Verdict verdict,
                             String summary, List<Decision> expiring, Instant time, KnownSecrets secrets) throws IOException {
        List<GoalResult.ResultException> exceptions = new ArrayList<>();
        for (Decision decision : expiring) {
            LocalDate expires = decision.entry().expires();
            // The format's exception fields only (release-gate rejects others): the entry is named in the reason.
            exceptions.add(new GoalResult.ResultException(decision.component().toString(),
                    decision.entry().reason() + " (entry " + decision.entry().location() + ")", decision.entry().owner(),
                    expires == null ? null : expires.toString()));
        }
        // Whole seconds, as the rule has always written them; the project alone as its modules.
        GoalResult result = new GoalResult(check, goal, project, null, version, time.truncatedTo(ChronoUnit.SECONDS), verdict, summary,
                exceptions, null);
        GoalResults.writeTo(file, result, secrets);
        return result;
    }
}
