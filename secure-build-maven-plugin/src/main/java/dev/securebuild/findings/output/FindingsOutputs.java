package dev.securebuild.findings.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.io.AtomicFiles;

/**
 * Writes every output of the check into one folder ({@code target/secure-build/findings/}). Each file is written
 * through {@link AtomicFiles}: a reader (a CI step, a person) sees the old file or the whole new one, never half.
 */
public final class FindingsOutputs {

    public static final String JSON = "findings.json";
    public static final String SARIF = "findings.sarif";
    public static final String BLOCKING_SARIF = "blocking.sarif";
    /** Named like Surefire's files, so that the usual {@code **}{@code /TEST-*.xml} patterns of CI systems pick it up. */
    public static final String JUNIT = "TEST-secure-build-findings.xml";
    public static final String HTML = "report.html";

    private FindingsOutputs() {}

    /** Removes an earlier run's outputs, so that a check that stops on a broken report leaves no old verdict behind. */
    public static void deleteAll(Path dir) throws IOException {
        for (String name : List.of(JSON, SARIF, BLOCKING_SARIF, JUNIT, HTML, CodeQualityReport.FILE)) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Writes the five files and returns their paths, in the order above; a scanner's text may quote a secret of the build: it is replaced. */
    public static List<Path> writeAll(CheckResult result, Path dir, String pluginVersion, KnownSecrets secrets) throws IOException {
        SarifWriter sarif = new SarifWriter(pluginVersion);
        Path json = dir.resolve(JSON);
        Path all = dir.resolve(SARIF);
        Path blocking = dir.resolve(BLOCKING_SARIF);
        Path junit = dir.resolve(JUNIT);
        Path html = dir.resolve(HTML);
        AtomicFiles.write(json, secrets.redacting(out -> FindingsJson.write(result, out)));
        AtomicFiles.write(all, secrets.redacting(out -> sarif.writeAll(result, out)));
        AtomicFiles.write(blocking, secrets.redacting(out -> sarif.writeBlocking(result, out)));
        AtomicFiles.write(junit, secrets.redacting(out -> JUnitXmlWriter.write(result, out)));
        AtomicFiles.write(html, secrets.redacting(out -> HtmlFindingsReport.write(result, out)));
        return List.of(json, all, blocking, junit, html);
    }
}
