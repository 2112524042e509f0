package dev.securebuild.enforcer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerLevel;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListDecider;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.Decision;
import dev.securebuild.allowlist.maven.AllowListSources;
import dev.securebuild.allowlist.maven.DeclaringElements;
import dev.securebuild.enforcer.internal.Offenders;
import dev.securebuild.allowlist.maven.ProjectComponents;
import dev.securebuild.enforcer.internal.ReportedOffenders;
import dev.securebuild.enforcer.internal.RedactingEnforcerLogger;
import dev.securebuild.enforcer.internal.RuleEvents;
import dev.securebuild.enforcer.internal.RuleResult;
import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.ci.WorkflowCommand;
import dev.securebuild.shared.session.SessionCache;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.allowlist.maven.BuildInputException;

/**
 * Fails when the build uses a dependency, plugin or build extension that the allow-lists do not approve (or deny). The
 * lists (docs/allowlist.md) are applied in the configured order as layers (named by their {@code layer} key, else
 * "list 1", "list 2"...); each decision names the layer and entry that made it. The dependency graph is collected once per module and shared (see
 * {@link dev.securebuild.allowlist.maven.DependencyGraph}); loaded lists are shared by the modules of the build.
 */
@Named("approvedDependencies")
public class ApprovedDependencies extends AbstractEnforcerRule {

    /** Paths (relative to the top of the reactor: LocationBase), file: or https: URLs, or groupId:artifactId:version[:extension]; in layer order. */
    private static final String DECISIONS_KEY = ApprovedDependencies.class.getName() + ".decisions";
    private static final String EXPIRING_KEY = ApprovedDependencies.class.getName() + ".expiring";

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

    /** The Enforcer's log without the build's secret values (shared with the plugin's goals). */
    @Override
    public EnforcerLogger getLog() {
        return new RedactingEnforcerLogger(super.getLog(), RuleEvents.secrets(session));
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
        Decided result = decide(components(true), decider, today, decided);
        if (!result.failing.isEmpty()) {
            result = decide(components(false), decider, today, decided);
        }
        ReportedOffenders reported = ReportedOffenders.of(session.getRepositorySession().getData());
        for (String message : result.warning.messages(reported, project.getId())) {
            getLog().warn(message);
        }
        GoalResult written = writeResult(result);
        recordExpiring(result);
        showInCi(result, written);
        if (!result.failing.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("offenders", result.failing.size());
            fields.put("components", result.components);
            fields.put("failsBuild", getLevel() != EnforcerLevel.WARN);
            RuleEvents.append(session, project, "allowlist.failed", fields, result.failing.size() + " component(s) not approved: "
                    + String.join(", ", result.failing.components(10)), message -> getLog().warn(message));
            throw new EnforcerRuleException(result.failing.size() + " component(s) of " + project.getId() + " not approved by the allow-lists:\n"
                    + result.failing.describe(reported, project.getId()));
        }
        getLog().debug("approvedDependencies: " + result.components + " component(s) of " + project.getId() + " approved");
    }

    /**
     * An {@code approval.expiring} event per approval that ends soon, once per build (a reactor's modules share most
     * components): the event log keeps it, and a notification can tell the owner before the build starts to fail.
     */
    private void recordExpiring(Decided result) {
        Map<String, Boolean> recorded = SessionCache.map(session.getRepositorySession().getData(), EXPIRING_KEY);
        for (Decision decision : result.expiring.values()) {
            String expires = decision.entry().expires() == null ? null : decision.entry().expires().toString();
            if (recorded.putIfAbsent(decision.component().coordinates() + "|" + expires, Boolean.TRUE) != null) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("component", decision.component().coordinates());
            fields.put("expires", expires);
            fields.put("owner", decision.entry().owner());
            fields.put("entry", decision.entry().location());
            RuleEvents.append(session, project, "approval.expiring", fields, "The approval of " + decision.component().coordinates()
                    + " (entry " + decision.entry().location() + ", owner " + decision.entry().owner() + ") expires on " + expires,
                    message -> getLog().warn(message));
        }
    }

