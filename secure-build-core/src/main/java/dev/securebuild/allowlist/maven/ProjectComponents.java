package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.repository.RemoteRepository;

import dev.securebuild.allowlist.Component;

/**
 * What a project uses that an allow-list decides on, each with its path from the project: the dependency graph
 * ({@link DependencyGraph}), and optionally the build plugins with their declared dependencies and the build
 * extensions, the parent POMs and the imported BOMs ({@link BuildPoms}); with the licenses their POMs declare when asked. Shared by the {@code approvedDependencies} rule and the
 * {@code allowlist-report} goal, so that both decide on the same components.
 */
public final class ProjectComponents {

    /** Which components to gather. */
    public static final class Options {
        boolean includePlugins = true;
        boolean includeLosers;
        boolean readLicenses = true;
        boolean includeParents = true;
        boolean includeImportedBoms;
        boolean transitivePluginDependencies;
        boolean mavenResolvedGraph;

        /**
         * Decide on the dependencies Maven already collected for the running goal (the Enforcer's {@code enforce}
         * asks for the test-scope graph) instead of collecting the graph again: much faster, one path per dependency,
         * no versions that lost mediation (so not with includeLosers). Only for goals that ask Maven for that graph.
         */
        public Options mavenResolvedGraph(boolean use) {
            mavenResolvedGraph = use;
            return this;
        }

        public Options transitivePluginDependencies(boolean transitive) {
            transitivePluginDependencies = transitive;
            return this;
        }

        public Options includeParents(boolean include) {
            includeParents = include;
            return this;
        }

        public Options includeImportedBoms(boolean include) {
            includeImportedBoms = include;
            return this;
        }

        public Options includePlugins(boolean include) {
            includePlugins = include;
            return this;
        }

        public Options includeLosers(boolean include) {
            includeLosers = include;
            return this;
        }

        public Options readLicenses(boolean read) {
            readLicenses = read;
            return this;
        }
    }

    private final RepositorySystem system;
    private final MavenSession session;
    private final Consumer<String> warn;
    private final Consumer<String> debug;

    /**
     * @param warn  where problems that do not stop the check go (a plugin without a version)
     * @param debug where details go (a POM whose licenses could not be read)
     */
    public ProjectComponents(RepositorySystem system, MavenSession session, Consumer<String> warn, Consumer<String> debug) {
        this.system = system;
        this.session = session;
        this.warn = warn;
        this.debug = debug;
    }

    /**
     * The components of {@code project}; its dependency graph is collected once per build and shared. The projects of
     * the build itself (a module another depends on, a parent in the reactor) are built from the sources being checked:
     * they are left out, while what they bring in is not.
     */
    public List<Component> of(MavenProject project, Options options) throws BuildInputException {
        String root = coordinates(project);
        List<Component> components = new ArrayList<>(dependencies(project, root, options));
        if (options.includePlugins) {
            components.addAll(pluginsAndExtensions(project, root, options.transitivePluginDependencies));
        }
        if (options.includeParents) {
            components.addAll(BuildPoms.parents(project, root, debug));
        }
        if (options.includeImportedBoms) {
            components.addAll(BuildPoms.importedBoms(project, root));
        }
        Set<String> reactor = new HashSet<>();
        for (MavenProject member : session.getProjects()) {
            reactor.add(coordinates(member));
        }
        components.removeIf(component -> reactor.contains(component.coordinates()));
        return options.readLicenses ? withLicenses(project, components) : components;
    }

    static String coordinates(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    private List<Component> dependencies(MavenProject project, String root, Options options) throws BuildInputException {
        if (options.mavenResolvedGraph && !options.includeLosers) {
            Optional<List<Component>> resolved = MavenResolvedGraph.components(project, root);
            if (resolved.isPresent()) {
                return resolved.get();
            }
        }
        try {
            return DependencyGraph.components(DependencyGraph.of(system, session.getRepositorySession(), project), root, options.includeLosers);
        } catch (DependencyCollectionException e) {
            throw new BuildInputException("cannot collect the dependencies of " + project.getId() + ": " + e.getMessage(), e);
        }
    }

    private List<Component> pluginsAndExtensions(MavenProject project, String root, boolean transitive) throws BuildInputException {
        List<Component> components = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getVersion() == null) {
                warn.accept("plugin " + plugin.getKey() + " has no version in the POM of " + project.getId()
                        + ": it is not checked (give it a version)");
                continue;
            }
            String pluginCoordinates = plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion();
            components.add(new Component(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion(), null, List.of(),
                    List.of(root, pluginCoordinates)));
            if (transitive) {
                try {
                    components.addAll(PluginGraph.components(system, session.getRepositorySession(), project.getRemotePluginRepositories(), plugin, root));
                } catch (DependencyCollectionException e) {
                    throw new BuildInputException("cannot collect the dependencies of plugin " + pluginCoordinates + ": " + e.getMessage(), e);
                }
                continue;
            }
            for (org.apache.maven.model.Dependency dependency : plugin.getDependencies()) {
                if (dependency.getVersion() != null) {
                    components.add(new Component(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion(), null, List.of(),
                            List.of(root, pluginCoordinates, dependency.getGroupId() + ":" + dependency.getArtifactId() + ":" + dependency.getVersion())));
                }
            }
        }
        for (Extension extension : project.getBuildExtensions()) {
            if (extension.getVersion() != null) {
                components.add(new Component(extension.getGroupId(), extension.getArtifactId(), extension.getVersion(), null, List.of(),
                        List.of(root, extension.getGroupId() + ":" + extension.getArtifactId() + ":" + extension.getVersion())));
            }
        }
        return components;
    }

    /** The components with the licenses their POMs declare; unknown ones stay empty. */
    private List<Component> withLicenses(MavenProject project, List<Component> components) {
        PomLicenses licenses = PomLicenses.resolving(system, session.getRepositorySession(), repositories(project), debug::accept);
        List<Component> licensed = new ArrayList<>(components.size());
        for (Component component : components) {
            licensed.add(new Component(component.groupId(), component.artifactId(), component.version(), component.scope(),
                    licenses.licenses(component.groupId(), component.artifactId(), component.version()), component.path()));
        }
        return licensed;
    }

    /** The project's repositories, then its plugin repositories not already among them: POMs of both kinds are read. */
    private static List<RemoteRepository> repositories(MavenProject project) {
        List<RemoteRepository> repositories = new ArrayList<>(project.getRemoteProjectRepositories());
        for (RemoteRepository repository : project.getRemotePluginRepositories()) {
            if (repositories.stream().noneMatch(known -> known.getId().equals(repository.getId()))) {
                repositories.add(repository);
            }
        }
        return repositories;
    }
}
