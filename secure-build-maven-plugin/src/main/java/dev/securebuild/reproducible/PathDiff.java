package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * What diff does: compares two files, or two folders whose files are matched by their path, and writes report.txt,
 * report.json and report.html. Neither input is read through a symbolic link.
 */
public final class PathDiff {

    /** @param left the reference: a file or a folder, as given (null when not set); {@code right} what to compare with it */
    public record Request(Path left, Path right, ArchiveLimits limits, Path reports, KnownSecrets secrets) {}

    /** @param left the reference, absolute; {@code reports} the folder of the reports */
    public record Result(ComparisonReport report, Path left, Path right, Path reports) {}

    private PathDiff() {}

    public static Result run(Request request) throws InvalidSettingException, IOException {
        Path left = existing(request.left(), "left");
        Path right = existing(request.right(), "right");
        if (Files.isDirectory(left) != Files.isDirectory(right)) {
            throw InvalidSettingException.about(Setting.DIFF_LEFT, Printable.of("left and right must both be files or both be folders: " + left + " is a "
                    + kind(left) + ", " + right + " is a " + kind(right)), null);
        }
        DiffEngine engine = new DiffEngine(request.limits(), new CauseRules());
        List<ArtifactComparison> comparisons = Files.isDirectory(left)
                ? engine.compareFolders(left, right)
                : List.of(engine.compare(left.getFileName().toString(), left, right));
        ComparisonReport report = new ComparisonReport("diff", Instant.now(), left.toString(), right.toString(), comparisons);
        Reports.write(report, request.reports(), request.secrets());
        return new Result(report, left, right, request.reports());
    }

    private static Path existing(Path given, String name) throws InvalidSettingException {
        if (given == null) {
            throw InvalidSettingException.about("left".equals(name) ? Setting.DIFF_LEFT : Setting.DIFF_RIGHT, "Set " + name + ": -Dsecure-build." + name + "=PATH (a file or a folder)", null);
        }
        Path path = given.toAbsolutePath().normalize();
        if (Links.isLink(path)) {
            throw InvalidSettingException.about("left".equals(name) ? Setting.DIFF_LEFT : Setting.DIFF_RIGHT, name + " " + Printable.of(path.toString()) + " is a symbolic link: diff does not follow links "
                    + "out of its inputs; set -Dsecure-build." + name + " to the file or folder itself", null);
        }
        if (!Links.exists(path)) {
            throw InvalidSettingException.about("left".equals(name) ? Setting.DIFF_LEFT : Setting.DIFF_RIGHT, name + " " + Printable.of(path.toString()) + " does not exist", null);
        }
        return path;
    }

    private static String kind(Path path) {
        return Files.isDirectory(path) ? "folder" : "file";
    }
}
