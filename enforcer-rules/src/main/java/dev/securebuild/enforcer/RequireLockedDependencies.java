package dev.securebuild.enforcer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerLevel;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.allowlist.maven.DeclaringElements;
import dev.securebuild.enforcer.internal.RedactingEnforcerLogger;
import dev.securebuild.enforcer.internal.RuleEvents;
import dev.securebuild.enforcer.internal.RuleResult;
import dev.securebuild.lock.LockCheck;
import dev.securebuild.lock.LockExclusion;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.maven.LockCollector;
import dev.securebuild.lock.maven.LockLocation;
import dev.securebuild.lock.maven.LockReading;
import dev.securebuild.lock.maven.PluginsRun;
import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.ci.WorkflowCommand;
import dev.securebuild.shared.results.GoalResult;

/**
 * Fails when what the module resolves is not what the reactor's lock ({@code secure-build.lock.json}, written by
 * {@code mvn secure-build:lock}) says: bytes that differ, an artifact the lock does not list, a version that moved, an
 * artifact listed and no longer used. It collects the same dependency graph as {@code approvedDependencies}, shared
 * through the session, and hashes each file once per build. Exclusions leave artifacts unlocked for a reason, an owner
 * and until a day.
 */
@Named("requireLockedDependencies")
public class RequireLockedDependencies extends AbstractEnforcerRule {

    /** The lock file, relative to the top of the reactor; default {@code secure-build.lock.json} there. */
    private String lockFile;
    /** Artifacts left unlocked. */
    private List<LockExclusionEntry> exclusions = new ArrayList<>();
    /**
     * Also collect the dependencies of the plugins this build does not run (by default only those of the plugins it
     * runs are: nothing else loads the others), so that a {@code mvn validate} tells whether the whole lock is current.
     */
    private boolean checkAllPlugins;

    private final MavenProject project;
    private final MavenSession session;
    private final RepositorySystem repositorySystem;
    private final LifecycleExecutor lifecycleExecutor;
    private final BuildPluginManager buildPluginManager;

    @Inject
    public RequireLockedDependencies(MavenProject project, MavenSession session, RepositorySystem repositorySystem, LifecycleExecutor lifecycleExecutor,
                                     BuildPluginManager buildPluginManager) {
        this.project = project;
        this.session = session;
        this.repositorySystem = repositorySystem;
        this.lifecycleExecutor = lifecycleExecutor;
        this.buildPluginManager = buildPluginManager;
    }

    @Override
    public EnforcerLogger getLog() {
        return new RedactingEnforcerLogger(super.getLog(), RuleEvents.secrets(session));
    }

