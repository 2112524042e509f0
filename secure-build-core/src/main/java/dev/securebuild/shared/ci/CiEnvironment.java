package dev.securebuild.shared.ci;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.apache.maven.execution.MavenSession;

import dev.securebuild.shared.io.Links;

/**
 * Which CI system the build runs in, read from the variables each sets: GitHub Actions ({@code GITHUB_ACTIONS=true})
 * and GitLab CI ({@code GITLAB_CI=true}); anything else is a plain build, where nothing CI-specific is written.
 */
public final class CiEnvironment {

    /**
     * Set ({@code -Dsecure-build.rebuild=true}) on the rebuild verify-reproducible starts: a rebuild is no build of the
     * CI's, so it shows nothing there (no annotation, no job summary) and notifies nobody.
     */
    public static final String REBUILD_PROPERTY = "secure-build.rebuild";

    /** The variables by which a build finds its CI, and the job summary, which a rebuild is started without. */
    public static final List<String> VARIABLES = List.of("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI");

    private final Function<String, String> variables;

    private CiEnvironment(Function<String, String> variables) {
        this.variables = variables;
    }

    /** From a lookup of environment variables (a test's map). */
    public static CiEnvironment of(Function<String, String> variables) {
        return new CiEnvironment(variables);
    }

    public static CiEnvironment of(Map<String, String> variables) {
        return new CiEnvironment(variables::get);
    }

    /**
     * The build's environment: the variables Maven read at its start ({@code env.*} of the session's system
     * properties), else the process's.
     */
    public static CiEnvironment of(MavenSession session) {
        if (isRebuild(session)) {
            return new CiEnvironment(name -> null);
        }
        Properties system = session == null ? null : session.getSystemProperties();
        return new CiEnvironment(name -> {
            String value = system == null ? null : system.getProperty("env." + name);
            return value != null ? value : System.getenv(name);
        });
    }

    /** Whether this build is the rebuild of verify-reproducible. */
    public static boolean isRebuild(MavenSession session) {
        return session != null && session.getUserProperties() != null
                && Boolean.parseBoolean(session.getUserProperties().getProperty(REBUILD_PROPERTY));
    }

    public boolean githubActions() {
        return "true".equalsIgnoreCase(variable("GITHUB_ACTIONS"));
    }

    public boolean gitlabCi() {
        return "true".equalsIgnoreCase(variable("GITLAB_CI"));
    }

    /** GitHub's job summary file of this step ({@code GITHUB_STEP_SUMMARY}); empty outside GitHub Actions. */
    public Optional<Path> stepSummary() {
        return githubActions() ? path(variable("GITHUB_STEP_SUMMARY")) : Optional.empty();
    }

    /**
     * The repository's root, which annotations and Code Quality issues are placed relative to: the nearest folder at or
     * above the reactor's top that holds {@code .git} and lies inside the CI's checkout ({@code GITHUB_WORKSPACE},
     * {@code CI_PROJECT_DIR}); else that checkout when the reactor is inside it; else the reactor's top.
     */
    public Path repositoryRoot(Path reactorTop) {
        Path top = reactorTop.toAbsolutePath().normalize();
        Optional<Path> checkout = path(variable(githubActions() ? "GITHUB_WORKSPACE" : "CI_PROJECT_DIR"))
                .map(p -> p.toAbsolutePath().normalize()).filter(top::startsWith);
        for (Path folder = top; folder != null; folder = folder.getParent()) {
            if (checkout.isPresent() && !folder.startsWith(checkout.get())) {
                break;
            }
            if (Links.exists(folder.resolve(".git"))) {
                return folder;
            }
        }
        return checkout.orElse(top);
    }

    private String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Optional<Path> path(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
