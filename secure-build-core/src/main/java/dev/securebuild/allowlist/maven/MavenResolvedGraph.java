package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

import dev.securebuild.allowlist.Component;

/**
 * The dependencies Maven itself already collected for the running goal: the Enforcer's {@code enforce} goal asks Maven
 * for the project's test-scope graph before any rule runs, so {@link MavenProject#getArtifacts()} holds every
 * dependency (transitive, exclusions and management honoured, conflicts mediated), each with its dependency trail from
 * the project. Deciding on these costs no second collection; only the versions that lost mediation are missing, and
 * only one path per dependency is known.
 */
final class MavenResolvedGraph {

    private MavenResolvedGraph() {}

    /**
     * The project's dependencies as Maven collected them, or empty when Maven did not collect them for this goal (the
     * project declares dependencies but none was resolved): the caller collects the graph itself then.
     */
    static Optional<List<Component>> components(MavenProject project, String root) {
        Set<Artifact> artifacts = project.getArtifacts();
        if (artifacts.isEmpty()) {
            return project.getDependencies().isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        List<Component> components = new ArrayList<>(artifacts.size());
        for (Artifact artifact : artifacts) {
            List<String> trail = artifact.getDependencyTrail();
            if (trail == null || trail.isEmpty()) {
                return Optional.empty();
            }
            List<String> path = new ArrayList<>(trail.size());
            path.add(root);
            // The trail is the project, then each artifact's id (groupId:artifactId:type[:classifier]:version) down to this one.
            for (String id : trail.subList(1, trail.size())) {
                path.add(coordinates(id));
            }
            String coordinates = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
            if (!path.get(path.size() - 1).equals(coordinates)) {
                path.add(coordinates);   // Maven's trails end with the artifact itself; a trail that does not still leads to it
            }
            String scope = artifact.getScope() == null || artifact.getScope().isEmpty() ? "compile" : artifact.getScope();
            components.add(new Component(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), scope, List.of(), path));
        }
        return Optional.of(components);
    }

    /** {@code groupId:artifactId:version} of an artifact id {@code groupId:artifactId:type[:classifier]:version}. */
    static String coordinates(String artifactId) {
        String[] parts = artifactId.split(":");
        return parts.length < 4 ? artifactId : parts[0] + ":" + parts[1] + ":" + parts[parts.length - 1];
    }
}
