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
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListDecider;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.Decision;
import dev.securebuild.enforcer.internal.AllowListSources;
import dev.securebuild.enforcer.internal.Offenders;
import dev.securebuild.enforcer.internal.ProjectComponents;
import dev.securebuild.enforcer.internal.ReportedOffenders;

/**
 * Fails when the build uses a dependency, plugin or build extension that the allow-lists do not approve (or deny). The
 * lists (docs/allowlist.md) are applied in the configured order as layers (named by their {@code layer} key, else
 * "list 1", "list 2"...); each decision names the layer and entry that made it. The dependency graph is collected once per module and shared (see
 * {@link dev.securebuild.enforcer.internal.DependencyGraph}); loaded lists are shared by the modules of the build.
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
    /** With includePlugins: also the transitive dependencies of each plugin (what its class realm holds), not only the declared ones. */
    private boolean transitivePluginDependencies;
    /** Also check the parent POM chain (parents built in the same reactor excepted). */
    private boolean includeParents = true;
    /** Also check the BOMs that the dependency management imports (scope {@code import}). */
    private boolean includeImportedBoms;

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
        List<Component> components;
        try {
            components = new ProjectComponents(repositorySystem, session, message -> getLog().warn("approvedDependencies: " + message),
                    message -> getLog().debug(message)).of(project, new ProjectComponents.Options().includePlugins(includePlugins)
                            .includeLosers(includeLosers).readLicenses(readLicenses)
                            .includeParents(includeParents).includeImportedBoms(includeImportedBoms)
                            .transitivePluginDependencies(transitivePluginDependencies));
        } catch (EnforcerRuleError e) {
            throw new EnforcerRuleError("approvedDependencies: " + e.getMessage(), e.getCause());
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

    private List<AllowList> loadLists() throws EnforcerRuleError {
        return new AllowListSources("approvedDependencies", repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories(),
                project.getBasedir().toPath()).load(lists);
    }

    @Override
    public String toString() {
        return "ApprovedDependencies[lists=" + lists + ", includePlugins=" + includePlugins + ", includeLosers=" + includeLosers + ", readLicenses=" + readLicenses
                + ", includeParents=" + includeParents + ", includeImportedBoms=" + includeImportedBoms
                + ", transitivePluginDependencies=" + transitivePluginDependencies + "]";
    }
}
