package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.policy.PolicyLoader;
import dev.securebuild.shared.location.Location;
import dev.securebuild.shared.location.LocationBase;
import dev.securebuild.shared.location.LocationReader;

/**
 * Where the scanner gate's policy comes from: none (the default policy), or a {@link Location} (docs/locations.md): a
 * file of the project, a {@code file:} or {@code https:} URL, or Maven coordinates
 * ({@code com.example:security-policy:1.4}, extension {@code yaml} unless given), so that an organization publishes
 * one versioned policy and every repository resolves it like a dependency. A relative path is read from the top of the
 * reactor ({@link LocationBase#reactorTop}), so that a policy configured in a parent POM is one file for every module.
 */
final class PolicySource {

    private static final String TAKES = "policy takes a file of the project, a file: or https: URL, or Maven coordinates "
            + "groupId:artifactId:version[:extension[:classifier]] of a published policy";

    /** The policy and the words that say where it came from. */
    record Loaded(Policy policy, String description) {}

    private PolicySource() {}

    /** The policy of {@code project} in this build; a relative path from the top of its reactor. */
    static Loaded load(String policy, MavenProject project, RepositorySystem repositorySystem, MavenSession session)
            throws MojoExecutionException, IOException {
        return load(policy, project, LocationBase.reactorTop(session), repositorySystem, session.getRepositorySession());
    }

    /**
     * @param project its repositories resolve coordinates
     * @param base    where a relative path is read from, and why there
     */
    static Loaded load(String policy, MavenProject project, LocationBase base, RepositorySystem repositorySystem, RepositorySystemSession session)
            throws MojoExecutionException, IOException {
        if (policy == null || policy.isBlank()) {
            return new Loaded(Policy.defaults(), "the default policy (fail on critical and high, warn on the rest)");
        }
        String value = policy.strip();
        LocationReader reader = new LocationReader(repositorySystem, session, project.getRemoteProjectRepositories(), base);
        Location location;
        try {
            location = reader.locate(value, "policy");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage() + "; " + TAKES, e);
        }
        if (location.kind() == Location.Kind.PATH) {
            Path file = fileOf(reader, location);
            if (file == null || !Files.isRegularFile(file)) {
                throw new MojoExecutionException((file != null ? base.missing("The policy", file, null, value) : "The policy " + value + " does not exist")
                        + "; " + TAKES);
            }
        }
        try {
            Policy loaded = reader.read(location, null, PolicyLoader::load);
            return new Loaded(loaded, location.shown(base));
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the policy " + LocationReader.artifact(location) + " from " + reader.repositoryIds()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The file the value names; null when it is no path here (a NUL, or on Windows "a:b:1"). */
    private static Path fileOf(LocationReader reader, Location location) {
        try {
            return reader.path(location);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
