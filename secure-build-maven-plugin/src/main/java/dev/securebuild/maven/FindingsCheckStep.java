package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.check.FindingsGate;
import dev.securebuild.findings.check.FindingsVerdict;
import dev.securebuild.findings.check.ModuleCode;
import dev.securebuild.findings.output.CodeQualityReport;
import dev.securebuild.findings.output.FindingAnnotations;
import dev.securebuild.findings.output.FindingPlaces;
import dev.securebuild.findings.output.FindingsOutputs;
import dev.securebuild.findings.policy.InvalidPolicyException;
import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * What check-findings does with its parameters in Maven's build: collects this module's reports (or says it has
 * nothing to scan), checks them with {@link FindingsGate} alone or, with {@code aggregate}, with every module's once the
 * last one arrives, and turns the verdict into the result file, log lines and Maven's exceptions.
 */
final class FindingsCheckStep {

    /** check-findings' parameters as the goal read them. */
    record Parameters(List<String> reports, String policy, String findingsDirectory, String maxReportAge, boolean failOnStaleReports,
                      boolean failOnViolation, boolean aggregate, int maxLogRows, int maxStringLength, int maxNestingDepth) {
    }

    /** The build the goal runs in, and where its events go. */
    record Build(MavenProject project, MavenSession session, MojoExecution mojoExecution, RepositorySystem repositorySystem,
                 KnownSecrets secrets, Path eventLogFile, Supplier<EventLog> events, Log log) {
    }

    private final Parameters parameters;
    private final Build build;
    private final MavenProject project;
    private final MavenSession session;
    private final Log log;

    FindingsCheckStep(Parameters parameters, Build build) {
        this.parameters = parameters;
        this.build = build;
        this.project = build.project();
        this.session = build.session();
        this.log = build.log();
    }

