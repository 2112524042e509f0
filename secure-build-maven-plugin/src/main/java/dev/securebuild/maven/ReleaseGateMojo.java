package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.provenance.gate.Approvers;
import dev.securebuild.provenance.gate.GateDecision;
import dev.securebuild.provenance.gate.GatePolicy;
import dev.securebuild.provenance.gate.GatePolicyLoader;
import dev.securebuild.provenance.gate.GateReports;
import dev.securebuild.provenance.gate.ReleaseGate;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.location.Location;
import dev.securebuild.shared.location.LocationReader;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResults;
import dev.securebuild.shared.text.Printable;

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

    static final String APPROVED = "release.approved";
    static final String BLOCKED = "release.blocked";

    /**
     * The release gate policy, a YAML or JSON file relative to the top-level project: which checks are required, which
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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set; this module is not gated");
        }
        ReactorAggregation<Optional<MavenProject>> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, skip ? Optional.empty() : Optional.of(project));
        Optional<List<Optional<MavenProject>>> all = arrival.all();
        if (all.isEmpty()) {
            getLog().info("Recorded " + project.getArtifactId() + " for the release gate; it decides after the last module ("
                    + arrival.stillToCome() + " still to come)");
            return;
        }
        if (skip) {
            getLog().warn("The release gate is skipped in " + project.getArtifactId() + ", the module that completes the reactor: nothing is decided");
            return;
        }
        List<MavenProject> gated = all.get().stream().flatMap(Optional::stream).toList();
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path base = top.getBasedir().toPath();
        GatePolicy policy = policy(base);

        List<GoalResult> results = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(GoalResults.folder(Path.of(top.getBuild().getDirectory())));
        gated.forEach(m -> folders.add(GoalResults.folder(Path.of(m.getBuild().getDirectory()))));
        try {
            for (Path folder : folders) {
                results.addAll(GoalResults.readAll(folder));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("The release gate cannot read a result: " + e.getMessage(), e);
        }
        Instant started = session.getRequest().getStartTime() == null ? null
                : session.getRequest().getStartTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String approver = approval == null || approval.isBlank() ? null : Approvers.who(System.getenv(), System.getProperty("user.name"));
        GateDecision decision = new ReleaseGate(policy).decide(new ReleaseGate.Inputs(GoalResultFiles.key(top), top.getVersion(),
                gated.stream().map(GoalResultFiles::key).toList(), results, acceptEarlierResults ? null : started, now,
                LocalDate.ofInstant(now, ZoneOffset.UTC), approval, approver));

        Path output = releaseGateDirectory == null || releaseGateDirectory.isBlank()
                ? Path.of(top.getBuild().getDirectory(), "secure-build", "release-gate") : base.resolve(releaseGateDirectory);
        try {
            GateReports.writeAll(decision, output, secrets());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the release gate's reports to " + output + ": " + e.getMessage(), e);
        }
        log(decision, output);
        record(decision, top, output);
        if (decision.blocked()) {
            throw new MojoFailureException(GateReports.headline(decision) + ": " + String.join("; ", decision.reasons())
                    + ". Details: " + output.resolve(GateReports.MARKDOWN_FILE));
        }
    }

    private GatePolicy policy(Path base) throws MojoExecutionException {
        if (gatePolicy == null || gatePolicy.isBlank()) {
            return GatePolicy.DEFAULT;
        }
        LocationReader reader = locations(base);
        Location location;
        try {
            location = reader.locate(gatePolicy, "gatePolicy");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Object file = location.kind() == Location.Kind.PATH ? reader.path(location) : location;
        try {
            return reader.read(location, "release-gate-policy", GatePolicyLoader::load);
        } catch (GatePolicyLoader.InvalidGatePolicyException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException | ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot read the release gate policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** Module names, reasons and exceptions come from result files, and exceptions from policies: escaped, as every input. */
    private void log(GateDecision decision, Path output) {
        for (GateDecision.Module module : decision.modules()) {
            StringBuilder line = new StringBuilder(module.module()).append(':');
            module.checks().forEach(c -> line.append(' ').append(c.check()).append('=').append(c.status().label()));
            getLog().info(Printable.of(line));
        }
        for (String reason : decision.reasons()) {
            if (decision.blocked()) {
                getLog().error(Printable.of(reason));
            } else {
                getLog().warn(Printable.of(reason));
            }
        }
        for (GateDecision.Exception e : decision.exceptions()) {
            getLog().warn(Printable.of("Exception " + e.id() + " (" + e.module() + ", " + e.check() + "): approved by " + e.approvedBy()
                    + ", expires " + e.expires() + ": " + e.reason()));
        }
        String line = GateReports.headline(decision) + ". Reports: " + output.resolve(GateReports.MARKDOWN_FILE) + ", "
                + GateReports.JSON_FILE + ", " + GateReports.HTML_FILE;
        if (decision.blocked()) {
            getLog().error(Printable.of(line));
        } else {
            getLog().info(Printable.of(line));
        }
    }

    /** release.approved for an approved GO-WITH-EXCEPTIONS, release.blocked for what stops the release. */
    private void record(GateDecision decision, MavenProject top, Path output) throws MojoExecutionException {
        if (!decision.approved() && !decision.blocked()) {
            return;
        }
        EventLog events = openEventLog();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("decision", decision.decision().label());
        fields.put("version", decision.version());
        if (decision.approved()) {
            fields.put("ticket", decision.approval().ticket());
            fields.put("approvedBy", decision.approval().approvedBy());
            fields.put("exceptions", decision.exceptions().size());
            fields.put("report", output.resolve(GateReports.JSON_FILE).toString());
            SecurityEventLogs.record(events, top, APPROVED, fields, "Release with exceptions approved by " + decision.approval().approvedBy()
                    + " under " + decision.approval().ticket() + ": " + String.join("; ", decision.reasons()));
        } else {
            fields.put("approvalRequired", decision.approval().required());
            fields.put("reasons", decision.reasons().size());
            fields.put("report", output.resolve(GateReports.JSON_FILE).toString());
            SecurityEventLogs.append(events, top, BLOCKED, fields, GateReports.headline(decision) + ": " + String.join("; ", decision.reasons()), getLog());
        }
    }
}
