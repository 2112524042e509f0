package dev.securebuild.enforcer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.repository.RemoteRepository;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListDecider;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.Decision;
import dev.securebuild.enforcer.internal.AllowListSources;
import dev.securebuild.enforcer.internal.DependencyGraph;
import dev.securebuild.enforcer.internal.Offenders;
import dev.securebuild.enforcer.internal.PomLicenses;
import dev.securebuild.enforcer.internal.ReportedOffenders;

/**
 * Fails when the build uses a dependency, plugin or build extension that the allow-lists do not approve (or deny). The
 * lists (docs/allowlist.md) are applied in the configured order as layers (named by their {@code layer} key, else
 * "list 1", "list 2"...); each decision names the layer and entry that made it. The dependency graph is collected once per module and shared (see
 * {@link DependencyGraph}); loaded lists are shared by the modules of the build.
 */
@Named("approvedDependencies")
public class ApprovedDependencies extends AbstractEnforcerRule {

    /** Paths (relative to the project), file: or https: URLs, or groupId:artifactId:version[:extension]; in layer order. */
    private List<String> lists = new ArrayList<>();
    /** Also check build plugins, their declared dependencies and build extensions. */
    private boolean includePlugins = true;
    /** Also check the versions that lost Maven's mediation (they are not on the class path). */
    private boolean includeLosers;
    /** Read each component's licenses from its POM (and parent POMs), for entries' {@code licenses} and {@code settings.allowLicenses}. */
    private boolean readLicenses = true;

    private final MavenProject project;
    private final MavenSession session;
    private final RepositorySystem repositorySystem;

    @Inject
    public ApprovedDependencies(MavenProject project, MavenSession session, RepositorySystem repositorySystem) {
        this.project = project;
        this.session = session;
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws EnforcerRuleException {
        AllowListDecider decider = new AllowListDecider(loadLists());
        LocalDate today = LocalDate.now();
        String root = project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
        List<Component> components = new ArrayList<>(dependencies(root));
        if (includePlugins) {
            components.addAll(pluginsAndExtensions(root));
        }
        Map<String, Decision> decided = new HashMap<>();
        Offenders failing = new Offenders();
        Offenders warning = new Offenders();
        for (Component component : components) {
            Decision decision = decided.computeIfAbsent(component.toString(), key -> decider.decide(component, today));
            if (decision.fails()) {
                failing.add(decision, component.path());
            } else if (decision.warns()) {
                warning.add(decision, component.path());
            }
        }
        ReportedOffenders reported = ReportedOffenders.of(session.getRepositorySession().getData());
        for (String message : warning.messages(reported, project.getId())) {
            getLog().warn(message);
        }
        if (!failing.isEmpty()) {
            throw new EnforcerRuleException(failing.size() + " component(s) of " + project.getId() + " not approved by the allow-lists:\n"
                    + failing.describe(reported, project.getId()));
        }
        getLog().debug("approvedDependencies: " + decided.size() + " component(s) of " + project.getId() + " approved");
    }

    private List<Component> dependencies(String root) throws EnforcerRuleError {
        RepositorySystemSession repositorySession = session.getRepositorySession();
        try {
            return withLicenses(DependencyGraph.components(DependencyGraph.of(repositorySystem, repositorySession, project), root, includeLosers));
        } catch (DependencyCollectionException e) {
            throw new EnforcerRuleError("approvedDependencies: cannot collect the dependencies of " + project.getId() + ": " + e.getMessage(), e);
        }
    }

    private List<Component> pluginsAndExtensions(String root) {
        List<Component> components = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getVersion() == null) {
                getLog().warn("approvedDependencies: plugin " + plugin.getKey() + " has no version in the POM of " + project.getId()
                        + ": it is not checked (give it a version)");
                continue;
            }
            String pluginCoordinates = plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion();
            components.add(new Component(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion(), null, List.of(),
                    List.of(root, pluginCoordinates)));
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
        return withLicenses(components);
    }

    /** The components with the licenses their POMs declare, when {@code readLicenses}; unknown ones stay empty. */
    private List<Component> withLicenses(List<Component> components) {
        if (!readLicenses) {
            return components;
        }
        PomLicenses licenses = PomLicenses.resolving(repositorySystem, session.getRepositorySession(), repositories(), message -> getLog().debug(message));
        List<Component> licensed = new ArrayList<>(components.size());
        for (Component component : components) {
            licensed.add(new Component(component.groupId(), component.artifactId(), component.version(), component.scope(),
                    licenses.licenses(component.groupId(), component.artifactId(), component.version()), component.path()));
        }
        return licensed;
    }

    /** The project's repositories, then its plugin repositories not already among them: POMs of both kinds are read. */
    private List<RemoteRepository> repositories() {
        List<RemoteRepository> repositories = new ArrayList<>(project.getRemoteProjectRepositories());
        for (RemoteRepository repository : project.getRemotePluginRepositories()) {
            if (repositories.stream().noneMatch(known -> known.getId().equals(repository.getId()))) {
                repositories.add(repository);
            }
        }
        return repositories;
    }

    private List<AllowList> loadLists() throws EnforcerRuleError {
        return new AllowListSources("approvedDependencies", repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories(),
                project.getBasedir().toPath()).load(lists);
    }

    @Override
    public String toString() {
        return "ApprovedDependencies[lists=" + lists + ", includePlugins=" + includePlugins + ", includeLosers=" + includeLosers + ", readLicenses=" + readLicenses + "]";
    }
}
