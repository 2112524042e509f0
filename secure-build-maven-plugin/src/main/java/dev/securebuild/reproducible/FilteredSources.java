package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.io.Links;

/**
 * Finds the filtered resource that put the build time into an output: for a text entry whose changed lines hold a
 * time, the source file of the same path in a filtered resource folder, and its line with a {@code ${...}} property.
 * Then the explanation names the file, the line and the property instead of "a filtered property".
 */
public final class FilteredSources {

    /** A resource folder the build filters, and where its files go in the output ({@code targetPath}, or ""). */
    public record Folder(Path directory, String targetPath) {}

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}|@([\\w.-]+)@");

    private final List<Folder> folders;
    private final Path projectDirectory;

    public FilteredSources(List<Folder> folders, Path projectDirectory) {
        this.folders = List.copyOf(folders);
        this.projectDirectory = projectDirectory;
    }

    /** The comparison, with every build-time text difference traced to its filtered source where one is found. */
    public ArtifactComparison trace(ArtifactComparison comparison) throws IOException {
        List<Difference> traced = new ArrayList<>();
        boolean changed = false;
        for (Difference difference : comparison.differences()) {
            Difference better = trace(difference);
            changed |= better != difference;
            traced.add(better);
        }
        return changed ? new ArtifactComparison(comparison.name(), comparison.status(), comparison.leftSha512(), comparison.rightSha512(),
                comparison.leftSize(), comparison.rightSize(), traced, comparison.ignoredBecause()) : comparison;
    }

    private Difference trace(Difference difference) throws IOException {
        if (difference.kind() != DifferenceKind.TEXT_CONTENT || !"true".equals(difference.fact("timestamp"))
                || difference.explanation() == null) {
            return difference;
        }
        int entry = difference.location().lastIndexOf("!/");
        if (entry < 0) {
            return difference;
        }
        String name = difference.location().substring(entry + 2);
        for (Folder folder : folders) {
            String prefix = folder.targetPath().isEmpty() ? "" : folder.targetPath().replaceAll("/+$", "") + "/";
            if (!name.startsWith(prefix)) {
                continue;
            }
            Path source = source(folder, name.substring(prefix.length()));
            if (source == null) {
                continue;
            }
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher property = PROPERTY.matcher(lines.get(i));
                if (property.find() && changedKey(difference, lines.get(i))) {
                    String expression = property.group();
                    String where = projectDirectory.relativize(source).toString().replace('\\', '/') + " line " + (i + 1);
                    Explanation before = difference.explanation();
                    return difference.explained(new Explanation("The build time is in the file's content: " + where
                            + " is a filtered resource and reads '" + TextDiff.shorten(lines.get(i).strip()) + "'; " + expression
                            + " is the time of each build", "Replace " + expression + " in " + where
                            + " with ${project.build.outputTimestamp}, or drop the time", before.producedBy()));
                }
            }
        }
        return difference;
    }

    /** Whether an entry of this name (a path inside an archive) is a file of one of the filtered resource folders. */
    public boolean holds(String name) {
        for (Folder folder : folders) {
            String prefix = folder.targetPath().isEmpty() ? "" : folder.targetPath().replaceAll("/+$", "") + "/";
            if (name.startsWith(prefix) && source(folder, name.substring(prefix.length())) != null) {
                return true;
            }
        }
        return false;
    }

    /** The regular file of this relative name in the folder, or null. */
    private static Path source(Folder folder, String relative) {
        // The name comes from the archive: '..', an absolute name or a link must not lead out of the resource folder.
        Path source = folder.directory().resolve(relative).normalize();
        if (!source.startsWith(folder.directory().normalize()) || !Links.isInside(folder.directory(), source)
                || !Links.isRegularFile(source)) {
            return null;
        }
        return source;
    }

    /** The source line is the one that changed: same key (the text before '=' or ':'), or the same text around the property. */
    private static boolean changedKey(Difference difference, String sourceLine) {
        String example = difference.fact("example");
        if (example == null) {
            return true;
        }
        String key = sourceLine.split("[=:]", 2)[0].strip();
        return !key.isEmpty() && example.contains("'" + key);
    }
}
