package dev.securebuild.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final List<String> warnings = new ArrayList<>();

    private List<Path> expand(List<String> patterns) throws ReportParseException {
        return ReportFiles.expand(base, patterns, List.of(base.resolve("out/findings")), warnings::add);
    }

    @Test
    void pathsAndGlobsExpandInOrderWithoutDuplicates() throws IOException {
        Path a = file("target/a.sarif");
        Path b = file("target/sub/b.sarif");
        Path dc = file("module/target/dependency-check-report.json");
        Path top = file("dependency-check-report.json");
        file("target/notes.txt");
        assertEquals(List.of(a, b), expand(List.of("target/**.sarif")));
        assertEquals(List.of(a), expand(List.of("target/*.sarif")));
        assertEquals(List.of(top, dc), expand(List.of("**/dependency-check-report.json")));
        assertEquals(List.of(a, b), expand(List.of("target/a.sarif", " target/**.sarif ", "")));
    }

    @Test
    void aMissingReportOrAGlobMatchingNothingIsAnError() {
        ReportParseException missing = assertThrows(ReportParseException.class, () -> expand(List.of("target/trivy.json")));
        assertTrue(missing.getMessage().endsWith("target/trivy.json: no such report file (configured as \"target/trivy.json\"); a scanner that "
                + "did not run is not a scanner that found nothing: run it before this goal, or remove the report from the configuration"),
                missing.getMessage());
        ReportParseException none = assertThrows(ReportParseException.class, () -> expand(List.of("target/*.sarif")));
        assertTrue(none.getMessage().contains("no report file matches \"target/*.sarif\""), none.getMessage());
    }

    @Test
    void secureBuildsOwnOutputsAreNeverReports() throws IOException {
        Path scan = file("target/scan.sarif");
        file("target/secure-build/findings/findings.sarif");
        file("target/secure-build/findings/blocking.sarif");
        file("module/target/secure-build/findings/findings.sarif");
        file("out/findings/findings.sarif");
        Path module = file("module/target/scan.sarif");
        assertEquals(List.of(module, scan), expand(List.of("**/*.sarif")), "the second run reads what the first read, not its outputs");
        assertEquals(List.of(scan), expand(List.of("target/**/*.sarif")));
        ReportParseException named = assertThrows(ReportParseException.class, () -> expand(List.of("target/secure-build/findings/findings.sarif")));
        assertTrue(named.getMessage().contains("is one of secure-build's own outputs"), named.getMessage());
        assertThrows(ReportParseException.class, () -> expand(List.of("out/findings/findings.sarif")));
        ReportParseException none = assertThrows(ReportParseException.class, () -> expand(List.of("target/secure-build/**/*.sarif")));
        assertTrue(none.getMessage().contains("no report file matches"), none.getMessage());
    }

    @Test
    void symbolicLinksOutOfTheProjectAreNotFollowed(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("shadow.sarif"), "{}");
        Files.createDirectories(outside.resolve("etc"));
        Files.writeString(outside.resolve("etc/passwd.sarif"), "{}");
        Path scan = file("reports/scan.sarif");
        Path fileLink = Files.createSymbolicLink(base.resolve("reports/linked.sarif"), secret);
        Path folderLink = Files.createSymbolicLink(base.resolve("reports/etc"), outside.resolve("etc"));
        Path inside = Files.createSymbolicLink(base.resolve("reports/same.sarif"), scan);
        assertEquals(List.of(inside, scan), expand(List.of("reports/**/*.sarif")), "a link within the project is read; links out are not");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Not read: " + folderLink + " is a symbolic link that leads out of the project, to "), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Not read: " + fileLink + " is a symbolic link that leads out of the project"), warnings.get(1));
        ReportParseException named = assertThrows(ReportParseException.class, () -> expand(List.of("reports/linked.sarif")));
        assertTrue(named.getMessage().contains("is a symbolic link, or lies in a linked folder, that leads out of the project"), named.getMessage());
        assertThrows(ReportParseException.class, () -> expand(List.of("reports/etc/passwd.sarif")));
        assertEquals(List.of(secret), expand(List.of(secret.toString())), "a report named by its absolute path outside the project is read");
    }
}
