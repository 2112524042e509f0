package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.html.ChromiumPages;

/** The reproducibility report at the widths people read it, 1280 and 800 pixels, in headless Chromium. */
class HtmlReportLayoutTest {

    @TempDir
    Path dir;

    @Test
    void everyColumnFitsAt1280And800PixelsAndNothingWrapsInsideAWord() throws Exception {
        String deep = "META-INF/maven/dev.securebuild.examples/quickstart-library-with-a-long-name/";
        String name = "quickstart-library-with-a-long-name-1.0.0-SNAPSHOT-jar-with-dependencies.jar";
        Path left = write(dir.resolve("l"), name, zip(List.of(entry(deep + "pom.properties", "version=1.0.0\nbuilt=2026-12-07T10:00:00Z\n"),
                entry("dev/securebuild/examples/quickstart/internal/generated/BuildInformationConstants.java", "a"))));
        Path right = write(dir.resolve("r"), name, zip(List.of(entry(deep + "pom.properties", "version=1.0.0\nbuilt=2026-12-07T10:04:31Z\n"),
                entry("dev/securebuild/examples/quickstart/internal/generated/BuildInformationConstants.java", "b"))));
        ComparisonReport report = new ComparisonReport("verify-reproducible", Instant.parse("2026-12-07T10:05:00Z"),
                "this build (/home/runner/work/payment-platform/payment-platform)",
                "the rebuild (/home/runner/work/payment-platform/payment-platform/target/secure-build/reproducible/rebuild)",
                List.of(new DiffEngine().compare(name, left, right)));
        Path page = dir.resolve("report.html");
        Files.write(page, HtmlReport.render(report));

        ChromiumPages chromium = ChromiumPages.open(dir);
        chromium.assertFitsReadingWidths(page, "reproducible-report");
    }
}
