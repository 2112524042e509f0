package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
     * The policy: a YAML or JSON file (a relative path is read from the top of the reactor), a file: or https: URL, or
     * Maven coordinates {@code groupId:artifactId:version[:extension]} of a published one (docs/locations.md). None:
     * fail on critical and high findings, warn on the rest.
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

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        new FindingsCheckStep(new FindingsCheckStep.Parameters(reports, policy, findingsDirectory, maxReportAge, failOnStaleReports, failOnViolation,
                aggregate, maxLogRows, maxStringLength, maxNestingDepth), new FindingsCheckStep.Build(project, session, mojoExecution,
                repositorySystem, secrets(), eventLogFile(), this::openEventLog, getLog())).run(skip);
    }
}