    @Override
    public void execute() throws EnforcerRuleException {
        Path file = LockLocation.of(session, lockFile);
        LocalDate today = LocalDate.now();
        List<LockExclusion> excluded = exclusions(today);
        LockReading reading = startReading(file);
        LockCollector.Collected collected;
        try {
            LockCollector collector = LockCollector.forChecking(repositorySystem, session,
                    checkAllPlugins ? PluginsRun.ALL : PluginsRun.ofThisBuild(lifecycleExecutor, buildPluginManager, session));
            reading.whenRead(collector::hashAhead);
            collected = collector.collect(project);
        } catch (BuildInputException e) {
            lockOf(reading, file); // a lock that cannot be read is the first thing to mend
            throw new EnforcerRuleError("requireLockedDependencies: " + e.getMessage(), e);
        }
        LockFile lock = lockOf(reading, file);
        List<LockCheck.Violation> violations = LockCheck.check(lock, file, collected.module(), collected.files(), collected.pluginsNotRun(), excluded,
                today);
        String summary = collected.module().uses().size() + " use(s) of " + collected.files().size() + " artifact(s) checked against " + file + ": "
                + violations.size() + " violation(s)" + (collected.pluginsNotRun().isEmpty() ? "" : "; the dependencies of "
                + collected.pluginsNotRun().size() + " plugin(s) this build does not run are checked by the builds that run them");
        GoalResult written = writeResult(violations.isEmpty() ? GoalResult.Verdict.PASS : GoalResult.Verdict.FAIL, summary);
        showInCi(violations, written);
        if (violations.isEmpty()) {
            getLog().debug("requireLockedDependencies: " + summary);
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violations", violations.size());
        fields.put("lock", file.toString());
        fields.put("kinds", violations.stream().map(v -> v.kind().name()).distinct().collect(Collectors.joining(", ")));
        fields.put("failsBuild", getLevel() != EnforcerLevel.WARN);
        RuleEvents.append(session, project, "lock.failed", fields, violations.size() + " artifact(s) of " + project.getId() + " differ from the lock: "
                + violations.stream().limit(10).map(LockCheck.Violation::artifact).collect(Collectors.joining(", ")), message -> getLog().warn(message));
        throw new EnforcerRuleException(violations.size() + " violation(s) of the lock " + file + " in " + project.getId() + ":\n"
                + violations.stream().map(LockCheck.Violation::message).collect(Collectors.joining("\n")));
    }

    /**
     * The lock, read once per build while the file is unchanged (every module reads the same one), on a thread of its
     * own while the module collects what it uses.
     */
    private LockReading startReading(Path file) throws EnforcerRuleException {
        if (!Files.isRegularFile(file)) {
            writeResult(GoalResult.Verdict.FAIL, "not checked: there is no lock " + file);
            throw new EnforcerRuleException("requireLockedDependencies: there is no lock " + file + ": write one with mvn secure-build:lock, review it"
                    + " and commit it");
        }
        try {
            return LockReading.of(session.getRepositorySession().getData(), file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private LockFile lockOf(LockReading reading, Path file) throws EnforcerRuleException {
        LockFile lock;
        try {
            lock = reading.get();
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (reading.startedHere() && LockFile.FORMAT_1.equals(lock.format())) {
            getLog().info("requireLockedDependencies: the lock " + file + " is in format " + LockFile.FORMAT_1 + ", checked as it is;"
                    + " mvn secure-build:lock writes it in format " + LockFile.FORMAT + ", which writes what modules share once");
        }
        return lock;
    }

    private EnforcerRuleException cannotRead(Path file, IOException e) throws EnforcerRuleError {
        writeResult(GoalResult.Verdict.FAIL, "not checked: the lock " + file + " cannot be read");
        return new EnforcerRuleException("requireLockedDependencies: " + e.getMessage(), e);
    }

    private List<LockExclusion> exclusions(LocalDate today) throws EnforcerRuleError {
        List<LockExclusion> list = new ArrayList<>();
        for (LockExclusionEntry entry : exclusions) {
            try {
                list.add(new LockExclusion(entry.artifact(), entry.reason(), entry.owner(), entry.expires() == null ? null : LocalDate.parse(entry.expires())));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new EnforcerRuleError("requireLockedDependencies: <exclusion> " + entry.artifact() + ": " + e.getMessage());
            }
        }
        return list;
    }

    /**
     * In GitHub Actions, an annotation per violation at the POM element that brought the artifact in (an error, or a
     * warning when the rule only warns); the result as a line of the job summary.
     */
    private void showInCi(List<LockCheck.Violation> violations, GoalResult written) {
        CiOutput ci = CiOutput.of(session, RuleEvents.secrets(session));
        if (ci.annotates() && project.getFile() != null && !violations.isEmpty()) {
            Path pom = project.getFile().toPath();
            WorkflowCommand.Level level = getLevel() == EnforcerLevel.WARN ? WorkflowCommand.Level.WARNING : WorkflowCommand.Level.ERROR;
            List<WorkflowCommand> commands = new ArrayList<>();
            for (LockCheck.Violation violation : violations) {
                WorkflowCommand command = WorkflowCommand.of(level, violation.message())
                        .titled("secure-build requireLockedDependencies: " + violation.artifact());
                commands.add(DeclaringElements.at(command, DeclaringElements.of(project, violation.path()), ci.repositoryRoot(), pom));
            }
            ci.annotate(commands, "the build log of " + project.getId());
        }
        ci.result(written, project.getFile() == null ? null : project.getFile().toPath(), true).ifPresent(getLog()::warn);
    }

    /** The result file for release-gate, check {@code lock}. */
    private GoalResult writeResult(GoalResult.Verdict verdict, String summary) throws EnforcerRuleError {
        Path file = Path.of(project.getBuild().getDirectory(), "secure-build", "results", "lock.json");
        try {
            return RuleResult.write(file, "lock", "enforce (requireLockedDependencies)", project.getGroupId() + ":" + project.getArtifactId(),
                    project.getVersion(), verdict, summary, List.of(), Instant.now(), RuleEvents.secrets(session));
        } catch (IOException e) {
            throw new EnforcerRuleError("requireLockedDependencies: cannot write its result " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RequireLockedDependencies[lockFile=" + lockFile + ", exclusions=" + exclusions.size() + ", checkAllPlugins=" + checkAllPlugins + "]";
    }
}
