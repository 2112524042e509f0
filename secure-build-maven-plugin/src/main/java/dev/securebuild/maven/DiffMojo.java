package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.reproducible.PathDiff;
import dev.securebuild.shared.text.Printable;

/**
 * Explains why two archives, files or folders of them differ: entries, order, times, modes, manifest attributes,
 * text and class files, nested archives. Needs no project. Fails when they differ, so scripts can use it.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractComparingMojo {

    /** Differences printed per output in the log; the reports hold all of them. */
    private static final int LOGGED_PER_OUTPUT = 8;

    /**
     * The reference: a file (jar, war, ear, zip, tar.gz, or any file) or a folder of them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.left", required = true)
    private File left;

    /**
     * What to compare with it: a file, or a folder whose files are matched with the left folder's by their path.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.right", required = true)
    private File right;

    /**
     * Where report.txt, report.json and report.html go. Default: {@code target/secure-build/diff} of the project, or
     * of the current folder when there is no project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.output")
    private File output;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        PathDiff.Result result;
        try {
            result = PathDiff.run(new PathDiff.Request(path(left), path(right), limits(), outputDirectory(), secrets()));
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        ComparisonReport report = result.report();
        Path reports = result.reports();
        log(report, LOGGED_PER_OUTPUT);
        getLog().info("Reports: " + Printable.of(reports.resolve("report.txt").toString()) + ", report.json, report.html");
        if (report.differs() && failOnDifference) {
            throw new MojoFailureException(Printable.of(result.left() + " and " + result.right() + " differ: " + report.summaryLine()
                    + ". See " + reports.resolve("report.txt")) + " (-Dsecure-build.failOnDifference=false reports without failing)");
        }
    }

    private Path outputDirectory() throws MojoExecutionException {
        if (output != null) {
            return OutputFolders.check(output.toPath(), "secure-build.output", "report.txt, report.json and report.html");
        }
        boolean realProject = project != null && project.getFile() != null;
        Path base = realProject ? Path.of(project.getBuild().getDirectory()) : Path.of("target").toAbsolutePath();
        return base.resolve("secure-build").resolve("diff");
    }
}
