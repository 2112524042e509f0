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

        chromium.assertFitsReadingWidths(page, "findings-report");
    }

    @Test
    void aLongPathIsShortenedOnlyForDisplayAndWholeInItsTooltip() {
        String html = HtmlFindingsReport.render(TestResults.failing());

        assertTrue(html.contains("<span title=\"src/main/java/dev/example/Web Page.java:12\">…/<wbr>example/<wbr>Web Page.<wbr>java:<wbr>12</span>"),
                html);
    }
}
