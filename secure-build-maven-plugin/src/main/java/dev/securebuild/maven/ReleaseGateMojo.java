package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.gate.GateDecision;
import dev.securebuild.provenance.gate.ReleaseGateOutcome;
import dev.securebuild.provenance.gate.ReleaseGateRun;
import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResults;

/**
 * The release decision for the whole reactor: reads the result files that sign, check-findings, verify-reproducible or
 * compare, provenance, the approvedDependencies rule and the verify goals wrote for every module, and decides GO,
 * NO-GO or GO-WITH-EXCEPTIONS with every reason. Writes release-gate.json, release-gate.md and release-gate.html in
 * the top-level project's {@code target/secure-build/release-gate/}. NO-GO, and GO-WITH-EXCEPTIONS that the policy
 * wants approved but nobody approved, fail the build, so that the deploy that follows does not happen. Runs once,
 * in the module that reaches it last; bound to {@code verify} by default, after the goals it reads.
 */
@Mojo(name = "release-gate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReleaseGateMojo extends AbstractEventLoggingMojo {

    /**
     * The release gate policy, a YAML or JSON file relative to the top of the reactor: which checks are required, which
     * are waived and why, and whether GO-WITH-EXCEPTIONS needs an approval. None: sign, findings, allowlist,
     * provenance and reproducible required, nothing waived, no approval needed. Like every policy and list, it may also
     * be a file: or https: URL or Maven coordinates (docs/locations.md).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.gatePolicy")
    private String gatePolicy;

    /**
     * The approval of a release with exceptions: a ticket or change id ({@code -Dsecure-build.approval=SEC-123}). It is
     * recorded, with who gave it, in the outputs and the security event log.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.approval")
    private String approval;

    /**
     * Where release-gate.json, .md and .html are written, relative to the top-level project. None: its
     * {@code target/secure-build/release-gate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.releaseGateDirectory")
    private String releaseGateDirectory;

    /**
     * Count results written before this build started (left in {@code target} by an earlier run). Off: a goal that did
     * not run in this build counts as not run, whatever an earlier build decided.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.acceptEarlierResults", defaultValue = "false")
    private boolean acceptEarlierResults;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set; this module is not gated");
        }
        ReactorAggregation<Arrived> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, new Arrived(project, skip));
        Optional<List<Arrived>> all = arrival.all();
        if (all.isEmpty()) {
            getLog().info("Recorded " + project.getArtifactId() + " for the release gate; it decides after the last module ("
                    + arrival.stillToCome() + " still to come)");
            return;
        }
        if (skip) {
            getLog().warn("The release gate is skipped in " + project.getArtifactId() + ", the module that completes the reactor: nothing is decided");
            return;
        }
        List<MavenProject> gated = all.get().stream().filter(a -> !a.skipped()).map(Arrived::project).toList();
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        List<Path> folders = Stream.concat(Stream.of(top), gated.stream()).map(m -> GoalResults.folder(Path.of(m.getBuild().getDirectory())))
                .distinct().toList();
        Path output = ReleaseGateRun.outputFolder(top.getBasedir().toPath(), Path.of(top.getBuild().getDirectory()), releaseGateDirectory);
        ReleaseGateOutcome outcome;
        try {
            outcome = new ReleaseGateRun(Clock.systemUTC(), secrets()).run(new ReleaseGateRun.Request(gatePolicy, locations(),
                    GoalResultFiles.key(top), top.getVersion(), gated.stream().map(GoalResultFiles::key).toList(), notGated(all.get()), folders,
                    acceptEarlierResults || session.getStartTime() == null ? null : session.getStartTime().toInstant(), approval,
                    System.getenv(), System.getProperty("user.name"), output));
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        LogLines.print(outcome.logLines(), getLog());
        CiOutput ci = CiOutput.of(session, secrets());
        Path pom = top.getFile() != null ? top.getFile().toPath() : top.getBasedir().toPath().resolve("pom.xml");
        ci.annotate(outcome.annotations(ci.repositoryRoot(), pom), outcome.htmlReport().toString());
        ci.summarize(outcome.markdown(), outcome.htmlReport().toString()).ifPresent(getLog()::warn);
        if (outcome.event().isPresent()) {
            ReleaseGateOutcome.Event event = outcome.event().get();
            EventLog events = openEventLog();
            if (ReleaseGateOutcome.APPROVED.equals(event.type())) {
                // An approval that leaves no record must not let the release through.
                SecurityEventLogs.record(events, top, event.type(), event.fields(), event.message());
            } else {
                SecurityEventLogs.append(events, top, event.type(), event.fields(), event.message(), getLog());
            }
        }
        if (outcome.blocked()) {
            throw new MojoFailureException(outcome.failure());
        }
    }

    /** A module's arrival at the gate: skipped ones are named as not gated. */
    private record Arrived(MavenProject project, boolean skipped) {}

    /** The modules of this build the decision does not cover: those that skip the goal, and those without its execution. */
    private List<GateDecision.NotGated> notGated(List<Arrived> arrived) {
        List<GateDecision.NotGated> notGated = new ArrayList<>();
        for (MavenProject module : session.getProjects()) {
            Optional<Arrived> seen = arrived.stream().filter(a -> a.project().getId().equals(module.getId())).findFirst();
            if (seen.isEmpty()) {
                notGated.add(new GateDecision.NotGated(GoalResultFiles.key(module), "has no release-gate execution"));
            } else if (seen.get().skipped()) {
                notGated.add(new GateDecision.NotGated(GoalResultFiles.key(module), "skips the goal (secure-build.skip)"));
            }
        }
        return notGated;
    }
}
