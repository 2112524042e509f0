package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportLimitException;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.policy.InvalidPolicyException;
import dev.securebuild.findings.policy.PolicyLoader;

/**
 * Every reader, and the policy loader, fed what an attacker or a broken scanner writes: binary garbage, a truncated
 * file, an empty file, 100,000 nested arrays or elements, a huge string, a huge number, duplicate keys, wrong types,
 * entity bombs and external entities. Each must be refused, never read as "0 findings", with our own exception
 * naming the file and (where the file has one) the line and column, and nothing of /etc/passwd in the message. Each
 * input goes both to the format's reader and the way the goal reads a report (format detection, then the reader).
 */
class HostileReportsTest {

    /** Low limits, so that "huge" stays small; one test checks the default limit with a 20-million-character string. */
    private static final ReportLimits LIMITS = new ReportLimits(10_000, 100);
    private static final int DEEP = 100_000;
    private static final String PASSWD_CONTENT = "root:x:0:0";

    @TempDir
    Path dir;

    /** Each JSON format's smallest document, with %s where a string value goes; and one whose top-level structure has a wrong type. */
    private static String shell(ReportFormat format) {
        return switch (format) {
            case SARIF -> "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[{\"ruleId\":\"r\",\"message\":{\"text\":%s}}]}]}";
            case DEPENDENCY_CHECK_JSON -> "{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"9\"},\"dependencies\":[{\"fileName\":%s}]}";
            case TRIVY -> "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Vulnerabilities\":[{\"VulnerabilityID\":%s}]}]}";
            case GRYPE -> "{\"matches\":[{\"vulnerability\":{\"id\":%s}}]}";
            case OSV_SCANNER -> "{\"results\":[{\"source\":{\"path\":%s},\"packages\":[]}]}";
            case CYCLONEDX_JSON -> "{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":%s}]}";
            case OPENVEX -> "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[{\"vulnerability\":%s}]}";
            case DEPENDENCY_CHECK_XML -> "<analysis><dependencies><dependency><fileName>%s</fileName></dependency></dependencies></analysis>";
            case CYCLONEDX_XML -> "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><vulnerabilities><vulnerability><id>%s</id>"
                    + "</vulnerability></vulnerabilities></bom>";
        };
    }

    private static String wrongType(ReportFormat format) {
        return switch (format) {
            case SARIF -> "{\"version\":\"2.1.0\",\"runs\":\"all\"}";
            case DEPENDENCY_CHECK_JSON -> "{\"reportSchema\":\"1.1\",\"scanInfo\":{},\"dependencies\":{\"a\":1}}";
            case TRIVY -> "{\"SchemaVersion\":2,\"Results\":{\"Target\":\"x\"}}";
            case GRYPE -> "{\"matches\":5}";
            case OSV_SCANNER -> "{\"results\":[{\"source\":{\"path\":\"p\"},\"packages\":\"x\"}]}";
            case CYCLONEDX_JSON -> "{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":{\"id\":\"CVE-1\"}}";
            case OPENVEX -> "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":\"none\"}";
            case DEPENDENCY_CHECK_XML -> "<analysis><dependencies>text where dependencies go</dependencies></analysis>x";
            case CYCLONEDX_XML -> "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><vulnerabilities><vulnerability>no id</vulnerability></vulnerabilities></bom>";
        };
    }

    private static boolean xml(ReportFormat format) {
        return format == ReportFormat.DEPENDENCY_CHECK_XML || format == ReportFormat.CYCLONEDX_XML;
    }

    private static String value(ReportFormat format, String text) {
        return xml(format) ? text : "\"" + text + "\"";
    }

    /** Refused by the format's reader and by detection and reading, with our exception naming the file, and the place when asked. */
    private String refused(ReportFormat format, byte[] content, boolean placed) throws IOException {
        Path file = Files.write(dir.resolve("hostile-" + format.name().toLowerCase() + (xml(format) ? ".xml" : ".json")), content);
        Exception direct = assertThrows(Exception.class, () -> Readers.forFormat(format, LIMITS).read(file, new SinkRecording()), format.name());
        Exception asTheGoalReads = assertThrows(Exception.class, () -> {
            ReportFormat detected = new FormatDetector(LIMITS).detect(file);
            Readers.forFormat(detected, LIMITS).read(file, new SinkRecording());
        }, format.name());
        for (Exception e : new Exception[] {direct, asTheGoalReads}) {
            assertInstanceOf(ReportParseException.class, e, () -> format + ": not our own exception: " + e);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            if (placed) {
                assertTrue(e.getMessage().matches("(?s).* at line \\d+, column \\d+: .*"), e.getMessage());
            }
            assertFalse(e.getMessage().contains(PASSWD_CONTENT), e.getMessage());
            assertTrue(e.getMessage().length() < 2_000, () -> "a short message, not the input: " + e.getMessage().length());
        }
        return direct.getMessage();
    }

    private String refused(ReportFormat format, String content, boolean placed) throws IOException {
        return refused(format, content.getBytes(StandardCharsets.UTF_8), placed);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void garbageTruncatedAndEmptyFilesAreRefused(ReportFormat format) throws IOException {
        byte[] garbage = new byte[4096];
        new Random(15).nextBytes(garbage);
        garbage[0] = (byte) (xml(format) ? '<' : '{'); // past the first byte, so each reader meets the garbage itself
        refused(format, garbage, true);
        String whole = shell(format).formatted(value(format, "CVE-2024-0001"));
        refused(format, whole.substring(0, whole.length() / 2), true);
        refused(format, "", false);
        refused(format, " \n\t ", false);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void deepNestingIsRefusedAtTheLimitWithoutAStackOverflow(ReportFormat format) throws IOException {
        String deep = xml(format) ? "<x>".repeat(DEEP) + "</x>".repeat(DEEP) : "[".repeat(DEEP) + "]".repeat(DEEP);
        String message = refused(format, shell(format).formatted(deep), true);
        assertTrue(message.contains("nested deeper than the limit of 100"), message);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aHugeStringIsRefusedAtTheLimit(ReportFormat format) throws IOException {
        String message = refused(format, shell(format).formatted(value(format, "A".repeat(50_000))), true);
        assertTrue(message.contains("longer than the limit of 10000"), message);
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"DEPENDENCY_CHECK_XML", "CYCLONEDX_XML"}, mode = EnumSource.Mode.EXCLUDE)
    void hugeNumbersDuplicateKeysAndWrongTypesAreRefused(ReportFormat format) throws IOException {
        String number = refused(format, shell(format).formatted("1".repeat(5_000)), true);
        assertTrue(number.contains("a number longer than the limit of 1000 digits"), number);
        String duplicate = refused(format, "{\"x-key\":1,\"x-key\":2," + shell(format).formatted("\"x\"").substring(1), true);
        assertTrue(duplicate.contains("Duplicate"), duplicate);
        refused(format, wrongType(format), false);
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"DEPENDENCY_CHECK_XML", "CYCLONEDX_XML"})
    void entityBombsAndExternalEntitiesAreRefusedAndNeverRead(ReportFormat format) throws IOException {
        String root = format == ReportFormat.CYCLONEDX_XML ? "bom" : "analysis";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n");
        refused(format, laughs + shell(format).formatted("&lol9;"), true);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        refused(format, xxe + shell(format).formatted("&xxe;"), true);
        String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n";
        refused(format, parameterEntity + shell(format).formatted("x"), true);
        String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " SYSTEM \"file:///etc/passwd\">\n";
        refused(format, externalDtd + shell(format).formatted("&unknown;"), true);
    }

    @Test
    void aSeverityNoToolWritesIsRefusedNotCountedAsUnknown() throws IOException {
        String trivy = refused(ReportFormat.TRIVY, "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Type\":\"jar\",\"Vulnerabilities\":[\n"
                + "{\"VulnerabilityID\":\"CVE-1\",\"PkgName\":\"a:b\",\"Severity\":\"SEVERE\"}]}]}", true);
        assertTrue(trivy.contains("at line 2, column 1: \"Severity\": \"SEVERE\" is not a severity; expected one of CRITICAL, HIGH"), trivy);
        String grype = refused(ReportFormat.GRYPE, "{\"matches\":[{\"vulnerability\":{\"id\":\"CVE-1\",\"severity\":\"banana\"},\"artifact\":{}}]}", true);
        assertTrue(grype.contains("\"vulnerability\".\"severity\": \"banana\" is not a severity"), grype);
        String cyclonedx = refused(ReportFormat.CYCLONEDX_JSON, shell(ReportFormat.CYCLONEDX_JSON).formatted("\"CVE-1\",\"ratings\":[{\"severity\":\"Severe\"}]"), true);
        assertTrue(cyclonedx.contains("vulnerability CVE-1 has a rating of severity \"Severe\"; expected one of critical"), cyclonedx);
        refused(ReportFormat.CYCLONEDX_XML, shell(ReportFormat.CYCLONEDX_XML).formatted("CVE-1</id><ratings><rating><severity>5</severity></rating></ratings><id>"), true);
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Vulnerabilities\":["
                + "{\"VulnerabilityID\":\"CVE-1\",\"Severity\":\"UNKNOWN\"}]}]}");
        assertEquals(1, new TrivyReader().read(unknown).size(), "Trivy's own UNKNOWN is a severity it writes");
    }

    @Test
    void theDefaultLimitRefusesATwentyMillionCharacterStringNamingTheLimit() throws IOException {
        Path file = dir.resolve("huge.sarif");
        Files.writeString(file, shell(ReportFormat.SARIF).formatted("\"" + "A".repeat(20_000_001) + "\""));
        ReportLimitException e = assertThrows(ReportLimitException.class, () -> new SarifReader().read(file));
        assertEquals(ReportLimitException.Limit.STRING_LENGTH, e.limit());
        assertTrue(e.getMessage().startsWith(file + " at line 1, column 103: a string or name longer than the limit of 20000000 characters "
                + "(String value length (20000001) exceeds the maximum allowed (20000000))"), e.getMessage());
    }

    // The policy loader: YAML and JSON.

    private String policyRefused(String name, String content, boolean placed) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyLoader.load(file), content.length() > 200 ? name : content);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        if (placed) {
            assertTrue(e.getMessage().matches("(?s).* at line \\d+, column \\d+: .*"), e.getMessage());
        }
        assertFalse(e.getMessage().contains(PASSWD_CONTENT) || e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() < 2_000, () -> "a short message: " + e.getMessage().length());
        return e.getMessage();
    }

    @Test
    void thePolicyLoaderRefusesHostileYamlAndJson() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(15).nextBytes(garbage);
        Path binary = Files.write(dir.resolve("garbage.yaml"), garbage);
        assertInstanceOf(InvalidPolicyException.class, assertThrows(IOException.class, () -> PolicyLoader.load(binary)));
        policyRefused("truncated.json", "{\"version\":1,\"failOn\":{\"severity\":", true);
        policyRefused("truncated.yaml", "version: 1\nfailOn:\n  severity: \"hi", true);
        policyRefused("empty.yaml", "", false);
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(9)).append("*").append((char) (c - 1)).append("]\n");
        }
        policyRefused("laughs.yaml", laughs.toString(), true);
        policyRefused("deep.yaml", "version: 1\nfailOn: " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n", true);
        policyRefused("deep.json", "{\"version\":1,\"failOn\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}", true);
        policyRefused("huge.yaml", "version: 1\nfailOn:\n  severity: " + "h".repeat(5_000_000) + "\n", false);
        policyRefused("number.json", "{\"version\":" + "1".repeat(5_000) + "}", true);
        policyRefused("duplicate.yaml", "version: 1\nversion: 1\n", true);
        policyRefused("types.yaml", "version: 1\nfailOn: [high]\n", true);
        String forged = policyRefused("forged.yaml", "version: 1\n\"x\\n[INFO] BUILD SUCCESS\": 1\n", true);
        assertTrue(forged.contains("x\\n[INFO] BUILD SUCCESS"), "the key is shown escaped: " + forged);
    }
}
