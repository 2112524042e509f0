package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class ReportsTest {

    @TempDir
    Path dir;

    private ComparisonReport report() throws IOException {
        Path left = write(dir.resolve("l"), "a<b>.jar", zip(List.of(entry("x.txt", "1"), entry("y.txt", "y"))));
        Path right = write(dir.resolve("r"), "a<b>.jar", zip(List.of(entry("y.txt", "y"), entry("x.txt", "2"))));
        ArtifactComparison comparison = new DiffEngine().compare("a<b>.jar", left, right);
        return new ComparisonReport("diff", Instant.parse("2026-12-01T00:00:00Z"), "left-dir", "right-dir", List.of(comparison));
    }

    @Test
    void allThreeReportsAreWrittenWithTheSameFindings() throws IOException {
        ComparisonReport report = report();
        Path out = dir.resolve("out");
        Reports.write(report, out, dev.securebuild.shared.secrets.KnownSecrets.NONE);

        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.startsWith("Compared left-dir (left) with right-dir (right): 1 output(s): 0 OK, 1 DIFFERENT, 0 MISSING\n"), text);
        assertTrue(text.contains("DIFFERENT  a<b>.jar\n  2 differences: 1 text content, 1 entry order\n"), text);
        assertTrue(text.contains("  - text content x.txt: 1 line(s) differ: '1' against '2'\n"), text);
        assertTrue(text.contains("  - entry order: the same entries in another order"), text);
        assertTrue(text.contains("    cause: "), text);

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(JsonReport.FORMAT, json.get("format").asText());
        assertFalse(json.get("reproducible").asBoolean());
        assertEquals(1, json.get("summary").get("DIFFERENT").asInt());
        JsonNode artifact = json.get("artifacts").get(0);
        assertEquals("a<b>.jar", artifact.get("name").asText());
        assertEquals("DIFFERENT", artifact.get("status").asText());
        assertEquals(128, artifact.get("leftSha512").asText().length());
        JsonNode first = artifact.get("differences").get(0);
        assertEquals("TEXT_CONTENT", first.get("kind").asText());
        assertEquals("a<b>.jar!/x.txt", first.get("location").asText());
        assertTrue(first.get("explanation").get("fix").asText().length() > 10);

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.replace("<wbr>", "").contains("a&lt;b&gt;.jar"), "names are escaped (and may wrap at their dots)");
        assertFalse(html.contains("a<b>.jar"), "no unescaped name in the page");
        assertFalse(html.contains("<script"), "self-contained and static");
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void logSummaryIsCappedPerOutput() throws IOException {
        List<String> lines = TextReport.summary(report(), 1);
        assertEquals("DIFFERENT  a<b>.jar", lines.get(1));
        assertEquals("  2 differences: 1 text content, 1 entry order", lines.get(2));
        assertTrue(lines.get(3).startsWith("  - text content x.txt"));
        assertTrue(lines.stream().anyMatch(l -> l.equals("    ... 1 more difference(s) in the report")), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("        ")), "no details in the log");
    }

    @Test
    void namesAndTextLinesFromTheInputsAreEscapedInTheTextAndHtmlReports() throws IOException {
        String name = "x\n[INFO] BUILD SUCCESS\u001b[31m.txt";
        Path left = write(dir.resolve("l"), "evil.jar", zip(List.of(entry(name, "same\nline\u001b[2J\rone\n"))));
        Path right = write(dir.resolve("r"), "evil.jar", zip(List.of(entry(name, "same\nline\u001b[2J\rtwo\n"))));
        ComparisonReport report = new ComparisonReport("diff", Instant.now(), "l", "r", List.of(new DiffEngine().compare("evil.jar", left, right)));
        Path out = dir.resolve("out");
        Reports.write(report, out, dev.securebuild.shared.secrets.KnownSecrets.NONE);

        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("text content x\\n[INFO] BUILD SUCCESS\\u001b[31m.txt: 1 line(s) differ"), text);
        assertTrue(text.contains("        -line\\u001b[2J\\rone"), text);
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\r"), text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("[INFO]")), text);
        List<String> logged = TextReport.summary(report, 8);
        assertTrue(logged.stream().noneMatch(line -> line.contains("\n") || line.contains("\u001b")), logged::toString);

        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("\u001b"), "no escape sequence in the page");
        assertTrue(html.replace("<wbr>", "").contains("x\\n[INFO] BUILD SUCCESS\\u001b[31m.txt"), html);
        // JSON keeps the name as it is, encoded by Jackson: machines get the real name.
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("evil.jar!/" + name, json.get("artifacts").get(0).get("differences").get(0).get("location").asText());
    }

    /**
     * The JSON report is written field by field; Jackson's databind, given the same records, is the reference. A field
     * added to a record and not to the writer fails here, as does a null, an ignored output or a note written otherwise.
     */
    @Test
    void theJsonReportHoldsEveryFieldOfTheRecordsAsDatabindWouldWriteThem() throws IOException {
        ComparisonReport compared = report();
        ArtifactComparison different = compared.artifacts().get(0);
        Difference unexplained = Difference.of("gone.jar", DifferenceKind.MISSING, "gone.jar is only in the left build", List.of(),
                Map.of("side", "left"));
        ComparisonReport report = new ComparisonReport("verify-reproducible", compared.created(), "left \"dir\"", "right\u2028dir",
                List.of(different, different.ignored("timestamps are expected: <reason>"),
                        new ArtifactComparison("gone.jar", ArtifactComparison.Status.MISSING, "ab", null, 2, -1, List.of(unexplained)),
                        new ArtifactComparison("same.pom", ArtifactComparison.Status.OK, "cd", "cd", 1, 1, List.of())),
                List.of("the reference was built with JDK 21", "\u001b[31m"));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", JsonReport.FORMAT);
        root.put("goal", report.goal());
        root.put("created", report.created().toString());
        root.put("left", report.left());
        root.put("right", report.right());
        root.put("reproducible", !report.differs());
        Map<String, Long> summary = new LinkedHashMap<>();
        for (ArtifactComparison.Status status : ArtifactComparison.Status.values()) {
            summary.put(status.name(), report.count(status));
        }
        root.put("summary", summary);
        root.put("notes", report.notes());
        root.put("artifacts", report.artifacts());
        String databind = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);

        assertEquals(databind, new String(JsonReport.render(report), StandardCharsets.UTF_8));
    }
}
