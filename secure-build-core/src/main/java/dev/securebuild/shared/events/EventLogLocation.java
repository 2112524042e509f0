package dev.securebuild.shared.events;

import java.nio.file.Path;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Where the security event log is, for every goal and rule: one file per build, the top-level project's.
 *
 * <ul>
 * <li>Left at its default ({@code ${project.build.directory}/secure-build/security-events.jsonl}, which Maven resolves
 * for each module), or not set (the rules' user property): {@code target/secure-build/security-events.jsonl} of the
 * top-level project, {@link MavenSession#getTopLevelProject()}: the reactor's root, or with {@code -pl} the first
 * project built. One file for the build, whichever module or rule writes, so that a reader finds every event in one
 * place (the reactor goals, check-findings' aggregate and the release gate write there already). Without a project
 * (a goal run in a plain folder), the folder Maven runs in.</li>
 * <li>Set to a path: that path, a relative one taken from the top-level project's folder.</li>
 * </ul>
 *
 * A log that cannot be written fails the goal or rule, as an unrecorded security event must not pass unnoticed;
 * when the event records a failure that the goal reports anyway, that failure stays the one reported and the log's
 * problem is logged beside it (see docs/events.md).
 */
public final class EventLogLocation {

    /** The user property of the path, read by the rules and the goals' {@code eventLog} parameter. */
    public static final String PROPERTY = "secure-build.eventLog";
    /** The user property that also prints each event in the Maven log. */
    public static final String MAVEN_LOG_PROPERTY = "secure-build.eventLog.mavenLog";
    /** The default, relative to the top-level project's folder. */
    public static final String DEFAULT = "target/secure-build/security-events.jsonl";

    private static final String UNDER_BUILD_DIRECTORY = "secure-build/security-events.jsonl";

    private EventLogLocation() {}

    /**
     * The log of this build.
     *
     * @param project    the module that writes; null without one
     * @param configured the goal's {@code eventLog} as Maven resolved it for {@code project}, or the user property;
     *                   null when not set
     */
    public static Path of(MavenSession session, MavenProject project, String configured) {
        MavenProject top = isProject(session.getTopLevelProject()) ? session.getTopLevelProject() : isProject(project) ? project : null;
        Path folder = top != null ? top.getBasedir().toPath()
                : session.getExecutionRootDirectory() != null ? Path.of(session.getExecutionRootDirectory()) : Path.of("").toAbsolutePath();
        return resolve(folder, top == null ? null : top.getBuild().getDirectory(),
                isProject(project) ? project.getBuild().getDirectory() : null, configured);
    }

    /**
     * @param topFolder            the top-level project's folder, or without a project the folder Maven runs in
     * @param topBuildDirectory    the top-level project's build folder; null without a project
     * @param moduleBuildDirectory the writing module's build folder, under which the parameter's default names the
     *                             log; null when there is none
     * @param configured           as set; null, blank or unresolved ({@code ${...}}, without a project) for the default
     */
    public static Path resolve(Path topFolder, String topBuildDirectory, String moduleBuildDirectory, String configured) {
        if (isDefault(configured, moduleBuildDirectory)) {
            return topBuildDirectory == null || topBuildDirectory.contains("${") ? topFolder.resolve(DEFAULT).normalize()
                    : topFolder.resolve(topBuildDirectory).resolve(UNDER_BUILD_DIRECTORY).normalize();
        }
        return topFolder.resolve(configured.strip()).normalize();
    }

    private static boolean isDefault(String configured, String moduleBuildDirectory) {
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            return true;
        }
        return moduleBuildDirectory != null && !moduleBuildDirectory.contains("${")
                && Path.of(moduleBuildDirectory).resolve(UNDER_BUILD_DIRECTORY).normalize().equals(Path.of(configured.strip()).normalize());
    }

    /** A project with a POM, not the stand-in Maven makes for a goal run in a plain folder. */
    private static boolean isProject(MavenProject project) {
        return project != null && project.getFile() != null && project.getBasedir() != null && project.getBuild() != null
                && project.getBuild().getDirectory() != null;
    }
}
