package dev.securebuild.shared.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our HTML reports as a person sees them: opened in a real headless Chromium (Debian's {@code chromium}) at a given
 * window width, as a screenshot and as a list of layout problems measured in the browser. Tests that use it skip when
 * Chromium is not installed, except in CI, where .ci/run installs it.
 */
public final class ChromiumPages {

    /**
     * Measured after the page loaded: the page wider than the window, a table past its box, a cell whose content spills
     * over, and text that wraps inside a word or a token (a line that ends on neither a space nor a separator such as
     * {@code / . : - _}): the release gate's module column once wrapped {@code dev.se / curebu / ild.ex}.
     */
    private static final String MEASURE = """
            <script>
            window.addEventListener('load', function () {
              var problems = [];
              var root = document.documentElement;
              if (root.scrollWidth > root.clientWidth + 1) problems.push('the page is ' + root.scrollWidth + ' px wide in a window of ' + root.clientWidth);
              document.querySelectorAll('table').forEach(function (table, i) {
                var box = table.closest('section') || document.body;
                var style = getComputedStyle(box);
                var right = box.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
                if (table.getBoundingClientRect().right > right + 1) problems.push('table ' + (table.id || (box.id + ' #' + i)) + ' ends '
                    + Math.round(table.getBoundingClientRect().right - right) + ' px past its section');
              });
              var separators = ' /.:-_@,\\u2026';
              document.querySelectorAll('td').forEach(function (cell) {
                var text = cell.textContent.trim().slice(0, 80);
                if (cell.scrollWidth > cell.clientWidth + 1) problems.push('a cell spills over: ' + text);
                var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                var previous = null, node;
                var block = null;
                while ((node = walker.nextNode())) {
                  if (node.parentElement.closest('details:not([open])')) continue;
                  // A new block (a div, a list item, a line break) starts a new line on purpose.
                  var nodeBlock = node.parentElement.closest('div,p,li,ul,summary,details,td');
                  if (nodeBlock !== block || (node.previousSibling && node.previousSibling.nodeName === 'BR')) previous = null;
                  block = nodeBlock;
                  for (var i = 0; i < node.length; i++) {
                    var range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    var rects = range.getClientRects();
                    if (rects.length === 0) continue;
                    var top = rects[0].top;
                    var character = node.data.charAt(i);
                    if (previous && top > previous.top + 2 && separators.indexOf(previous.character) < 0 && character !== ' ') {
                      problems.push('wrapped inside a word, after "' + previous.character + '" in: ' + text);
                      return;
                    }
                    previous = {top: top, character: character};
                  }
                }
              });
              document.body.setAttribute('data-layout', JSON.stringify(problems));
            });
            </script>
            """;

    private static final Pattern LAYOUT = Pattern.compile("data-layout=\"([^\"]*)\"");

    private final Path chromium;
    private final Path work;

    private ChromiumPages(Path chromium, Path work) {
        this.chromium = chromium;
        this.work = work;
    }

    /** The browser, with {@code work} for its profiles and files; the calling test is skipped without one outside CI. */
    public static ChromiumPages open(Path work) {
        Path chromium = findOnPath();
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and Chromium is not installed: .ci/run installs it (apt-get install chromium)");
        }
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium): the report is not rendered");
        return new ChromiumPages(chromium, work);
    }

    private static Path findOnPath() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                candidates.add(Path.of(folder, "chromium"));
                candidates.add(Path.of(folder, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Runs Chromium headless on the page in a window {@code width} by {@code height}; its standard output goes to {@code stdout}. */
    public void run(Path page, int width, int height, String option, Path stdout) throws IOException, InterruptedException {
        List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + work.resolve("profile-" + stdout.getFileName()), "--window-size=" + width + "," + height,
                "--hide-scrollbars", option, page.toUri().toString());
        Path stderr = work.resolve(stdout.getFileName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + read(stderr));
    }

    /** A PNG of the page's top {@code height} pixels at that width. */
    public Path screenshot(Path page, int width, int height, Path png) throws IOException, InterruptedException {
        run(page, width, height, "--screenshot=" + png, work.resolve(png.getFileName() + ".out"));
        return png;
    }

    /**
     * The layout problems of the page at that width, measured in the browser. The page is measured in a copy with the
     * measuring script added and without its content security policy (which lets no script in but its own): the same
     * markup and style, so the same layout.
     */
    public List<String> layoutProblems(Path page, int width) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8).replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        Path measured = work.resolve("measured-" + width + "-" + page.getFileName());
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        Path dom = work.resolve("dom-" + width + "-" + page.getFileName());
        run(measured, width, 900, "--dump-dom", dom);
        Matcher layout = LAYOUT.matcher(read(dom));
        if (!layout.find()) {
            throw new AssertionError("the measuring script did not run in " + measured);
        }
        String json = layout.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }

    /** The widths people read reports at: a laptop's window, and half a wide screen. */
    public static final int[] READING_WIDTHS = {1280, 800};

    /**
     * Fails unless the page lays out without a problem at each {@link #READING_WIDTHS reading width}; first takes a
     * screenshot at each into {@code target/screenshots/<name>-<width>.png} (with the page beside them), for a person
     * to look at.
     */
    public void assertFitsReadingWidths(Path page, String name) throws IOException, InterruptedException {
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(page, shots.resolve(name + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (int width : READING_WIDTHS) {
            Path png = screenshot(page, width, 1400, shots.resolve(name + "-" + width + ".png"));
            if (Files.size(png) < 10_000) {
                throw new AssertionError("the screenshot " + png + " is nearly empty");
            }
            assertEquals(List.of(), layoutProblems(page, width), name + " at " + width + " px");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
