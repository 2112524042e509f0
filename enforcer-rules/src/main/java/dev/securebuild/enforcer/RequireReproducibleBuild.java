package dev.securebuild.enforcer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerLevel;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.session.SessionCache;
import dev.securebuild.enforcer.internal.RedactingEnforcerLogger;
import dev.securebuild.enforcer.internal.ReproducibleBuildCheck;
import dev.securebuild.enforcer.internal.ReproducibleBuildExemptions;
import dev.securebuild.enforcer.internal.RuleEvents;

/**
 * Fails a build that cannot be reproducible: no {@code project.build.outputTimestamp}, a version range, a SNAPSHOT in a
 * release, or a plugin older than its first reproducible version (a maintained list, each entry with its reason).
 * {@code <exemptions>} take the problems of named dependencies and plugins off the failure, each with a reason and an
 * expiry ({@link ReproducibleBuildExemptions}); each use is a warning and an event.
 */
@Named("requireReproducibleBuild")
public class RequireReproducibleBuild extends AbstractEnforcerRule {

    /** Dependencies and plugins whose problems do not fail the build, each with a reason and an expiry. */
    private List<ReproducibleBuildExemption> exemptions = new ArrayList<>();

    private final MavenProject project;
    private final MavenSession session;

    @Inject
    public RequireReproducibleBuild(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    /** The Enforcer's log without the build's secret values (shared with the plugin's goals). */
    @Override
    public EnforcerLogger getLog() {
        return new RedactingEnforcerLogger(super.getLog(), RuleEvents.secrets(session));
    }

    @Override
    public void execute() throws EnforcerRuleException {
        List<ReproducibleBuildExemptions.Exemption> configured = exemptions();
        List<ReproducibleBuildCheck.Coordinate> dependencies = new ArrayList<>();
        for (Dependency dependency : project.getDependencies()) {
            dependencies.add(new ReproducibleBuildCheck.Coordinate("dependency", dependency.getGroupId(), dependency.getArtifactId(),
                    dependency.getVersion()));
        }
        List<ReproducibleBuildCheck.Coordinate> plugins = new ArrayList<>();
        Set<String> declared = declaredPlugins(project);
        for (Plugin plugin : project.getBuildPlugins()) {
            if (OTHER_LIFECYCLES.contains(plugin.getArtifactId()) && !declared.contains(plugin.getKey())) {
                continue;   // Maven's default for `mvn site` or `mvn clean`: not part of the build that makes the artifacts
            }
            plugins.add(new ReproducibleBuildCheck.Coordinate("plugin", plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion()));
            for (Dependency dependency : plugin.getDependencies()) {
                plugins.add(new ReproducibleBuildCheck.Coordinate("dependency of plugin " + plugin.getArtifactId(), dependency.getGroupId(),
                        dependency.getArtifactId(), dependency.getVersion()));
            }
        }
        List<ReproducibleBuildCheck.Problem> found = ReproducibleBuildCheck.withKnownPlugins().problems(
                project.getProperties().getProperty("project.build.outputTimestamp"), project.getVersion(), dependencies, plugins);
        List<ReproducibleBuildCheck.Coordinate> all = new ArrayList<>(dependencies);
        all.addAll(plugins);
        ReproducibleBuildExemptions.Outcome outcome = new ReproducibleBuildExemptions(configured, LocalDate.now()).apply(found, all,
                project.getId());
        List<String> problems = outcome.problems();
        report(outcome.standings(), !problems.isEmpty());
        if (!problems.isEmpty()) {
            throw new EnforcerRuleException(project.getId() + " cannot be built reproducibly (" + problems.size() + " problem(s)):\n  - "
                    + String.join("\n  - ", problems));
        }
        getLog().debug(project.getId() + ": outputTimestamp set, versions pinned, plugins reproducible");
    }

    private List<ReproducibleBuildExemptions.Exemption> exemptions() throws EnforcerRuleError {
        List<ReproducibleBuildExemptions.Exemption> checked = new ArrayList<>();
        for (ReproducibleBuildExemption exemption : exemptions) {
            try {
                checked.add(ReproducibleBuildExemptions.Exemption.of(checked.size() + 1, exemption.artifact(), exemption.reason(),
                        exemption.owner(), exemption.expires()));
            } catch (IllegalArgumentException e) {
                throw new EnforcerRuleError(e.getMessage(), e);
            }
        }
        return checked;
    }

    /**
     * Each exemption once: a warning for every use, expiry or stale entry, and an event (exception.used, .expiring,
     * .expired, .unused). An event of a use that lets the build pass must be written, or the rule fails.
     */
    private void report(List<ReproducibleBuildExemptions.Standing> standings, boolean failing) throws EnforcerRuleError {
        for (ReproducibleBuildExemptions.Standing standing : standings) {
            if (!standing.warns()) {
                getLog().debug("requireReproducibleBuild: " + standing.message());
                continue;
            }
            // Inherited from a parent, the same exemption applies alike in every module: warned once per build, then noted.
            String said = standing.state() + " " + standing.exemption().artifact() + " " + standing.exempted();
            if (SessionCache.map(session.getRepositorySession().getData(), WARNED_KEY).putIfAbsent(said, Boolean.TRUE) == null) {
                getLog().warn("requireReproducibleBuild: " + standing.message());
            } else {
                getLog().info("requireReproducibleBuild: exemption of " + standing.exemption().artifact() + " applies to " + project.getId()
                        + " as to a module before it (warned there)");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("rule", "requireReproducibleBuild");
            fields.put("exception", standing.exemption().artifact());
            fields.put("expires", standing.exemption().expires().toString());
            fields.put("approvedBy", standing.exemption().owner());
            fields.put("matched", standing.exempted().size());
            fields.put("violation", standing.state() == ReproducibleBuildExemptions.State.EXPIRED && !standing.exempted().isEmpty()
                    && getLevel() != EnforcerLevel.WARN);
            try {
                RuleEvents.record(session, project, ReproducibleBuildExemptions.eventType(standing.state()), fields, standing.message(),
                        message -> getLog().warn(message));
            } catch (IOException e) {
                if (failing || standing.exempted().isEmpty() || standing.state() == ReproducibleBuildExemptions.State.EXPIRED) {
                    getLog().warn(e.getMessage());   // the rule fails anyway, or nothing passed because of it
                } else {
                    throw new EnforcerRuleError("requireReproducibleBuild: " + e.getMessage()
                            + "; an exemption that is used must be recorded", e);
                }
            }
        }
    }

    /** The exemption warnings said in this build, so that one inherited by every module is warned once. */
    private static final String WARNED_KEY = RequireReproducibleBuild.class.getName() + ".warned";

    /** Plugins of the site and clean lifecycles, which Maven adds to every build plan with versions of its own. */
    private static final Set<String> OTHER_LIFECYCLES = Set.of("maven-site-plugin", "maven-clean-plugin");

    /** The plugins the POM and its parents name themselves, in build plugins or plugin management. */
    private static Set<String> declaredPlugins(MavenProject project) {
        Set<String> keys = new HashSet<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Build build = p.getOriginalModel().getBuild();
            if (build != null) {
                build.getPlugins().forEach(plugin -> keys.add(plugin.getKey()));
                if (build.getPluginManagement() != null) {
                    build.getPluginManagement().getPlugins().forEach(plugin -> keys.add(plugin.getKey()));
                }
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "RequireReproducibleBuild[exemptions=" + exemptions.size() + "]";
    }
}
