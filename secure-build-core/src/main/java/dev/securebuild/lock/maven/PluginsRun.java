package dev.securebuild.lock.maven;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.session.SessionCache;

/**
 * The build plugins a module's build loads: those whose goals Maven's execution plan for this build's goals runs
 * (lifecycle phases and goals named on the command line), and those that are build extensions (Maven loads them with
 * the project). A plugin bound to a later phase is not loaded by {@code mvn validate}; the build that runs it is the
 * one that must check what it loads. When Maven cannot say (the plan cannot be made, or a goal forks a lifecycle, whose
 * plan is not worked out here), every plugin counts.
 */
public final class PluginsRun {

    private static final String CACHE_KEY = PluginsRun.class.getName() + ".plans";

    /** Every plugin counts: for writing a lock, and for a check asked to look at all of them. */
    public static final PluginsRun ALL = new PluginsRun(null, null, null);

    private final LifecycleExecutor lifecycle;
    private final BuildPluginManager plugins;
    private final MavenSession session;

    private PluginsRun(LifecycleExecutor lifecycle, BuildPluginManager plugins, MavenSession session) {
        this.lifecycle = lifecycle;
        this.plugins = plugins;
        this.session = session;
    }

    /** The plugins this build (the session's goals) runs. */
    public static PluginsRun ofThisBuild(LifecycleExecutor lifecycle, BuildPluginManager plugins, MavenSession session) {
        return new PluginsRun(lifecycle, plugins, session);
    }

    /**
     * The keys ({@code groupId:artifactId}) of the plugins this build runs or loads in the module; empty when every
     * plugin counts.
     */
    public Optional<Set<String>> in(MavenProject project) {
        if (lifecycle == null) {
            return Optional.empty();
        }
        List<String> goals = session.getGoals();
        if (goals == null || goals.isEmpty()) {
            String defaultGoal = project.getDefaultGoal();
            goals = defaultGoal == null || defaultGoal.isBlank() ? List.of() : Arrays.asList(defaultGoal.trim().split("\\s+"));
        }
        if (goals.isEmpty()) {
            return Optional.empty();
        }
        // The plan depends on the goals, the packaging (its lifecycle mapping), the plugins with their executions, and
        // the extensions (which may bring a packaging's mapping): modules alike in these share it.
        String key = key(goals, project);
        Map<String, Optional<Set<String>>> plans = SessionCache.map(session.getRepositorySession().getData(), CACHE_KEY);
        Optional<Set<String>> known = plans.get(key);
        if (known == null) {
            known = plan(goals, project);
            Optional<Set<String>> earlier = plans.putIfAbsent(key, known);
            known = earlier != null ? earlier : known;
        }
        return known;
    }

    private Optional<Set<String>> plan(List<String> goals, MavenProject project) {
        Set<String> run = new HashSet<>();
        try {
            MavenSession forProject = session.clone();
            forProject.setCurrentProject(project);
            // Without setting each execution up: that would configure the mojos, and Maven would warn a second time
            // of what it warned of when it made its own plan.
            MavenExecutionPlan plan = lifecycle.calculateExecutionPlan(forProject, false, goals.toArray(new String[0]));
            for (MojoExecution execution : plan.getMojoExecutions()) {
                MojoDescriptor descriptor = execution.getMojoDescriptor();
                if (descriptor == null) {
                    descriptor = plugins.getMojoDescriptor(execution.getPlugin(), execution.getGoal(), project.getRemotePluginRepositories(),
                            session.getRepositorySession());
                }
                if (descriptor.isForking()) {
                    return Optional.empty();
                }
                run.add(execution.getPlugin().getKey());
            }
        } catch (Exception | LinkageError e) {
            // A plan Maven cannot make here (a Maven whose planner differs) is no reason to check less.
            return Optional.empty();
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.isExtensions()) {
                run.add(plugin.getKey());
            }
        }
        return Optional.of(Set.copyOf(run));
    }

    private static String key(List<String> goals, MavenProject project) {
        StringBuilder key = new StringBuilder(String.join(" ", goals)).append('|').append(project.getPackaging());
        for (Plugin plugin : project.getBuildPlugins()) {
            key.append('|').append(plugin.getKey()).append(':').append(plugin.getVersion()).append(plugin.isExtensions() ? " extensions" : "");
            for (PluginExecution execution : plugin.getExecutions()) {
                key.append(' ').append(execution.getId()).append('@').append(execution.getPhase()).append(execution.getGoals());
            }
        }
        for (Extension extension : project.getBuildExtensions()) {
            key.append("|extension ").append(extension.getGroupId()).append(':').append(extension.getArtifactId()).append(':')
                    .append(extension.getVersion());
        }
        return key.toString();
    }
}
