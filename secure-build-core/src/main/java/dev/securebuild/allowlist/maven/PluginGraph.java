package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Plugin;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;

import dev.securebuild.allowlist.Component;
import dev.securebuild.shared.session.SessionCache;

/**
 * What a build plugin runs with: the plugin, the dependencies the POM declares on it and their transitive
 * dependencies, as Maven puts them in the plugin's class realm (scopes provided and test left out: Maven provides its
 * own API). Collected once per plugin and set of declared dependencies, in the resolver session's data, so modules that
 * share a plugin share one collection.
 */
public final class PluginGraph {

    static final String CACHE_KEY = PluginGraph.class.getName() + ".graphs";

    private PluginGraph() {}

    /** The plugin's dependencies, each with its path {@code root -> plugin -> ... -> it}; no scope, like plugins. */
    static List<Component> components(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                                      Plugin plugin, String root) throws DependencyCollectionException {
        String pluginCoordinates = plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion();
        DependencyNode graph = of(system, session, repositories, plugin);
        List<Component> components = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(root, pluginCoordinates));
        Set<DependencyNode> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(graph, path, onPath, components);
        return components;
    }

    /**
     * The plugin's dependency graph (the plugin at its root), collected once per build for the plugin with the same
     * declared dependencies, whichever module or rule asks (the allow-list and the lock share it).
     */
    public static DependencyNode of(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories, Plugin plugin)
            throws DependencyCollectionException {
        StringBuilder key = new StringBuilder(plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion());
        for (org.apache.maven.model.Dependency declared : plugin.getDependencies()) {
            key.append('|').append(declared.getManagementKey()).append(':').append(declared.getVersion());
        }
        Map<String, DependencyNode> graphs = cache(session);
        DependencyNode graph = graphs.get(key.toString());
        if (graph == null) {
            graph = collect(system, session, repositories, plugin);
            DependencyNode earlier = graphs.putIfAbsent(key.toString(), graph);
            graph = earlier != null ? earlier : graph;
        }
        return graph;
    }

    private static DependencyNode collect(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                                          Plugin plugin) throws DependencyCollectionException {
        CollectRequest request = new CollectRequest();
        request.setRoot(new Dependency(new DefaultArtifact(plugin.getGroupId(), plugin.getArtifactId(), "", "jar", plugin.getVersion()), "runtime"));
        request.setRepositories(repositories);
        request.setRequestContext("plugin");
        for (org.apache.maven.model.Dependency declared : plugin.getDependencies()) {
            if (declared.getVersion() != null) {
                request.addDependency(RepositoryUtils.toDependency(declared, session.getArtifactTypeRegistry()));
            }
        }
        return system.collectDependencies(session, request).getRoot();
    }

    private static void walk(DependencyNode node, List<String> path, Set<DependencyNode> onPath, List<Component> components) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dependency = child.getDependency();
            if (dependency == null || "provided".equals(dependency.getScope()) || "test".equals(dependency.getScope()) || !onPath.add(child)) {
                continue;
            }
            Artifact artifact = dependency.getArtifact();
            path.add(DependencyGraph.coordinates(artifact));
            components.add(new Component(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), null, List.of(), path));
            walk(child, path, onPath, components);
            path.remove(path.size() - 1);
            onPath.remove(child);
        }
    }

    private static Map<String, DependencyNode> cache(RepositorySystemSession session) {
        return SessionCache.map(session.getData(), CACHE_KEY);
    }
}
