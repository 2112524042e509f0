package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.check.FindingsGate;
import dev.securebuild.findings.check.FindingsVerdict;
import dev.securebuild.findings.check.ModuleCode;
import dev.securebuild.findings.policy.InvalidPolicyException;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * Gates the build on what security scanners reported: reads their reports (SARIF, OWASP Dependency-Check, Trivy,
 * Grype, OSV-Scanner, CycloneDX, OpenVEX), merges the same issue seen by several tools, applies the policy with its
 * exceptions, writes findings.json, SARIF, JUnit XML and report.html, and fails the build when a finding blocks. A module
 * with nothing to scan (packaging pom, no classes and no sources) and no report is recorded as not applicable.
 */
@Mojo(name = "check-findings", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckFindingsMojo extends AbstractEventLoggingMojo {

    /**
     * The scanners' reports: paths or globs relative to the project ({@code target/dependency-check-report.json},
     * {@code target/*.sarif}). A path that does not exist or a glob that matches nothing fails the build, unless the module
     * has nothing to scan (packaging pom, or no class and no source file): then the check is not applicable there.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.reports")
    private List<String> reports;

    /**
     * The policy: a YAML or JSON file of the project, or Maven coordinates {@code groupId:artifactId:version[:extension]}
     * of a published one. None: fail on critical and high findings, warn on the rest.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.policy")
    private String policy;

    /**
     * Where findings.json, findings.sarif, blocking.sarif, the JUnit XML and report.html are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.findingsDirectory", defaultValue = "${project.build.directory}/secure-build/findings")
    private String findingsDirectory;

    /**
     * The oldest a report may be ({@code 24h}, {@code 7d}, ISO-8601 {@code P1D}); older reports warn, or fail with
     * failOnStaleReports. None: any age.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxReportAge")
    private String maxReportAge;

    /**
     * A report older than maxReportAge fails the build instead of warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.failOnStaleReports", defaultValue = "false")
    private boolean failOnStaleReports;

    /**
     * Fail the build when a finding blocks or the policy is violated; false writes the same outputs and only warns.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * One check for the whole reactor: every module that runs the goal adds its reports, and the module that finishes
     * last checks them all together, so that a vulnerability of a shared dependency counts once. The outputs go to the
     * top-level project's target folder, and a policy file is read relative to the top-level project. A module that
     * switches the execution off ({@code <phase>none</phase>}) is not waited for.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.aggregate", defaultValue = "false")
    private boolean aggregate;

    /**
     * The most blocking findings listed in the log; the rest are in report.html.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxLogRows", defaultValue = "20")
    private int maxLogRows;

    /**
     * The longest string or name (characters) a report may hold; a longer one refuses the report. The default,
     * 20000000, is far above what real reports hold; raise it only for a genuine report refused for it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.findings.maxStringLength", defaultValue = "20000000")
    private int maxStringLength;

    /**
     * The deepest a report may nest arrays and objects (XML: elements); deeper refuses the report. Real reports nest a
     * few dozen deep.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.findings.maxNestingDepth", defaultValue = "1000")
    private int maxNestingDepth;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private final RepositorySystem repositorySystem;

    @Inject
    public CheckFindingsMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set" + (aggregate ? "; this module adds no reports to the reactor's check" : ""));
            if (!aggregate) {
                return;
            }
        }
        FindingsGate gate = new FindingsGate(Clock.systemDefaultZone(), secrets());
        String module = GoalResultFiles.key(project);
        FindingsGate.Collected mine;
        try {
            mine = skip ? FindingsGate.Collected.skipped(module) : gate.collect(new FindingsGate.Scope(module, baseOf(project), reports,
                    List.of(baseOf(project).resolve(findingsFolder(project)), eventLogFile()), code()), LogLines.sink(getLog()));
        } catch (IOException | InvalidSettingException e) {
            throw failed(project, List.of(project), e);
        }
        if (!aggregate) {
            check(gate, project, List.of(mine), List.of(project));
            return;
        }
        ReactorAggregation<FindingsGate.Collected> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, mine);
        if (arrival.all().isEmpty()) {
            getLog().info("Recorded " + mine.reports().size() + " report(s) of " + project.getArtifactId() + " for the reactor's check ("
                    + arrival.stillToCome() + " module(s) still to come)");
        } else if (arrival.all().get().stream().allMatch(FindingsGate.Collected::skipped)) {
            getLog().info("Every module of the reactor skips the goal: nothing to check");
        } else {
            int reactor = session.getAllProjects() == null ? 0 : session.getAllProjects().size();
            if (session.getProjects().size() < reactor) {
                getLog().warn("The reactor's check covers the reports of " + session.getProjects().size() + " of the reactor's " + reactor
                        + " modules (this build selects modules with -pl, -rf or -am): run the whole reactor for the release decision");
            }
            List<MavenProject> covered = aggregation.projects().stream().filter(m -> arrival.all().get().stream()
                    .anyMatch(c -> !c.skipped() && c.module().equals(GoalResultFiles.key(m)))).toList();
            check(gate, session.getTopLevelProject() != null ? session.getTopLevelProject() : project, arrival.all().get(), covered);
        }
    }

    /** @param covered the modules the check covers (not those that skip it) */
    private void check(FindingsGate gate, MavenProject checked, List<FindingsGate.Collected> collected, List<MavenProject> covered)
            throws MojoExecutionException, MojoFailureException {
        Path output = baseOf(checked).resolve(findingsFolder(checked));
        FindingsVerdict verdict;
        try {
            FindingsGate.clearOutputs(output);
            PolicySource.Loaded loaded = PolicySource.load(policy, checked, repositorySystem, session);
            verdict = gate.run(new FindingsGate.Request(collected, baseOf(checked), maxReportAge, failOnStaleReports, maxStringLength, maxNestingDepth,
                    loaded.policy(), loaded.description(), output, mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion(),
                    GoalResultFiles.key(checked)), openEventLog());
        } catch (IOException | InvalidSettingException e) {
            throw failed(checked, covered, e);
        }
        GoalResultFiles.write(checked, covered, "findings", "check-findings", verdict.goalVerdict(failOnViolation), verdict.summary(),
                verdict.usedExceptions(), verdict.json(), getLog());
        LogLines.print(verdict.logLines(maxLogRows), getLog());
        if (!verdict.passed()) {
            if (failOnViolation) {
                throw new MojoFailureException(verdict.failure());
            }
            getLog().warn(verdict.failure() + " (failOnViolation is false: the build goes on)");
        }
    }

    /** Records the failure for the release gate: what the user can fix in its own words, anything else as not completed. */
    private MojoExecutionException failed(MavenProject checked, List<MavenProject> modules, Exception e) {
        String message = e instanceof InvalidSettingException setting ? SettingNames.message(setting) : e.getMessage();
        GoalResultFiles.write(checked, modules, "findings", "check-findings", GoalResult.Verdict.FAIL, message, List.of(), null, getLog());
        boolean users = e instanceof InvalidSettingException || e instanceof ReportParseException || e instanceof InvalidPolicyException;
        return new MojoExecutionException(users ? message : "check-findings could not complete: " + message, e);
    }

    /** Whether the module has code, for a report that is missing; without a project (a plain folder) it may have. */
    private ModuleCode code() {
        return project.getFile() == null ? ModuleCode.UNKNOWN : new ModuleCode(project.getPackaging(), Path.of(project.getBuild().getOutputDirectory()),
                project.getCompileSourceRoots().stream().map(Path::of).toList());
    }

    /** findingsDirectory; for the reactor's check the top-level project's; without a project Maven leaves ${...} unresolved: ./target's. */
    private String findingsFolder(MavenProject checked) {
        return checked != project ? checked.getBuild().getDirectory() + "/secure-build/findings"
                : findingsDirectory.contains("${") ? "target/secure-build/findings" : findingsDirectory;
    }

    /** The project's folder; without a project (a CI step that only runs the gate), the folder Maven runs in. */
    private Path baseOf(MavenProject module) {
        return module.getBasedir() != null ? module.getBasedir().toPath() : Path.of(session.getExecutionRootDirectory());
    }
}
