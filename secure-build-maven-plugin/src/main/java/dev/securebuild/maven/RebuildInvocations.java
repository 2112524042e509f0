package dev.securebuild.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.ArchiveLimits;
import dev.securebuild.reproducible.BuildPlatform;
import dev.securebuild.reproducible.Ignore;
import dev.securebuild.reproducible.RebuildInvocation;
import dev.securebuild.reproducible.RebuildProperties;
import dev.securebuild.reproducible.ReproducibilityRun;
import dev.securebuild.reproducible.StaleOutputs;
import dev.securebuild.reproducible.Variations;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;

/**
 * What the rebuild takes over from this Maven session: its Maven and JDK, local repository, settings, profiles, threads,
 * user properties;
 * and what tells whether this build started clean: when it started, and the build folders of the modules compared.
 */
final class RebuildInvocations {

    private RebuildInvocations() {}

    static RebuildInvocation of(MavenSession session, MavenProject top, List<String> goals, List<String> arguments, int timeoutMinutes,
                                Variations variations) {
        MavenExecutionRequest request = session.getRequest();
        Set<String> setByRebuild = new TreeSet<>(variations.systemProperties());
        setByRebuild.add("maven.repo.local");
        return new RebuildInvocation(Path.of(System.getProperty("maven.home")), Path.of(System.getProperty("java.home")))
                .goals(goals)
                .timeout(Duration.ofMinutes(timeoutMinutes))
                .localRepository(session.getRepositorySession().getLocalRepository().getBasedir().toPath())
                .settings(AbstractComparingMojo.path(request.getUserSettingsFile()),
                        AbstractComparingMojo.path(request.getGlobalSettingsFile()))
                .profiles(request.getActiveProfiles(), request.getInactiveProfiles())
                .threads(request.getDegreeOfConcurrency())
                .pomFileName(top.getFile() == null ? null : top.getFile().getName())
                .properties(RebuildProperties.of(userProperties(session), setByRebuild,
                        RebuildProperties.ConfigSyntax.of(session.getSystemProperties().getProperty("maven.version"))))
                .arguments(arguments);
    }

    /** This build's user properties ({@code -D}) as text, by name: what provenance records and the rebuild gets. */
    static Map<String, String> userProperties(MavenSession session) {
        Map<String, String> properties = new TreeMap<>();
        session.getUserProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
        return properties;
    }

    /**
     * The {@code .buildinfo}'s {@code mvn.rebuild-args}: the user properties known to be public, the profiles asked for
     * with -P (not those settings.xml activates, which a third party does not have), then the goals.
     */
    static String buildinfoArgs(MavenSession session, String publicProperties) {
        List<String> asked = new ArrayList<>(session.getRequest().getActiveProfiles());
        if (session.getSettings() != null) {
            asked.removeAll(session.getSettings().getActiveProfiles());
        }
        return RebuildProperties.of(userProperties(session), Set.of("maven.repo.local"), RebuildProperties.ConfigSyntax.ONE_PER_LINE)
                .rebuildArgs(asked, session.getGoals(), PublicProperties.of(publicProperties));
    }

    /** What verify-reproducible's run takes: the top-level project's folder and work folder, the modules compared, the session. */
    static ReproducibilityRun.Request request(MavenSession session, LifecycleExecutor lifecycle, MavenProject top, List<ModuleOutputs> modules, List<Ignore> ignores,
                                              Variations variations, RebuildInvocation invocation, ArchiveLimits limits, KnownSecrets secrets) {
        return new ReproducibilityRun.Request(top.getBasedir().toPath().toAbsolutePath().normalize(),
                Path.of(top.getBuild().getDirectory(), "secure-build", "reproducible").toAbsolutePath(), ReactorModules.of(session, lifecycle, modules), ignores,
                variations, invocation, limits, top.getArtifactId() + "-" + top.getVersion(), top.getVersion(), BuildPlatform.current(),
                secrets, cleanStart(session, modules));
    }

    /**
     * When this build started, and the build folders of the modules compared: whether it started clean; null when
     * Maven does not say, or the build cleaned them first.
     */
    static StaleOutputs.Scope cleanStart(MavenSession session, List<ModuleOutputs> modules) {
        return session.getStartTime() == null || StaleOutputs.cleanedBy(session.getGoals()) ? null : new StaleOutputs.Scope(session.getStartTime().toInstant(),
                modules.stream().map(m -> Path.of(m.project().getBuild().getDirectory())).toList());
    }
}
