package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.securebuild.shared.ci.CiEnvironment;

/**
 * Builds the copied sources again in a separate Maven process: the same Maven and JDK, offline against the local
 * repository, in the varied environment, never installing (the goals stop at {@code package} unless told otherwise).
 */
public final class Rebuild {

    /** Tells the rebuild's own secure-build goals that they are inside a rebuild, so that it never recurses. */
    public static final String MARKER_PROPERTY = CiEnvironment.REBUILD_PROPERTY;

    /**
     * @param mavenHome  the Maven that runs this build
     * @param javaHome   the JDK that runs this build
     * @param directory  the copied sources: the rebuild runs there, with their pom.xml
     * @param options    Maven options (-o, -s, -P ...) before the goals
     * @param log        where the rebuild's whole output goes
     */
    public record Request(Path mavenHome, Path javaHome, Path directory, List<String> options, List<String> goals,
                          Variations.Applied variations, Path log, Duration timeout) {}

    /** @param tail the last lines of the log, for the error message when the rebuild failed */
    public record Result(int exitCode, boolean timedOut, Path log, List<String> tail, Duration took) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private Rebuild() {}

    public static List<String> command(Request request) {
        Path mvn = request.mavenHome().resolve("bin").resolve(isWindows() ? "mvn.cmd" : "mvn");
        List<String> maven = new ArrayList<>();
        maven.add(mvn.toString());
        maven.add("-B");
        maven.add("-D" + MARKER_PROPERTY + "=true");
        maven.addAll(request.options());
        maven.addAll(request.goals());
        if (request.variations().umask() == null || isWindows()) {
            return maven;
        }
        // The umask is a property of the process: a shell sets it, then becomes Maven ("$@" keeps every argument as is).
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + request.variations().umask() + " && exec \"$@\"", "sh"));
        command.addAll(maven);
        return command;
    }

    public static Result run(Request request) throws IOException {
        Files.createDirectories(request.log().toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command(request)).directory(request.directory().toFile())
                .redirectErrorStream(true).redirectOutput(request.log().toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        request.variations().unsetEnvironment().forEach(environment::remove);
        // Not a build of the CI's: it must not append to the job summary nor take itself for one (MARKER_PROPERTY too).
        CiEnvironment.VARIABLES.forEach(environment::remove);
        environment.putAll(request.variations().environment());
        environment.put("JAVA_HOME", request.javaHome().toString());
        String mavenOpts = environment.getOrDefault("MAVEN_OPTS", "");
        environment.put("MAVEN_OPTS", (mavenOpts + " " + String.join(" ", request.variations().jvmOptions())).strip());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();   // no input: a prompt fails instead of waiting
        boolean finished;
        try {
            finished = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the rebuild ran", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(finished ? process.exitValue() : -1, !finished, request.log(), tail(request.log(), 40), took);
    }

    static List<String> tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** This process's umask, from /proc on Linux; null elsewhere. */
    public static String currentUmask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return line.substring("Umask:".length()).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
