package dev.securebuild.provenance.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.html.ChromiumPages;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResult.Verdict;

/** The release gate's HTML report at the widths people read it, 1280 and 800 pixels, in headless Chromium. */
class GateReportLayoutTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    /** A reactor with the long names real ones have, long paths to reports and a long exception. */
    private static GateDecision longNames() {
        List<String> modules = List.of("dev.securebuild.examples:quickstart-parent", "dev.securebuild.examples:quickstart-library-with-a-long-name",
                "org.example.platform.security:payment-gateway-client");
        List<GoalResult> results = new ArrayList<>();
        for (String module : modules) {
            String folder = "/home/runner/work/payment-platform/payment-platform/" + module.substring(module.indexOf(':') + 1) + "/target/secure-build/";
            results.add(new GoalResult("sign", "sign", module, List.of(module), "1.0", START.plusSeconds(5), Verdict.PASS,
                    "Signed and hashed 4 file(s) with key 079038E816479BE1E38752CA4734D3C8E33078DC", List.of(), folder + "sign"));
            results.add(new GoalResult("findings", "check-findings", module, List.of(module), "1.0", START.plusSeconds(6), Verdict.PASS,
                    "PASS: 0 blocking, 3 warning(s), 1 cleared. Reports: " + folder + "findings",
                    List.of(new GoalResult.ResultException("CVE-2024-12345678", "The vulnerable method MultipartParser.readHeaders is never called"
                            + " by this service; upgrade planned with the 2.x migration", "security-team@example.com", "2027-03-31")),
                    folder + "findings/findings.json"));
            results.add(new GoalResult("reproducible", "verify-reproducible", module, List.of(module), "1.0", START.plusSeconds(7),
                    Verdict.PASS, "4 output(s): 4 OK", List.of(), folder + "reproducible/report.json"));
        }
        GatePolicy policy = new GatePolicy("src/secure-build/release-gate.yaml", List.of("sign", "findings", "reproducible"), List.of(), false);
        return new ReleaseGate(policy).decide(new ReleaseGate.Inputs(modules.get(0), "1.0", modules, results, START, START.plusSeconds(60),
                LocalDate.of(2026, 12, 1), null, null, List.of(new GateDecision.NotGated("dev.securebuild.examples:quickstart-docs",
                        "has no release-gate execution"))));
    }

    @Test
    void everyColumnFitsAt1280And800PixelsAndNoNameWrapsInsideAPart() throws Exception {
        ChromiumPages chromium = ChromiumPages.open(dir);
        Path page = dir.resolve("release-gate.html");
        Files.writeString(page, GateReports.html(longNames()));

        chromium.assertFitsReadingWidths(page, "release-gate");
    }

    @Test
    void aLongPathIsShortenedOnlyForDisplayWholeInItsTooltipAndInTheJson() throws Exception {
        GateDecision d = longNames();
        String html = GateReports.html(d);
        String path = "/home/runner/work/payment-platform/payment-platform/payment-gateway-client/target/secure-build/findings/findings.json";

        assertTrue(html.contains("<span title=\"" + path + "\">…/<wbr>findings/<wbr>findings.<wbr>json</span>"), html);
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        GateReports.json(d, json);
        assertTrue(json.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"" + path + "\""), "the machine-readable output has the whole path");
    }
}
