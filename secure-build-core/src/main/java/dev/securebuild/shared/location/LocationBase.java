package dev.securebuild.shared.location;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.text.Printable;

/**
 * The folder a relative path of a shared file (a list, a policy, a gate policy) is read from, and why there: the one
 * rule of docs/locations.md, "Relative paths in a parent POM". A parent POM's configuration is inherited by every
 * module, so a relative path written once must name one file for the whole build, not one per module: it is read from
 * the top of the reactor, whichever module reads it,
 * <ol>
 * <li>the multi-module project directory when it holds {@code .mvn/} (Maven finds it by walking up from where it is
 * started, so a build started in a module, or with {@code -pl} or {@code -f}, finds the same folder);</li>
 * <li>else the top-level project's folder ({@link MavenSession#getTopLevelProject()}: the reactor's root; with
 * {@code -pl} or {@code -f module/pom.xml} the first project built);</li>
 * <li>else, without a project, the folder Maven runs in.</li>
 * </ol>
 * A single-module project is its own top: its relative paths are read from its folder, as always. A module's own file
 * is named by {@code ${project.basedir}/file.yaml}, which Maven makes absolute for each module. Report paths and
 * output folders are not shared files: each module writes its own.
 */
public final class LocationBase {

    /** Why there: {@code .mvn/} marks the top of the reactor. */
    public static final String MVN_FOLDER = "the folder with .mvn/";
    /** Why there: no {@code .mvn/}, the top-level project's folder. */
    public static final String TOP_LEVEL_PROJECT = "the top-level project";
    /** Why there: no project at all. */
    public static final String EXECUTION_ROOT = "the folder Maven runs in";

    private final Path folder;
    private final String why;

    private LocationBase(Path folder, String why) {
        this.folder = folder.toAbsolutePath().normalize();
        this.why = why;
    }

    /** The top of this build's reactor. */
    public static LocationBase reactorTop(MavenSession session) {
        MavenExecutionRequest request = session.getRequest();
        MavenProject top = session.getTopLevelProject();
        return reactorTop(request == null ? null : path(request.getMultiModuleProjectDirectory()),
                top != null && top.getFile() != null ? path(top.getBasedir()) : null,
                request == null || request.getBaseDirectory() == null ? null : Path.of(request.getBaseDirectory()));
    }

    /**
     * The decision, from plain folders.
     *
     * @param multiModuleProjectDirectory {@code maven.multiModuleProjectDirectory}: where Maven found {@code .mvn/},
     *                                    else where it started; null when not known
     * @param topLevelProject             the top-level project's folder; null without a project
     * @param executionRoot               the folder Maven runs in; null for the current folder
     */
    public static LocationBase reactorTop(Path multiModuleProjectDirectory, Path topLevelProject, Path executionRoot) {
        if (multiModuleProjectDirectory != null && Files.isDirectory(multiModuleProjectDirectory.resolve(".mvn"))) {
            Path marked = multiModuleProjectDirectory.toAbsolutePath().normalize();
            // Maven looks for .mvn/ from the project up; one that is not above the project is not its reactor's.
            if (topLevelProject == null || topLevelProject.toAbsolutePath().normalize().startsWith(marked)) {
                return new LocationBase(marked, MVN_FOLDER);
            }
        }
        if (topLevelProject != null) {
            return new LocationBase(topLevelProject, TOP_LEVEL_PROJECT);
        }
        return new LocationBase(executionRoot != null ? executionRoot : Path.of(""), EXECUTION_ROOT);
    }

    /** A plain folder, outside a build (a test, a tool): messages say only where a relative path was looked for. */
    public static LocationBase folder(Path folder) {
        return new LocationBase(folder, null);
    }

    /** The folder, absolute. */
    public Path folder() {
        return folder;
    }

    /** Why this folder ({@link #MVN_FOLDER}, {@link #TOP_LEVEL_PROJECT}, {@link #EXECUTION_ROOT}); null for a plain folder. */
    public String why() {
        return why;
    }

    /** The file a relative path names, absolute; an absolute path as it is. */
    public Path resolve(String path) {
        return folder.resolve(path).toAbsolutePath().normalize();
    }

    /**
     * Why a file that does not exist was looked for where it was, for the end of a message: for a relative value,
     * {@code ": a relative path is read from the top of the reactor /r (the folder with .mvn/); for this module's own
     * file write ${project.basedir}/approved.yaml"} (without {@code .mvn/}: {@code "(the top-level project, as no .mvn/
     * marks the top)"}, which with {@code -pl} is a module); for an absolute one, nothing (it was looked for where it
     * says).
     *
     * @param configured the value as configured
     */
    public String whyThere(String configured) {
        String text = configured == null ? "" : configured.strip();
        if (text.isEmpty() || isAbsolute(text)) {
            return "";
        }
        String where = why == null ? "a relative path is read from " + Printable.of(folder.toString())
                : "a relative path is read from the top of the reactor " + Printable.of(folder.toString()) + " (" + why
                + (TOP_LEVEL_PROJECT.equals(why) ? ", as no .mvn/ marks the top" : "") + ")";
        String own = text.startsWith("./") ? text.substring(2) : text;
        return ": " + where + "; for this module's own file write ${project.basedir}/" + Printable.abbreviated(own);
    }

    /**
     * The whole message for a shared file that does not exist: {@code "<what> <file>[ <position>] does not exist"} and
     * {@link #whyThere why there}.
     *
     * @param what     what the file is ({@code "the allow-list"})
     * @param position where it is configured ({@code "(list 1)"}), or null
     */
    public String missing(String what, Path file, String position, String configured) {
        return what + " " + Printable.of(file.toString()) + (position == null ? "" : " " + position) + " does not exist" + whyThere(configured);
    }

    private static boolean isAbsolute(String text) {
        try {
            return Path.of(text).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    @Override
    public String toString() {
        return why == null ? folder.toString() : folder + " (" + why + ")";
    }
}
