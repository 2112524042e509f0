package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared scanner samples (../shared/scanner-samples beside the checkout: on the team's machines and in CI). A
 * corpus test that does not find them is skipped with a message saying where it looked, never passed silently.
 */
final class ScannerSamples {

    private ScannerSamples() {}

    static Path root() {
        String shared = System.getProperty("secure-build.sharedDirectory", "../../shared");
        return Path.of(shared, "scanner-samples");
    }

    /** Every regular file under the folder {@code sub} of the samples, sorted; skips the test when the folder is absent. */
    static List<Path> files(String sub) {
        Path dir = root().resolve(sub);
        assumeTrue(Files.isDirectory(dir), "skipped: no scanner samples at " + dir.toAbsolutePath() + " (they are in ../shared on the team's machines and in CI)");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
