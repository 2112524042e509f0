package dev.securebuild.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path base;

    private Path file(String relative) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    @Test
    void pathsAndGlobsExpandInOrderWithoutDuplicates() throws IOException {
        Path a = file("target/a.sarif");
        Path b = file("target/sub/b.sarif");
        Path dc = file("module/target/dependency-check-report.json");
        Path top = file("dependency-check-report.json");
        file("target/notes.txt");
        assertEquals(List.of(a, b), ReportFiles.expand(base, List.of("target/**.sarif")));
        assertEquals(List.of(a), ReportFiles.expand(base, List.of("target/*.sarif")));
        assertEquals(List.of(top, dc), ReportFiles.expand(base, List.of("**/dependency-check-report.json")));
        assertEquals(List.of(a, b), ReportFiles.expand(base, List.of("target/a.sarif", " target/**.sarif ", "")));
    }

    @Test
    void aMissingReportOrAGlobMatchingNothingIsAnError() {
        ReportParseException missing = assertThrows(ReportParseException.class, () -> ReportFiles.expand(base, List.of("target/trivy.json")));
        assertTrue(missing.getMessage().contains("trivy.json") && missing.getMessage().contains("no such report file"), missing.getMessage());
        ReportParseException none = assertThrows(ReportParseException.class, () -> ReportFiles.expand(base, List.of("target/*.sarif")));
        assertTrue(none.getMessage().contains("no report file matches \"target/*.sarif\""), none.getMessage());
    }
}
