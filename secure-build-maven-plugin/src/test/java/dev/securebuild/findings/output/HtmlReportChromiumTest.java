package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.html.ChromiumPages;

/**
 * The report as a person sees it: opened in a real headless Chromium (Debian's {@code chromium}), with the network
 * off by the page's own content security policy. Skipped when Chromium is not installed.
 */
class HtmlReportChromiumTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** The FAIL banner's background, #cf222e. */
    private static final int[] FAIL_RED = {0xcf, 0x22, 0x2e};

    @TempDir
    Path dir;

    private ChromiumPages chromium;

    @BeforeEach
    void openChromium() {
        chromium = ChromiumPages.open(dir);
    }

    private void runChromium(Path page, String option, Path stdout) throws IOException, InterruptedException {
        chromium.run(page, WIDTH, HEIGHT, option, stdout);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void aFailingReportShowsFailAndEveryFindingAfterItsScriptRan() throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlFindingsReport.render(TestResults.failing()));

        Path dom = dir.resolve("dom.html");
        runChromium(page, "--dump-dom", dom);
        String html = read(dom);
        Matcher verdict = Pattern.compile("<header id=\"verdict\" class=\"verdict fail\"><h1>(\\w+)").matcher(html);
        assertTrue(verdict.find(), html);
        assertEquals("FAIL", verdict.group(1));
        assertEquals(8, Pattern.compile("<tr class=\"finding\"").matcher(html).results().count(), "one table row per merged finding");
        assertTrue(html.contains("<span id=\"shown\">8 of 8 findings shown</span>"), "the filter script ran: " + html);
        assertTrue(html.contains("<form id=\"filters\">"), "the script shows the filters");
        assertTrue(html.contains("&lt;script&gt;alert"), "the message stays text in the browser's DOM");

        Path png = dir.resolve("report.png");
        runChromium(page, "--screenshot=" + png, dir.resolve("screenshot.out"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "Chromium wrote a PNG");
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());

        // The banner is at the top: down the middle of the page, a band of the failing red.
        int redRows = 0;
        for (int y = 0; y < 250; y++) {
            if (near(image.getRGB(WIDTH / 2, y), FAIL_RED) && near(image.getRGB(WIDTH / 4, y), FAIL_RED)) {
                redRows++;
            }
        }
        assertTrue(redRows >= 40, "the banner is red and at least 40 pixels high, found " + redRows + " red rows");

        // Not blank: many colours, and a good share of pixels that are not the white background.
        Set<Integer> colours = new HashSet<>();
        int ink = 0;
        for (int y = 0; y < HEIGHT; y += 2) {
            for (int x = 0; x < WIDTH; x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        assertTrue(colours.size() > 20, "a rendered page has many colours, found " + colours.size());
        assertTrue(ink > WIDTH * HEIGHT / 4 / 20, "more than 5% of the page is not background, found " + ink);
    }

    private static boolean near(int rgb, int[] expected) {
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        int blue = rgb & 0xff;
        return Math.abs(red - expected[0]) <= 8 && Math.abs(green - expected[1]) <= 8 && Math.abs(blue - expected[2]) <= 8;
    }
}
