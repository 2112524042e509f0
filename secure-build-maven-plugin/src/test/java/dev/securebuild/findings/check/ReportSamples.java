package dev.securebuild.findings.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The real report shapes of src/test/resources/findings-check, copied into a project as a scanner would have written them. */
final class ReportSamples {

    private ReportSamples() {}

    /** Copies sample {@code name} to {@code target} in {@code project}, written at {@code modified}. */
    static Path copy(Path project, String name, String target, Instant modified) throws IOException {
        Path file = project.resolve(target);
        Files.createDirectories(file.getParent());
        try (InputStream in = ReportSamples.class.getResourceAsStream("/findings-check/" + name)) {
            Files.copy(in, file);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
