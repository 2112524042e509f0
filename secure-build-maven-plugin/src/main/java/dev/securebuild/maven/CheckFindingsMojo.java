package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.findings.ReportFiles;
import dev.securebuild.findings.ReportLimitException;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.check.FindingsGate;
import dev.securebuild.findings.check.FindingsVerdict;
import dev.securebuild.findings.policy.InvalidPolicyException;
import dev.securebuild.findings.read.ReportLimits;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * Gates the build on what security scanners reported: reads their reports (SARIF, OWASP Dependency-Check, Trivy,
 * Grype, OSV-Scanner, CycloneDX, OpenVEX), merges the same issue seen by several tools, applies the policy with its
 * exceptions, writes findings.json, SARIF, JUnit XML and report.html, and fails the build when a finding blocks.
 */
@Mojo(name = "check-findings", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckFindingsMojo extends AbstractEventLoggingMojo {

    /**
     * The scanners' reports: paths or globs relative to the project ({@code target/dependency-check-report.json},
     * {@code target/*.sarif}). A path that does not exist or a glob that matches nothing fails the build.
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

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    private final RepositorySystem repositorySystem;

    @Inject
    public CheckFindingsMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set" + (aggregate ? "; this module adds no reports to the reactor's check" : ""));
        }
        List<Path> files = skip ? List.of() : reportFiles();
        if (!aggregate) {
            if (!skip) {
                check(project, files, List.of(project));
            }
            return;
        }
        ReactorAggregation<List<Path>> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, files);
        Optional<List<List<Path>>> all = arrival.all();
        if (all.isEmpty()) {
            getLog().info("Recorded " + files.size() + " report(s) of " + project.getArtifactId() + " for the reactor's check ("
                    + arrival.stillToCome() + " module(s) still to come)");
            return;
        }
        List<Path> everything = all.get().stream().flatMap(List::stream).distinct().toList();
        if (everything.isEmpty()) {
            getLog().info("No module of the reactor added reports: nothing to check");
            return;
        }
        int building = session.getProjects().size();
        int reactor = session.getAllProjects() == null ? building : session.getAllProjects().size();
        if (building < reactor) {
            // -pl, -rf or -am: the reactor's check sees only the reports of the modules in this build.
            getLog().warn("The reactor's check covers the reports of " + building + " of the reactor's " + reactor
                    + " modules (this build selects modules with -pl, -rf or -am): run the whole reactor for the release decision");
        }
        check(session.getTopLevelProject() != null ? session.getTopLevelProject() : project, everything, aggregation.projects());
    }

    private List<Path> reportFiles() throws MojoExecutionException {
        if (reports == null || reports.stream().allMatch(r -> r == null || r.isBlank())) {
            GoalResultFiles.fail(project, "findings", "check-findings", "No scanner reports are configured", null, getLog());
            throw new MojoExecutionException("No scanner reports are configured for " + project.getId() + ": set <reports><report>"
                    + "target/dependency-check-report.json</report></reports> (paths or globs), or -Dsecure-build.reports=a.sarif,b.json, "
                    + "or skip the goal in this module");
        }
        try {
            return ReportFiles.expand(baseOf(project), reports.stream().filter(r -> r != null).toList(), outputsOf(project), getLog()::warn);
        } catch (ReportParseException e) {
            GoalResultFiles.fail(project, "findings", "check-findings", e.getMessage(), null, getLog());
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private void check(MavenProject checked, List<Path> files, List<MavenProject> modules) throws MojoExecutionException, MojoFailureException {
        Path base = baseOf(checked);
        Path output = base.resolve(checked == project ? standalone(findingsDirectory, "target/secure-build/findings")
                : checked.getBuild().getDirectory() + "/secure-build/findings");
        Clock clock = Clock.systemDefaultZone();
        FindingsVerdict verdict;
        try {
            FindingsGate.clearOutputs(output);
            PolicySource.Loaded loaded = PolicySource.load(policy, checked, repositorySystem, session);
            ReportLimits limits = limits();
            verdict = new FindingsGate(clock, secrets()).run(new FindingsGate.Request(files, base, maxReportAge, failOnStaleReports, limits,
                    loaded.policy(), loaded.description(), output, plugin.getVersion(), GoalResultFiles.key(checked)), openEventLog());
        } catch (InvalidPolicyException | ReportParseException | InvalidSettingException e) {
            String message = e instanceof ReportLimitException limit ? e.getMessage() + raise(limit) : e.getMessage();
            GoalResultFiles.write(checked, modules, "findings", "check-findings", GoalResult.Verdict.FAIL, message, List.of(), null, getLog());
            throw new MojoExecutionException(message, e);
        } catch (IOException e) {
            GoalResultFiles.write(checked, modules, "findings", "check-findings", GoalResult.Verdict.FAIL, e.getMessage(), List.of(), null, getLog());
            throw new MojoExecutionException("check-findings could not complete: " + e.getMessage(), e);
        }
        GoalResultFiles.write(checked, modules, "findings", "check-findings", verdict.goalVerdict(failOnViolation), verdict.summary(),
                verdict.usedExceptions(), verdict.json(), getLog());
        LogLines.print(verdict.logLines(maxLogRows), getLog());
        if (!verdict.passed()) {
            if (failOnViolation) {
                throw new MojoFailureException(verdict.failure());
            }
            getLog().warn(verdict.failure() + " (failOnViolation is false: the build goes on)");
        }
    }

    private ReportLimits limits() throws MojoExecutionException {
        try {
            return ReportLimits.of(maxStringLength, maxNestingDepth);
        } catch (InvalidSettingException e) {
            throw new MojoExecutionException(e.getMessage() + ": set secure-build.findings.maxStringLength and secure-build.findings.maxNestingDepth "
                    + "to positive numbers", e);
        }
    }

    /** Which parameter raises the limit a report went beyond. */
    private static String raise(ReportLimitException e) {
        return switch (e.limit()) {
            case STRING_LENGTH -> ". If the report is genuine, raise the limit with -Dsecure-build.findings.maxStringLength=<characters> "
                    + "(parameter maxStringLength)";
            case NESTING_DEPTH -> ". If the report is genuine, raise the limit with -Dsecure-build.findings.maxNestingDepth=<levels> "
                    + "(parameter maxNestingDepth)";
            case NUMBER_LENGTH -> ". No real report has such a number: the file is not a genuine report";
        };
    }

    /** The folders this goal writes to, besides every target/secure-build: never read as reports. */
    private List<Path> outputsOf(MavenProject module) {
        Path base = baseOf(module);
        return List.of(base.resolve(standalone(findingsDirectory, "target/secure-build/findings")),
                eventLogFile());
    }

    /** The project's folder; without a project (a CI step that only runs the gate), the folder Maven runs in. */
    private Path baseOf(MavenProject module) {
        return module.getBasedir() != null ? module.getBasedir().toPath() : Path.of(session.getExecutionRootDirectory());
    }

    /** Without a project Maven leaves ${project.basedir} in the defaults unresolved: they then name the current folder's target. */
    private static String standalone(String configured, String fallback) {
        return configured.contains("${") ? fallback : configured;
    }
}
