package dev.securebuild.enforcer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import dev.securebuild.enforcer.internal.SessionCache;

/**
 * Fails when the build uses a dependency, plugin or build extension that the allow-lists do not approve (or deny). The
 * lists (docs/allowlist.md) are applied in the configured order as layers (named by their {@code layer} key, else
 * "list 1", "list 2"...); each decision names the layer and entry that made it. The dependency graph is collected once per module and shared (see
 * {@link dev.securebuild.enforcer.internal.DependencyGraph}); loaded lists are shared by the modules of the build.
 */
@Named("approvedDependencies")
public class ApprovedDependencies extends AbstractEnforcerRule {

    /** Paths (relative to the project), file: or https: URLs, or groupId:artifactId:version[:extension]; in layer order. */
    private static final String DECISIONS_KEY = ApprovedDependencies.class.getName() + ".decisions";

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
        List<AllowList> lists = loadLists();
        AllowListDecider decider = new AllowListDecider(lists);
        LocalDate today = LocalDate.now();
        // Components are decided once per build, whichever module meets them first: a reactor shares most of its graph.
        Map<String, Decision> decided = SessionCache.map(session.getRepositorySession().getData(), DECISIONS_KEY + listsKey(lists) + today);
        // First on the graph Maven collected for the enforce goal; only when something fails is the graph collected
        // again in full, to show every path to each offender (a warning shows the one path Maven knows).
        Offenders failing = new Offenders();
        Offenders warning = new Offenders();
        int checked = decide(components(true), decider, today, decided, failing, warning);
        if (!failing.isEmpty()) {
            failing = new Offenders();
            warning = new Offenders();
            checked = decide(components(false), decider, today, decided, failing, warning);
        }
        ReportedOffenders reported = ReportedOffenders.of(session.getRepositorySession().getData());
        for (String message : warning.messages(reported, project.getId())) {
            getLog().warn(message);
        }
        if (!failing.isEmpty()) {
            throw new EnforcerRuleException(failing.size() + " component(s) of " + project.getId() + " not approved by the allow-lists:\n"
                    + failing.describe(reported, project.getId()));
        }
        getLog().debug("approvedDependencies: " + checked + " component(s) of " + project.getId() + " approved");
    }

    private List<Component> components(boolean mavenResolvedGraph) throws EnforcerRuleError {
        try {
            return new ProjectComponents(repositorySystem, session, message -> getLog().warn("approvedDependencies: " + message),
                    message -> getLog().debug(message)).of(project, new ProjectComponents.Options().includePlugins(includePlugins)
                            .includeLosers(includeLosers).readLicenses(readLicenses)
                            .includeParents(includeParents).includeImportedBoms(includeImportedBoms)
                            .transitivePluginDependencies(transitivePluginDependencies).mavenResolvedGraph(mavenResolvedGraph));
        } catch (EnforcerRuleError e) {
            throw new EnforcerRuleError("approvedDependencies: " + e.getMessage(), e.getCause());
        }
    }

    /** Decides each component (from the build's shared decisions when known), collecting what fails and warns; the count of distinct components. */
    private static int decide(List<Component> components, AllowListDecider decider, LocalDate today, Map<String, Decision> decided,
                              Offenders failing, Offenders warning) {
        Set<String> distinct = new HashSet<>();
        for (Component component : components) {
            String key = component + "|" + String.join(",", component.licenses());
            distinct.add(key);
            Decision decision = decided.computeIfAbsent(key, unused -> decider.decide(component, today));
            if (decision.fails()) {
                failing.add(decision, component.path());
            } else if (decision.warns()) {
                warning.add(decision, component.path());
            }
        }
        return distinct.size();
    }

    /** The same lists in the same order are the same objects within a build (AllowListSources keeps them). */
    private static String listsKey(List<AllowList> lists) {
        StringBuilder key = new StringBuilder();
        for (AllowList list : lists) {
            key.append('@').append(System.identityHashCode(list));
        }
        return key.toString();
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
