package dev.securebuild.shared.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

    @TempDir
    Path dir;

    @Test
    void sectionsAreAppendedEachEndingWithABlankLine() throws Exception {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "earlier step\n");
        StepSummary summary = new StepSummary(file);

        assertTrue(summary.append("## one\n", "a"));
        assertTrue(summary.append("two", "b"));

        assertEquals("earlier step\n## one\n\ntwo\n\n", Files.readString(file));
    }

    @Test
    void aLongSectionIsCutAtALineAndSaysWhereTheRestIs() throws Exception {
        Path file = dir.resolve("summary.md");
        StringBuilder table = new StringBuilder("| a |\n| --- |\n");
        while (table.length() < StepSummary.MAX_SECTION_BYTES * 2) {
            table.append("| row é |\n");
        }

        assertFalse(new StepSummary(file).append(table.toString(), "target/report.html"));

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(Files.size(file) <= StepSummary.MAX_SECTION_BYTES);
        assertTrue(written.endsWith("see target/report.html_\n\n"), written.substring(written.length() - 100));
        assertTrue(written.contains("| row é |\n\n_The rest"), "cut after a whole row");
    }

    @Test
    void theFileNeverPassesGitHubsLimit() throws Exception {
        Path file = dir.resolve("summary.md");
        StepSummary summary = new StepSummary(file);
        String section = "x".repeat(60_000) + "\n";
        int whole = 0;
        for (int i = 0; i < 30; i++) {
            if (summary.append(section, "report " + i)) {
                whole++;
            }
        }
        assertTrue(Files.size(file) <= StepSummary.MAX_BYTES, "size " + Files.size(file));
        assertEquals(17, whole);
        assertTrue(Files.readString(file).contains("left out: the step summary is near GitHub's limit of 1 MiB. See report 17"));
    }
}
