package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our SARIF checked by an independent validator: Microsoft's SARIF multitool (npm {@code @microsoft/sarif-multitool},
 * which CI installs), with its SARIF rules and with its rules for GitHub code scanning ingestion (rule kind Gh). Any
 * error or warning of either fails; notes (suggestions such as code snippets) do not.
 */
class SarifMultitoolTest {

    private static String multitool;

    @TempDir
    Path dir;

    @BeforeAll
    static void findMultitool() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, "sarif-multitool"))) {
                multitool = Path.of(folder, "sarif-multitool").toString();
            }
        }
        if (multitool == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and sarif-multitool is not installed: .ci/run installs it (npm install -g @microsoft/sarif-multitool)");
        }
        assumeTrue(multitool != null, "sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool): SARIF not validated");
    }

    @Test
    void findingsSarifPassesTheSarifAndGitHubRules() throws Exception {
        Path sarif = write("findings.sarif", false);
        assertEquals(List.of(), problems(sarif, null));
        assertEquals(List.of(), problems(sarif, "Gh"));
    }

    @Test
    void blockingSarifPassesTheSarifAndGitHubRules() throws Exception {
        Path sarif = write("blocking.sarif", true);
        assertEquals(List.of(), problems(sarif, null));
        assertEquals(List.of(), problems(sarif, "Gh"));
    }

    private Path write(String name, boolean blocking) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            SarifWriter writer = new SarifWriter("0.1.0-test");
            if (blocking) {
                writer.writeBlocking(TestResults.failing(), out);
            } else {
                writer.writeAll(TestResults.failing(), out);
            }
        }
        return file;
    }

    /** The validator's errors and warnings on the file, one line each. */
    private List<String> problems(Path sarif, String ruleKind) throws Exception {
        Path output = dir.resolve("validation-" + (ruleKind == null ? "sarif" : ruleKind) + "-" + sarif.getFileName());
        // The file first: --rule-kind takes a list and would swallow it.
        List<String> command = new ArrayList<>(List.of(multitool, "validate", sarif.toString(), "--output", output.toString()));
        if (ruleKind != null) {
            command.addAll(List.of("--rule-kind", ruleKind));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sarif-multitool did not finish in 120 s");
        }
        assertEquals(0, process.exitValue(), "sarif-multitool failed: " + log);
        List<String> problems = new ArrayList<>();
        JsonNode validation = new ObjectMapper().readTree(output.toFile());
        for (JsonNode run : validation.path("runs")) {
            for (JsonNode result : run.path("results")) {
                String level = result.path("level").asText("warning");
                if (level.equals("error") || level.equals("warning")) {
                    problems.add(result.path("ruleId").asText() + " " + level + ": " + result.path("message").path("text").asText()
                            + " " + result.path("message").path("arguments"));
                }
            }
        }
        return problems;
    }
}
