package dev.securebuild.reproducible;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the rebuild's Maven is invoked: which Maven and JDK, the goals, and what it shares with this build (offline or
 * not, the local repository, the settings, profiles, threads and user properties, the last in a file, never on the
 * command line: {@link RebuildProperties}); by default it compiles the tests but does not run them. The one place to
 * change when the rebuild needs another option.
 */
public final class RebuildInvocation {

    private final Path mavenHome;
    private final Path javaHome;
    private List<String> goals = List.of("package");
    private Duration timeout = Duration.ofMinutes(60);
    private Path localRepository;
    private Path userSettings;
    private Path globalSettings;
    private List<String> activeProfiles = List.of();
    private List<String> inactiveProfiles = List.of();
    private int threads = 1;
    private String pomFileName;
    private List<String> arguments = List.of();
    private boolean offline = true;
    private boolean runTests;
    private RebuildProperties properties = RebuildProperties.NONE;

    /** @param mavenHome the Maven that runs this build; {@code javaHome} the JDK that runs it */
    public RebuildInvocation(Path mavenHome, Path javaHome) {
        this.mavenHome = mavenHome;
        this.javaHome = javaHome;
    }

    public RebuildInvocation goals(List<String> goals) {
        this.goals = List.copyOf(goals);
        return this;
    }

    public List<String> goals() {
        return goals;
    }

    public RebuildInvocation timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    public RebuildInvocation localRepository(Path localRepository) {
        this.localRepository = localRepository;
        return this;
    }

    /** Settings files that do not exist are not passed on. */
    public RebuildInvocation settings(Path user, Path global) {
        this.userSettings = user;
        this.globalSettings = global;
        return this;
    }

    public RebuildInvocation profiles(List<String> active, List<String> inactive) {
        this.activeProfiles = List.copyOf(active);
        this.inactiveProfiles = List.copyOf(inactive);
        return this;
    }

    public RebuildInvocation threads(int threads) {
        this.threads = threads;
        return this;
    }

    /** @param pomFileName the top-level POM's file name: passed with -f unless it is pom.xml; null when unknown */
    public RebuildInvocation pomFileName(String pomFileName) {
        this.pomFileName = pomFileName;
        return this;
    }

    /** @param offline whether the rebuild may not fetch what it lacks (-o); true unless set */
    public RebuildInvocation offline(boolean offline) {
        this.offline = offline;
        return this;
    }

    public boolean offline() {
        return offline;
    }

    /** This build's user properties, as the rebuild gets them. */
    public RebuildInvocation properties(RebuildProperties properties) {
        this.properties = properties;
        return this;
    }

    public RebuildProperties properties() {
        return properties;
    }

    /**
     * @param runTests whether the rebuild runs the tests; when false (the default) it passes -DskipTests before the
     *                 user's arguments, so a -DskipTests=false among them wins (Maven keeps the last value of a -D)
     */
    public RebuildInvocation runTests(boolean runTests) {
        this.runTests = runTests;
        return this;
    }

    /** More Maven options the user gave, after all the others. */
    public RebuildInvocation arguments(List<String> arguments) {
        this.arguments = arguments == null ? List.of() : List.copyOf(arguments);
        return this;
    }

    /** The Maven options before the goals. */
    public List<String> options() {
        List<String> options = new ArrayList<>();
        if (offline) {
            options.add("-o");
        }
        if (localRepository != null) {
            options.add("-Dmaven.repo.local=" + localRepository.toAbsolutePath());
        }
        addFile(options, "-s", userSettings);
        addFile(options, "-gs", globalSettings);
        if (!activeProfiles.isEmpty()) {
            options.add("-P" + String.join(",", activeProfiles));
        }
        if (!inactiveProfiles.isEmpty()) {
            options.add("-P!" + String.join(",!", inactiveProfiles));
        }
        if (threads > 1) {
            options.add("-T" + threads);
        }
        if (pomFileName != null && !"pom.xml".equals(pomFileName)) {
            options.add("-f");
            options.add(pomFileName);
        }
        if (!runTests) {
            options.add("-DskipTests");
        }
        options.addAll(arguments);
        return options;
    }

    /** The rebuild of the sources copied to {@code directory}, in the varied environment, its output going to {@code log}. */
    public Rebuild.Request request(Path directory, Variations.Applied variations, Path log) {
        return new Rebuild.Request(mavenHome, javaHome, directory, options(), goals, variations, log, timeout);
    }

    private static void addFile(List<String> options, String flag, Path file) {
        if (file != null && Files.isRegularFile(file)) {
            options.add(flag);
            options.add(file.toAbsolutePath().toString());
        }
    }
}
