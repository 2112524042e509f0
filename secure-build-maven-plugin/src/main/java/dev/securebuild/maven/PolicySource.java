package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.policy.PolicyLoader;

/**
 * Where the scanner gate's policy comes from: none (the default policy), a file of the project, or Maven
 * coordinates ({@code com.example:security-policy:1.4}, extension {@code yaml} unless given as a fourth part), so
 * that an organization publishes one versioned policy and every repository resolves it like a dependency.
 */
final class PolicySource {

    // A fixed version: a range would need a resolution the published policy should not depend on.
    private static final Pattern COORDINATES = Pattern.compile("[\\w.-]+:[\\w.-]+:[\\w.-]+(:[\\w.-]+){0,2}");

    /** The policy and the words that say where it came from. */
    record Loaded(Policy policy, String description) {}

    private PolicySource() {}

    static Loaded load(String policy, MavenProject project, RepositorySystem repositorySystem, RepositorySystemSession session)
            throws MojoExecutionException, IOException {
        if (policy == null || policy.isBlank()) {
            return new Loaded(Policy.defaults(), "the default policy (fail on critical and high, warn on the rest)");
        }
        String value = policy.strip();
        Path file = fileOf(project, value);
        if (file != null && Files.isRegularFile(file)) {
            return new Loaded(PolicyLoader.load(file), relative(project, file));
        }
        if (!COORDINATES.matcher(value).matches()) {
            throw new MojoExecutionException("The policy " + (file != null ? file : value) + " does not exist; policy takes a file of the project or Maven coordinates "
                    + "groupId:artifactId:version[:extension[:classifier]] of a published policy");
        }
        String[] parts = value.split(":");
        String extension = parts.length > 3 ? parts[3] : "yaml";
        String classifier = parts.length > 4 ? parts[4] : "";
        DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], classifier, extension, parts[2]);
        try {
            Path resolved = repositorySystem.resolveArtifact(session, new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
            return new Loaded(PolicyLoader.load(resolved), value + " (" + resolved + ")");
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the policy " + artifact + " from " + project.getRemoteProjectRepositories().stream()
                    .map(r -> r.getId()).toList() + ": " + e.getMessage(), e);
        }
    }

    /** The file the value names, relative to the project; null when it is no path here (on Windows, coordinates are not: "a:b:1"). */
    private static Path fileOf(MavenProject project, String value) {
        try {
            return base(project).resolve(value).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The project's folder; without a project, the folder Maven runs in. */
    private static Path base(MavenProject project) {
        return project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("").toAbsolutePath();
    }

    private static String relative(MavenProject project, Path file) {
        Path base = base(project).toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
