package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The verdicts of the other goals, as the ledger records them: one short text each, read from what those goals left
 * under {@code target/secure-build/}, or {@value #NOT_RUN}. Only the outcome is recorded; the release gate and people
 * read the goals' own reports for the reasons. The keys, in this order:
 * <ul>
 * <li>{@code findings}: {@code findings/findings.json}'s {@code verdict} (check-findings);</li>
 * <li>{@code signatures}: given by the caller, from the signatures the modules deployed (sign);</li>
 * <li>{@code allowlist}: {@code allowlist/allowlist-report.json}'s summary, {@code pass} or {@code fail} with its counts
 *     (allowlist-report);</li>
 * <li>{@code reproducible}: {@code reproducible/report.json} (verify-reproducible), else {@code compare/report.json}
 *     (compare): {@code reproducible} or {@code not reproducible}, and which goal said so.</li>
 * </ul>
 * A file that exists but cannot be read as expected is recorded as {@code unreadable}, never as a pass.
 */
public final class Verdicts {

    public static final String NOT_RUN = "not run";
    public static final String UNREADABLE = "unreadable";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Verdicts() {}

    /**
     * @param secureBuildDirectory the top-level project's {@code target/secure-build}
     * @param signatures           the signature verdict, {@value #NOT_RUN} when no module deployed signatures
     */
    public static Map<String, String> read(Path secureBuildDirectory, String signatures) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        verdicts.put("findings", findings(secureBuildDirectory.resolve("findings/findings.json")));
        verdicts.put("signatures", signatures);
        verdicts.put("allowlist", allowlist(secureBuildDirectory.resolve("allowlist/allowlist-report.json")));
        String reproducible = reproducible(secureBuildDirectory.resolve("reproducible/report.json"), "verify-reproducible");
        verdicts.put("reproducible", NOT_RUN.equals(reproducible)
                ? reproducible(secureBuildDirectory.resolve("compare/report.json"), "compare") : reproducible);
        return verdicts;
    }

    /**
     * The signature verdict from counts: {@code signed (N files)}, {@code partly signed (S of N files)} or {@value #NOT_RUN}.
     *
     * @param files  the deployed files that are not signatures or checksums
     * @param signed how many of them have a signature deployed next to them
     */
    public static String signatures(int files, int signed) {
        if (signed == 0) {
            return NOT_RUN;
        }
        return signed == files ? "signed (" + files + " files)" : "partly signed (" + signed + " of " + files + " files)";
    }

    private static String findings(Path file) {
        JsonNode root = read(file);
        if (root == null) {
            return NOT_RUN;
        }
        JsonNode verdict = root.get("verdict");
        return verdict != null && verdict.isTextual() ? verdict.asText() : UNREADABLE;
    }

    private static String allowlist(Path file) {
        JsonNode root = read(file);
        if (root == null) {
            return NOT_RUN;
        }
        JsonNode failing = root.path("summary").get("failing");
        JsonNode warnings = root.path("summary").get("warnings");
        if (failing == null || !failing.isIntegralNumber() || warnings == null || !warnings.isIntegralNumber()) {
            return UNREADABLE;
        }
        return (failing.asLong() > 0 ? "fail" : "pass") + " (" + failing.asLong() + " failing, " + warnings.asLong() + " warnings)";
    }

    private static String reproducible(Path file, String goal) {
        JsonNode root = read(file);
        if (root == null) {
            return NOT_RUN;
        }
        JsonNode reproducible = root.get("reproducible");
        if (reproducible == null || !reproducible.isBoolean()) {
            return UNREADABLE;
        }
        return (reproducible.asBoolean() ? "reproducible" : "not reproducible") + " (" + goal + ")";
    }

    /** The file's JSON; null when there is no such file; a {@link com.fasterxml.jackson.databind.node.MissingNode} when it cannot be read. */
    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
