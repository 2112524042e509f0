package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsOutputsTest {

    @TempDir
    Path project;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFiveFilesAndNothingElse() throws IOException {
        Path dir = project.resolve("target/secure-build/findings");
        List<Path> written = FindingsOutputs.writeAll(TestResults.failing(), dir, "0.1.0", dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertEquals(List.of("TEST-secure-build-findings.xml", "blocking.sarif", "findings.json", "findings.sarif", "report.html"), names(dir),
                "no temporary file is left");
        assertEquals(5, written.size());
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("fail", mapper.readTree(dir.resolve("findings.json").toFile()).get("verdict").asText());
        assertEquals("0.1.0", mapper.readTree(dir.resolve("findings.sarif").toFile()).at("/runs/0/tool/driver/version").asText());

        FindingsOutputs.writeAll(TestResults.passing(), dir, "0.1.0", dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertEquals("pass", mapper.readTree(dir.resolve("findings.json").toFile()).get("verdict").asText(), "a second check replaces the files");
        assertTrue(Files.readString(dir.resolve("report.html")).contains("class=\"verdict pass\""));
        assertEquals(0, mapper.readTree(dir.resolve("blocking.sarif").toFile()).at("/runs/0/results").size());
        assertEquals(5, names(dir).size());
    }

    @Test
    void aSecretOfTheBuildQuotedByAScannerIsInNoReportAndTheReportsStayReadable() throws Exception {
        Path dir = project.resolve("target/secure-build/findings");
        // The failing result's CodeQL message holds alert('x'): as if a scanner quoted a secret the build holds.
        FindingsOutputs.writeAll(TestResults.failing(), dir, "0.1.0", dev.securebuild.shared.secrets.KnownSecrets.empty().add("alert('x')"));
        for (String name : names(dir)) {
            String text = Files.readString(dir.resolve(name));
            assertTrue(!text.contains("alert(") && text.contains("[redacted]"), name + " keeps the secret in none of its forms");
        }
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("fail", mapper.readTree(dir.resolve("findings.json").toFile()).get("verdict").asText());
        mapper.readTree(dir.resolve("findings.sarif").toFile());
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("TEST-secure-build-findings.xml").toFile());
    }
}
