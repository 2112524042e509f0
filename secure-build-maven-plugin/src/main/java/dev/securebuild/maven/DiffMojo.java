package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.reproducible.ArtifactComparison;
import dev.securebuild.reproducible.CauseRules;
import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.reproducible.DiffEngine;
import dev.securebuild.reproducible.Reports;
import dev.securebuild.shared.io.Links;
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
        Path leftPath = existing(left, "left");
        Path rightPath = existing(right, "right");
        if (Files.isDirectory(leftPath) != Files.isDirectory(rightPath)) {
            throw new MojoExecutionException(Printable.of("left and right must both be files or both be folders: " + leftPath + " is a "
                    + kind(leftPath) + ", " + rightPath + " is a " + kind(rightPath)));
        }
        DiffEngine engine = new DiffEngine(limits(), new CauseRules());
        ComparisonReport report;
        Path reports = outputDirectory();
        try {
            List<ArtifactComparison> comparisons = Files.isDirectory(leftPath)
                    ? engine.compareFolders(leftPath, rightPath)
                    : List.of(engine.compare(leftPath.getFileName().toString(), leftPath, rightPath));
            report = new ComparisonReport("diff", Instant.now(), leftPath.toString(), rightPath.toString(), comparisons);
            Reports.write(report, reports, secrets());
        } catch (IOException e) {
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        log(report, LOGGED_PER_OUTPUT);
        getLog().info("Reports: " + Printable.of(reports.resolve("report.txt").toString()) + ", report.json, report.html");
        if (report.differs() && failOnDifference) {
            throw new MojoFailureException(Printable.of(leftPath + " and " + rightPath + " differ: " + report.summaryLine()
                    + ". See " + reports.resolve("report.txt")) + " (-Dsecure-build.failOnDifference=false reports without failing)");
        }
    }

    private static Path existing(File file, String name) throws MojoExecutionException {
        if (file == null) {
            throw new MojoExecutionException("Set " + name + ": -Dsecure-build." + name + "=PATH (a file or a folder)");
        }
        Path path = file.toPath().toAbsolutePath().normalize();
        if (Links.isLink(path)) {
            throw new MojoExecutionException(name + " " + Printable.of(path.toString()) + " is a symbolic link: diff does not follow links "
                    + "out of its inputs; set -Dsecure-build." + name + " to the file or folder itself");
        }
        if (!Links.exists(path)) {
            throw new MojoExecutionException(name + " " + Printable.of(path.toString()) + " does not exist");
        }
        return path;
    }

    private static String kind(Path path) {
        return Files.isDirectory(path) ? "folder" : "file";
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