    /**
     * In GitHub Actions, an annotation per offender at the POM element that brought it in (an error, or a warning when
     * the rule only warns) and per component only warned about; the result as a line of the job summary.
     */
    private void showInCi(Decided result, GoalResult written) {
        CiOutput ci = CiOutput.of(session, RuleEvents.secrets(session));
        if (ci.annotates() && project.getFile() != null) {
            Path pom = project.getFile().toPath();
            Function<List<String>, Optional<DeclaringElements.Place>> declared = path -> DeclaringElements.of(project, path);
            List<WorkflowCommand> commands = new ArrayList<>(result.failing.annotations(getLevel() == EnforcerLevel.WARN ? WorkflowCommand.Level.WARNING
                    : WorkflowCommand.Level.ERROR, declared, ci.repositoryRoot(), pom));
            commands.addAll(result.warning.annotations(WorkflowCommand.Level.WARNING, declared, ci.repositoryRoot(), pom));
            ci.annotate(commands, "the build log of " + project.getId());
        }
        ci.result(written, project.getFile() == null ? null : project.getFile().toPath(), true).ifPresent(getLog()::warn);
    }

    /** The result file for release-gate: fail, warn (approvals about to end, or components only warned about) or pass. */
    private GoalResult writeResult(Decided result) throws EnforcerRuleError {
        GoalResult.Verdict verdict = !result.failing.isEmpty() ? GoalResult.Verdict.FAIL
                : !result.warning.isEmpty() ? GoalResult.Verdict.WARN : GoalResult.Verdict.PASS;
        String summary = result.components + " component(s) decided: " + result.failing.size() + " not approved, " + result.warning.size()
                + " warning(s)";
        Path file = Path.of(project.getBuild().getDirectory(), "secure-build", "results", "allowlist.json");
        try {
            return RuleResult.write(file, "allowlist", "enforce (approvedDependencies)", project.getGroupId() + ":" + project.getArtifactId(),
                    project.getVersion(), verdict, summary, new ArrayList<>(result.expiring.values()), Instant.now(), RuleEvents.secrets(session));
        } catch (IOException e) {
            throw new EnforcerRuleError("approvedDependencies: cannot write its result " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Component> components(boolean mavenResolvedGraph) throws EnforcerRuleError {
        try {
            return new ProjectComponents(repositorySystem, session, message -> getLog().warn("approvedDependencies: " + message),
                    message -> getLog().debug(message)).of(project, new ProjectComponents.Options().includePlugins(includePlugins)
                            .includeLosers(includeLosers).readLicenses(readLicenses)
                            .includeParents(includeParents).includeImportedBoms(includeImportedBoms)
                            .transitivePluginDependencies(transitivePluginDependencies).mavenResolvedGraph(mavenResolvedGraph));
        } catch (BuildInputException e) {
            throw new EnforcerRuleError("approvedDependencies: " + e.getMessage(), e);
        }
    }

    /** What one pass decided: the offenders that fail and warn, the approvals about to end, and how many distinct components. */
    private static final class Decided {
        final Offenders failing = new Offenders();
        final Offenders warning = new Offenders();
        final Map<String, Decision> expiring = new LinkedHashMap<>();
        int components;
    }

    /** Decides each component, from the build's shared decisions when known. */
    private static Decided decide(List<Component> components, AllowListDecider decider, LocalDate today, Map<String, Decision> decided) {
        Decided result = new Decided();
        Set<String> distinct = new HashSet<>();
        for (Component component : components) {
            String key = component + "|" + String.join(",", component.licenses());
            distinct.add(key);
            Decision decision = decided.computeIfAbsent(key, unused -> decider.decide(component, today));
            if (decision.fails()) {
                result.failing.add(decision, component.path());
            } else if (decision.warns()) {
                result.warning.add(decision, component.path());
                if (decision.status() == Decision.Status.EXPIRING) {
                    result.expiring.putIfAbsent(key, decision);
                }
            }
        }
        result.components = distinct.size();
        return result;
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
        try {
            return new AllowListSources(repositorySystem, session, project.getRemoteProjectRepositories()).load(lists);
        } catch (BuildInputException e) {
            throw new EnforcerRuleError("approvedDependencies: " + e.getMessage(), e);
        } catch (InvalidAllowListException e) {
            throw new EnforcerRuleError(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ApprovedDependencies[lists=" + lists + ", includePlugins=" + includePlugins + ", includeLosers=" + includeLosers + ", readLicenses=" + readLicenses
                + ", includeParents=" + includeParents + ", includeImportedBoms=" + includeImportedBoms
                + ", transitivePluginDependencies=" + transitivePluginDependencies + "]";
    }
}
