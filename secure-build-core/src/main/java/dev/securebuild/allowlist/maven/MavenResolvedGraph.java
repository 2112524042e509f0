package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
public final class MavenResolvedGraph {

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

    /** One dependency as Maven resolved it: the artifact, its scope, and the artifact that brought it in. */
    public static final class Resolved {
        private final Artifact artifact;
        private final String scope;
        private final Artifact by;
        private final String key;

        Resolved(Artifact artifact, String id, String scope, Artifact by, String byId) {
            this.artifact = artifact;
            this.scope = scope;
            this.by = by;
            this.key = id + '|' + scope + '|' + (byId == null ? "" : byId);
        }

        /** The artifact's id, scope and what brought it in, as one text: the same for the same dependency in any module. */
        public String key() {
            return key;
        }

        /** As Maven holds it; {@code RepositoryUtils.toArtifact} gives the resolver's. */
        public Artifact artifact() {
            return artifact;
        }

        /** Compile when Maven gives none. */
        public String scope() {
            return scope;
        }

        /** Its parent in the graph; null when the project declares it. */
        public Artifact by() {
            return by;
        }
    }

    /**
     * The project's dependencies as Maven collected them for the running goal, each with the artifact that brought it
     * in (the one before it in its trail); empty when Maven did not collect them, when a trail leads through an
     * artifact that is not among them, or when one is system-scoped (its file is known from the collected graph only):
     * the caller collects the graph itself then.
     */
    public static Optional<List<Resolved>> dependencies(MavenProject project) {
        Set<Artifact> artifacts = project.getArtifacts();
        if (artifacts.isEmpty()) {
            return project.getDependencies().isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        Map<String, Artifact> byId = new HashMap<>();
        Map<Artifact, String> ids = new IdentityHashMap<>();
        for (Artifact artifact : artifacts) {
            String id = artifact.getId();
            byId.put(id, artifact);
            ids.put(artifact, id);
        }
        List<Resolved> resolved = new ArrayList<>(artifacts.size());
        for (Artifact artifact : artifacts) {
            List<String> trail = artifact.getDependencyTrail();
            if (trail == null || trail.isEmpty() || Artifact.SCOPE_SYSTEM.equals(artifact.getScope())) {
                return Optional.empty();
            }
            // The project's id, then each artifact's id down to this one, which Maven's trails end with.
            String id = ids.get(artifact);
            int parent = trail.get(trail.size() - 1).equals(id) ? trail.size() - 2 : trail.size() - 1;
            Artifact by = null;
            if (parent > 0) {
                by = byId.get(trail.get(parent));
                if (by == null) {
                    return Optional.empty();
                }
            }
            String scope = artifact.getScope() == null || artifact.getScope().isEmpty() ? "compile" : artifact.getScope();
            resolved.add(new Resolved(artifact, id, scope, by, by == null ? null : trail.get(parent)));
        }
        return Optional.of(resolved);
    }

    /** {@code groupId:artifactId:version} of an artifact id {@code groupId:artifactId:type[:classifier]:version}. */
    static String coordinates(String artifactId) {
        String[] parts = artifactId.split(":");
        return parts.length < 4 ? artifactId : parts[0] + ":" + parts[1] + ":" + parts[parts.length - 1];
    }
}
