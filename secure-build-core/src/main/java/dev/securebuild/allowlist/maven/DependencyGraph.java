package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;

import dev.securebuild.allowlist.Component;
import dev.securebuild.shared.session.SessionCache;

/**
 * The dependency graph of a project as Maven resolves it (transitive, exclusions and dependency management honoured,
 * test and provided dependencies of dependencies left out, conflicts mediated), collected once per module and kept in
 * the resolver session's data, so that every rule of ours that needs it in the same build shares one collection.
 *
 * <p>The graph is collected in the conflict resolver's verbose mode: the versions that lost mediation stay in it as
 * leaves marked with the winner, so one collection serves both {@code includeLosers} settings.
 */
public final class DependencyGraph {

    /** Key of the cache in {@link RepositorySystemSession#getData()}: project id to the root of its verbose graph. */
    static final String CACHE_KEY = DependencyGraph.class.getName() + ".graphs";
    /** ConflictResolver.NODE_DATA_WINNER: on a node that lost mediation, the node that won. */
    static final String NODE_DATA_WINNER = "conflict.winner";
    /** ConflictResolver.CONFIG_PROP_VERBOSE. */
    static final String CONFIG_PROP_VERBOSE = "aether.conflictResolver.verbose";

    private DependencyGraph() {}

    /** The verbose graph of the project, from the session's cache or collected now (and cached). */
    public static DependencyNode of(RepositorySystem system, RepositorySystemSession session, MavenProject project)
            throws DependencyCollectionException {
        Map<String, DependencyNode> graphs = cache(session);
        String key = project.getId();
        DependencyNode root = graphs.get(key);
        if (root == null) {
            root = collect(system, session, project);
            DependencyNode earlier = graphs.putIfAbsent(key, root);
            if (earlier != null) {
                root = earlier;
            }
        }
        return root;
    }

    static Map<String, DependencyNode> cache(RepositorySystemSession session) {
        return SessionCache.map(session.getData(), CACHE_KEY);
    }

    private static DependencyNode collect(RepositorySystem system, RepositorySystemSession session, MavenProject project)
            throws DependencyCollectionException {
        DefaultRepositorySystemSession verbose = new DefaultRepositorySystemSession(session);
        verbose.setConfigProperty(CONFIG_PROP_VERBOSE, Boolean.TRUE);
        ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
        CollectRequest request = new CollectRequest();
        request.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
        request.setRepositories(project.getRemoteProjectRepositories());
        request.setRequestContext("project");
        for (org.apache.maven.model.Dependency dependency : project.getDependencies()) {
            request.addDependency(RepositoryUtils.toDependency(dependency, types));
        }
        DependencyManagement management = project.getDependencyManagement();
        if (management != null) {
            for (org.apache.maven.model.Dependency dependency : management.getDependencies()) {
                request.addManagedDependency(RepositoryUtils.toDependency(dependency, types));
            }
        }
        return system.collectDependencies(verbose, request).getRoot();
    }

    /**
     * Every dependency under {@code root} with its path from the project ({@code project} first, as g:a:v). A version
     * that lost mediation counts only with {@code includeLosers}; a loser of the same version as its winner is the
     * same artifact reached by another path, so it always counts, in the winner's scope.
     */
    public static List<Component> components(DependencyNode root, String project, boolean includeLosers) {
        List<Component> components = new ArrayList<>();
        List<String> path = new ArrayList<>();
        path.add(project);
        Set<DependencyNode> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        onPath.add(root);
        walk(root, path, onPath, includeLosers, components);
        return components;
    }

    private static void walk(DependencyNode node, List<String> path, Set<DependencyNode> onPath, boolean includeLosers,
                             List<Component> components) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dependency = child.getDependency();
            if (dependency == null || !onPath.add(child)) {
                continue;
            }
            Artifact artifact = dependency.getArtifact();
            String scope = scope(dependency);
            Object winner = child.getData().get(NODE_DATA_WINNER);
            if (winner instanceof DependencyNode && ((DependencyNode) winner).getDependency() != null) {
                Dependency won = ((DependencyNode) winner).getDependency();
                if (won.getArtifact().getBaseVersion().equals(artifact.getBaseVersion())) {
                    scope = scope(won);
                } else if (!includeLosers) {
                    onPath.remove(child);
                    continue;
                }
            }
            path.add(coordinates(artifact));
            components.add(new Component(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), scope, List.of(), path));
            walk(child, path, onPath, includeLosers, components);
            path.remove(path.size() - 1);
            onPath.remove(child);
        }
    }

    /**
     * Whether Maven keeps the node in the graph it gives the build: not a loser of mediation, nor the same artifact
     * reached by a longer path (the verbose graph keeps both as leaves marked with the winner).
     */
    public static boolean kept(DependencyNode node) {
        Object winner = node.getData().get(NODE_DATA_WINNER);
        return !(winner instanceof DependencyNode) || winner == node;
    }

    /** The scope a node is resolved in: its winner's when it is a loser of the same version; compile when none is given. */
    public static String resolvedScope(DependencyNode node) {
        Object winner = node.getData().get(NODE_DATA_WINNER);
        Dependency dependency = winner instanceof DependencyNode && ((DependencyNode) winner).getDependency() != null
                ? ((DependencyNode) winner).getDependency() : node.getDependency();
        return scope(dependency);
    }

    private static String scope(Dependency dependency) {
        String scope = dependency.getScope();
        return scope == null || scope.isEmpty() ? "compile" : scope;
    }

    static String coordinates(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
    }
}
