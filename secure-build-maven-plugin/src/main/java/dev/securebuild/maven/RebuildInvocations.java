package dev.securebuild.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.RebuildInvocation;

/** What the rebuild takes over from this Maven session: its Maven and JDK, local repository, settings, profiles, threads. */
final class RebuildInvocations {

    private RebuildInvocations() {}

    static RebuildInvocation of(MavenSession session, MavenProject top, List<String> goals, List<String> arguments, int timeoutMinutes) {
        MavenExecutionRequest request = session.getRequest();
        return new RebuildInvocation(Path.of(System.getProperty("maven.home")), Path.of(System.getProperty("java.home")))
                .goals(goals)
                .timeout(Duration.ofMinutes(timeoutMinutes))
                .localRepository(session.getRepositorySession().getLocalRepository().getBasedir().toPath())
                .settings(AbstractComparingMojo.path(request.getUserSettingsFile()),
                        AbstractComparingMojo.path(request.getGlobalSettingsFile()))
                .profiles(request.getActiveProfiles(), request.getInactiveProfiles())
                .threads(request.getDegreeOfConcurrency())
                .pomFileName(top.getFile() == null ? null : top.getFile().getName())
                .arguments(arguments);
    }
}
