package dev.securebuild.enforcer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

import dev.securebuild.enforcer.internal.ReproducibleBuildCheck;

/**
 * Fails a build that cannot be reproducible: no {@code project.build.outputTimestamp}, a version range, a SNAPSHOT in a
 * release, or a plugin older than its first reproducible version (a maintained list, each entry with its reason).
 */
@Named("requireReproducibleBuild")
public class RequireReproducibleBuild extends AbstractEnforcerRule {

    private final MavenProject project;

    @Inject
    public RequireReproducibleBuild(MavenProject project) {
        this.project = project;
    }

    @Override
    public void execute() throws EnforcerRuleException {
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
        List<String> problems = ReproducibleBuildCheck.withKnownPlugins().check(
                project.getProperties().getProperty("project.build.outputTimestamp"), project.getVersion(), dependencies, plugins);
        if (!problems.isEmpty()) {
            throw new EnforcerRuleException(project.getId() + " cannot be built reproducibly (" + problems.size() + " problem(s)):\n  - "
                    + String.join("\n  - ", problems));
        }
        getLog().debug(project.getId() + ": outputTimestamp set, versions pinned, plugins reproducible");
    }

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
        return "RequireReproducibleBuild";
    }
}