    /** @param skip whether this module skips the goal: with aggregate it still tells the reactor's check it will add nothing */
    void run(boolean skip) throws MojoExecutionException, MojoFailureException {
        boolean aggregate = parameters.aggregate();
        if (skip) {
            log.info("Skipping: secure-build.skip is set" + (aggregate ? "; this module adds no reports to the reactor's check" : ""));
            if (!aggregate) {
                return;
            }
        }
        FindingsGate gate = new FindingsGate(Clock.systemDefaultZone(), build.secrets());
        String module = GoalResultFiles.key(project);
        FindingsGate.Collected mine;
        try {
            mine = skip ? FindingsGate.Collected.skipped(module) : gate.collect(new FindingsGate.Scope(module, baseOf(project), parameters.reports(),
                    List.of(baseOf(project).resolve(findingsFolder(project)), build.eventLogFile()), code()), LogLines.sink(log));
        } catch (IOException | InvalidSettingException e) {
            throw failed(project, List.of(project), e);
        }
        if (!aggregate) {
            check(gate, project, List.of(mine), List.of(project));
            return;
        }
        ReactorAggregation<FindingsGate.Collected> aggregation = ReactorAggregation.of(session, build.mojoExecution());
        var arrival = aggregation.add(project, mine);
        if (arrival.all().isEmpty()) {
            log.info("Recorded " + mine.reports().size() + " report(s) of " + project.getArtifactId() + " for the reactor's check ("
                    + arrival.stillToCome() + " module(s) still to come)");
        } else if (arrival.all().get().stream().allMatch(FindingsGate.Collected::skipped)) {
            log.info("Every module of the reactor skips the goal: nothing to check");
        } else {
            int reactor = session.getAllProjects() == null ? 0 : session.getAllProjects().size();
            if (session.getProjects().size() < reactor) {
                log.warn("The reactor's check covers the reports of " + session.getProjects().size() + " of the reactor's " + reactor
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
            PolicySource.Loaded loaded = PolicySource.load(parameters.policy(), checked, build.repositorySystem(), session);
            verdict = gate.run(new FindingsGate.Request(collected, baseOf(checked), parameters.maxReportAge(), parameters.failOnStaleReports(),
                    parameters.maxStringLength(), parameters.maxNestingDepth(), loaded.policy(), loaded.description(), output,
                    build.mojoExecution().getMojoDescriptor().getPluginDescriptor().getVersion(), GoalResultFiles.key(checked)), build.events().get());
        } catch (IOException | InvalidSettingException e) {
            throw failed(checked, covered, e);
        }
        GoalResultFiles.writeItemised(session, checked, covered, "findings", "check-findings", verdict.goalVerdict(parameters.failOnViolation()), verdict.summary(),
                verdict.usedExceptions(), verdict.json(), log);
        LogLines.print(verdict.logLines(parameters.maxLogRows()), log);
        if (verdict.applies()) {
            showInCi(checked, verdict);
        }
        if (!verdict.passed()) {
            if (parameters.failOnViolation()) {
                throw new MojoFailureException(verdict.failure());
            }
            log.warn(verdict.failure() + " (failOnViolation is false: the build goes on)");
        }
    }

    /**
     * In GitHub Actions, an annotation per finding that blocks, warns or is excepted, and the blocking ones in the job
     * summary; in GitLab CI, the Code Quality report. Neither changes the verdict: a problem writing them is a warning.
     */
    private void showInCi(MavenProject checked, FindingsVerdict verdict) {
        CiOutput ci = CiOutput.of(session, build.secrets());
        Path pom = checked.getFile() != null ? checked.getFile().toPath() : baseOf(checked).resolve("pom.xml");
        String report = verdict.output().resolve(FindingsOutputs.HTML).toString();
        FindingPlaces places = new FindingPlaces(ci.repositoryRoot(), baseOf(checked));
        if (ci.annotates()) {
            ci.annotate(FindingAnnotations.commands(verdict.result(), places, ci.repositoryRoot(), pom), report);
            if (!verdict.passed()) {
                ci.summarize(FindingAnnotations.markdown(verdict.result(), GoalResultFiles.key(checked), report), report).ifPresent(log::warn);
            }
        }
        if (ci.environment().gitlabCi()) {
            Path file = verdict.output().resolve(CodeQualityReport.FILE);
            String fallback = ci.repositoryPath(pom) != null ? ci.repositoryPath(pom) : "pom.xml";
            try {
                AtomicFiles.write(file, build.secrets().redacting(out -> CodeQualityReport.write(verdict.result(), fallback, places::repositoryPath, out)));
                log.info("GitLab Code Quality report: " + file);
            } catch (IOException e) {
                log.warn("Could not write GitLab's Code Quality report " + file + ": " + e.getMessage());
            }
        }
    }

    /** Records the failure for the release gate: what the user can fix in its own words, anything else as not completed. */
    private MojoExecutionException failed(MavenProject checked, List<MavenProject> modules, Exception e) {
        String message = e instanceof InvalidSettingException setting ? SettingNames.message(setting) : e.getMessage();
        GoalResultFiles.write(session, checked, modules, "findings", "check-findings", GoalResult.Verdict.FAIL, message, List.of(), null, log);
        boolean users = e instanceof InvalidSettingException || e instanceof ReportParseException || e instanceof InvalidPolicyException;
        return new MojoExecutionException(users ? message : "check-findings could not complete: " + message, e);
    }

    /** Whether the module has code, for a report that is missing; without a project (a plain folder) it may have. */
    private ModuleCode code() {
        return project.getFile() == null ? ModuleCode.UNKNOWN : new ModuleCode(project.getPackaging(), Path.of(project.getBuild().getOutputDirectory()),
                project.getCompileSourceRoots().stream().map(Path::of).toList(),
                (int) project.getDependencies().stream().filter(d -> !"test".equals(d.getScope())).count());
    }

    /** findingsDirectory; for the reactor's check the top-level project's; without a project Maven leaves ${...} unresolved: ./target's. */
    private String findingsFolder(MavenProject checked) {
        return checked != project ? checked.getBuild().getDirectory() + "/secure-build/findings"
                : parameters.findingsDirectory().contains("${") ? "target/secure-build/findings" : parameters.findingsDirectory();
    }

    /** The project's folder; without a project (a CI step that only runs the gate), the folder Maven runs in. */
    private Path baseOf(MavenProject module) {
        return module.getBasedir() != null ? module.getBasedir().toPath() : Path.of(session.getExecutionRootDirectory());
    }
}
