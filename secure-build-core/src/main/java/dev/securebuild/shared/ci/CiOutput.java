package dev.securebuild.shared.ci;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;

import dev.securebuild.shared.location.LocationBase;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.session.SessionCache;
import dev.securebuild.shared.text.Markdown;

/**
 * The one place goals and rules send what a CI system shows besides the log: in GitHub Actions, annotations (workflow
 * commands printed on lines of their own, capped for the whole build) and sections of the job summary; elsewhere,
 * nothing. An annotation already printed in this build is not printed again. Every text is stripped of the build's
 * secrets before it leaves, since annotations and summaries are shown to everyone who can read the pull request.
 */
public final class CiOutput {

    private static final String CAP_KEY = CiOutput.class.getName() + ".cap";
    private static final String HEADING_KEY = CiOutput.class.getName() + ".heading";
    private static final String PRINTED_KEY = CiOutput.class.getName() + ".printed";

    private static final FileOutputStream PROCESS_OUTPUT = new FileOutputStream(FileDescriptor.out);

    private final CiEnvironment environment;
    private final Path reactorTop;
    private volatile Path repositoryRoot;
    private final AnnotationCap cap;
    private final SessionData data;
    private final KnownSecrets secrets;
    private final Consumer<String> console;

    CiOutput(CiEnvironment environment, Path reactorTop, SessionData data, KnownSecrets secrets, Consumer<String> console) {
        this.environment = environment;
        this.reactorTop = reactorTop;
        this.data = data;
        // JDK types only in the session: the Enforcer rules' realm and the plugin's each have their own copy of our classes.
        this.cap = new AnnotationCap(AnnotationCap.DEFAULT_PER_LEVEL, SessionCache.get(data, CAP_KEY, HashMap::new));
        this.secrets = secrets;
        this.console = console;
    }

    /**
     * The build's CI output. Workflow commands go to the process's standard output, where the runner reads them: not
     * through Maven's log, whose {@code [ERROR]} prefix would hide the command from the runner.
     */
    public static CiOutput of(MavenSession session, KnownSecrets secrets) {
        SessionData data = session.getRepositorySession() != null ? session.getRepositorySession().getData() : new DefaultSessionData();
        return new CiOutput(CiEnvironment.of(session), LocationBase.reactorTop(session).folder(), data, secrets, console(session));
    }

    /**
     * Where the runner reads commands: Maven 3 leaves {@code System.out} as the process's output; Maven 4 replaces it
     * with a stream into its log, which prefixes each line with {@code [INFO] [stdout]}, so there the line goes to the
     * process's output itself (file descriptor 1), in one write so that no other thread's output splits it.
     */
    static Consumer<String> console(MavenSession session) {
        Properties system = session.getSystemProperties();
        String version = system == null ? null : system.getProperty("maven.version");
        if (version == null || !version.startsWith("4.")) {
            return System.out::println;
        }
        return line -> {
            System.out.flush();
            synchronized (PROCESS_OUTPUT) {
                try {
                    PROCESS_OUTPUT.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                    PROCESS_OUTPUT.flush();
                } catch (IOException e) {
                    System.out.println(line); // the log at least has it
                }
            }
        };
    }

    /** For tests: a given environment, session data and console. */
    public static CiOutput of(CiEnvironment environment, Path reactorTop, SessionData data, KnownSecrets secrets, Consumer<String> console) {
        return new CiOutput(environment, reactorTop, data, secrets, console);
    }

    public CiEnvironment environment() {
        return environment;
    }

    /** Whether annotations are printed: in GitHub Actions. */
    public boolean annotates() {
        return environment.githubActions();
    }

    /** The folder annotations and Code Quality issues are placed relative to. */
    public Path repositoryRoot() {
        Path root = repositoryRoot;
        if (root == null) {
            root = environment.repositoryRoot(reactorTop);
            repositoryRoot = root;
        }
        return root;
    }

    /** The command placed at a file and line of this repository (no place when the file is outside it). */
    public WorkflowCommand at(WorkflowCommand command, Path file, int line) {
        return command.at(repositoryRoot(), file, line);
    }

    /** A path as GitHub and GitLab name it: relative to the repository root, with {@code /}; null when outside. */
    public String repositoryPath(Path file) {
        return WorkflowCommand.repositoryPath(repositoryRoot(), file);
    }

    /**
     * Prints one goal's annotations, as many as the build's cap still allows (GitHub Actions only).
     *
     * @param whereListed where every item is listed (the goal's report), named when some are not shown
     */
    public void annotate(List<WorkflowCommand> commands, String whereListed) {
        if (!annotates() || commands.isEmpty()) {
            return;
        }
        // The same annotation from several modules (an offender declared in their parent) is printed once per build.
        Map<String, Boolean> printed = SessionCache.map(data, PRINTED_KEY);
        List<WorkflowCommand> redacted = new ArrayList<>(commands.size());
        for (WorkflowCommand command : commands) {
            WorkflowCommand clean = command.redacted(secrets);
            if (printed.putIfAbsent(clean.line(), Boolean.TRUE) == null) {
                redacted.add(clean);
            }
        }
        for (String line : cap.admit(redacted, secrets.redact(whereListed))) {
            console.accept(line);
        }
    }

    /**
     * Appends a section to GitHub's job summary; the first section of the build comes after a heading of its own.
     *
     * @return the problem when the summary could not be written (the build goes on), else empty
     */
    public Optional<String> summarize(String markdown, String whereListed) {
        Optional<Path> file = environment.stepSummary();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        StepSummary summary = new StepSummary(file.get());
        try {
            String heading = firstSection() ? "## secure-build\n\n" : "";
            summary.append(heading + secrets.redact(markdown), secrets.redact(whereListed));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("Could not append to the job summary " + file.get() + ": " + e.getMessage());
        }
    }

    private boolean firstSection() {
        return data.set(HEADING_KEY, null, Boolean.TRUE);
    }

    /**
     * What a goal decided, in CI: one line of the job summary, and for a failure or a warning an annotation at the
     * module's POM, unless the goal annotates each item itself ({@code itemised}).
     *
     * @param pom the module's POM (where the annotation is placed); null for none
     */
    public Optional<String> result(GoalResult result, Path pom, boolean itemised) {
        if (annotates() && !itemised && (result.verdict() == GoalResult.Verdict.FAIL || result.verdict() == GoalResult.Verdict.WARN)) {
            WorkflowCommand.Level level = result.verdict() == GoalResult.Verdict.FAIL ? WorkflowCommand.Level.ERROR : WorkflowCommand.Level.WARNING;
            annotate(List.of(at(WorkflowCommand.of(level, result.summary()), pom, 0).titled("secure-build " + result.goal() + ": "
                    + result.project())), result.details() == null ? "the build log" : result.details());
        }
        return summarize(summaryLine(result), result.details() == null ? "the build log" : result.details());
    }

    static String summaryLine(GoalResult result) {
        String mark;
        switch (result.verdict()) {
            case PASS:
                mark = "✅";
                break;
            case FAIL:
                mark = "❌";
                break;
            case WARN:
                mark = "⚠️";
                break;
            default:
                mark = "⚪";
        }
        return "- " + mark + " **" + Markdown.text(result.goal()) + "** " + Markdown.code(result.project()) + ": "
                + Markdown.text(result.verdict().label().toUpperCase(Locale.ROOT)) + " · " + Markdown.text(result.summary()) + "\n";
    }
}
