package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.html.ChromiumPages;

/** The scanner gate's HTML report at the widths people read it, 1280 and 800 pixels, in headless Chromium. */
class HtmlReportLayoutTest {

    @TempDir
    Path dir;

    @Test
    void everyColumnFitsItsCardAt1280And800PixelsAndNothingWrapsInsideAWord() throws Exception {
        ChromiumPages chromium = ChromiumPages.open(dir);
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlFindingsReport.render(TestResults.failing()));

        // The screenshots stay in target/screenshots, for a person to look at.
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(page, shots.resolve("findings-report.html"), StandardCopyOption.REPLACE_EXISTING);
        for (int width : new int[] {1280, 800}) {
            Path png = chromium.screenshot(page, width, 2000, shots.resolve("findings-report-" + width + ".png"));
            assertTrue(Files.size(png) > 10_000, "a screenshot of the page: " + png);
            assertEquals(List.of(), chromium.layoutProblems(page, width), "at " + width + " px");
        }
    }

    @Test
    void aLongPathIsShortenedOnlyForDisplayAndWholeInItsTooltip() {
        String html = HtmlFindingsReport.render(TestResults.failing());

        assertTrue(html.contains("<span title=\"src/main/java/dev/example/Web Page.java:12\">…/<wbr>example/<wbr>Web Page.<wbr>java:<wbr>12</span>"),
                html);
    }
}
