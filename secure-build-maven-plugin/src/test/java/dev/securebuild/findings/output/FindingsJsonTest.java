package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.findings.CheckResult;

import org.junit.jupiter.api.Test;

class FindingsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] json(CheckResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FindingsJson.write(result, out);
        return out.toByteArray();
    }

    private static List<String> topLevelFields(byte[] json) throws IOException {
        List<String> fields = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return fields;
    }

    @Test
    void theVerdictComesFirstThenTheSummaryThenTheFormat() throws IOException {
        byte[] json = json(TestResults.failing());
        assertEquals(List.of("verdict", "summary", "format", "policy", "checkedAt", "reports", "violations", "warnings", "exceptions", "findings"),
                topLevelFields(json));
        JsonNode tree = MAPPER.readTree(json);
        assertEquals("fail", tree.get("verdict").asText());
        assertEquals("secure-build-findings/1", tree.get("format").asText());
        assertEquals("pass", MAPPER.readTree(json(TestResults.passing())).get("verdict").asText());
    }

    @Test
    void theSummaryCountsEachOutcomeSeverityToolAndKind() throws IOException {
        JsonNode summary = MAPPER.readTree(json(TestResults.failing())).get("summary");
        List<String> order = new ArrayList<>();
        summary.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("raw", "merged", "blocking", "warnings", "excepted", "notAffected", "suppressed", "bySeverity", "byTool", "byKind"), order);
        assertEquals(9, summary.get("raw").asInt());
        assertEquals(8, summary.get("merged").asInt());
        assertEquals(3, summary.get("blocking").asInt());
        assertEquals(2, summary.get("warnings").asInt());
        assertEquals(1, summary.get("excepted").asInt());
        assertEquals(1, summary.get("notAffected").asInt());
        assertEquals(1, summary.get("suppressed").asInt());
        assertEquals(2, summary.at("/bySeverity/critical").asInt());
        assertEquals(3, summary.at("/bySeverity/high").asInt());
        assertEquals(0, summary.at("/bySeverity/info").asInt(), "every severity is present, zero or not");
        assertEquals(1, summary.at("/bySeverity/unknown").asInt());
        assertEquals(3, summary.at("/byTool/Trivy").asInt(), "the merged log4j finding counts for Trivy and for Grype");
        assertEquals(2, summary.at("/byTool/Grype").asInt());
        assertEquals(5, summary.at("/byKind/dependency").asInt());
        assertEquals(2, summary.at("/byKind/code").asInt());
        assertEquals(1, summary.at("/byKind/license").asInt());
    }

    @Test
    void eachFindingCarriesItsDecisionAndTheEvidenceOfEveryTool() throws IOException {
        JsonNode tree = MAPPER.readTree(json(TestResults.failing()));
        JsonNode findings = tree.get("findings");
        assertEquals(8, findings.size());
        JsonNode log4j = findings.get(0);
        assertEquals("CVE-2021-44228", log4j.get("id").asText());
        assertEquals("[\"CVE-2021-44228\",\"GHSA-jfh8-c2jp-5v3q\"]", log4j.get("ids").toString());
        assertEquals("critical", log4j.get("severity").asText());
        assertEquals("dependency", log4j.get("kind").asText());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4j.get("where").asText());
        assertEquals("[\"Trivy\",\"Grype\"]", log4j.get("tools").toString());
        assertEquals("blocking", log4j.get("outcome").asText());
        assertTrue(log4j.get("reason").asText().contains("threshold HIGH"));
        assertTrue(log4j.get("exception").isNull());
        assertEquals("3.1", log4j.at("/cvss/version").asText());
        assertEquals(10.0, log4j.at("/cvss/score").asDouble());
        assertEquals(2, log4j.get("evidence").size());
        JsonNode trivy = log4j.get("evidence").get(0);
        for (String field : List.of("tool", "toolVersion", "id", "severity", "severitySource", "component", "path", "line", "fingerprint", "report",
                "message")) {
            assertTrue(trivy.has(field), field);
        }
        assertEquals("target/trivy.json", trivy.get("report").asText());
        assertEquals("GHSA-jfh8-c2jp-5v3q", log4j.get("evidence").get(1).get("id").asText());

        JsonNode expired = findings.get(2);
        assertEquals("E-2", expired.get("exception").asText());
        assertEquals("not_affected", findings.get(6).get("outcome").asText());
        assertTrue(findings.get(1).get("cvss").isNull());
        assertEquals(12, findings.get(1).at("/evidence/0/line").asInt());
    }

    @Test
    void exceptionsReportsViolationsAndWarningsAreWritten() throws IOException {
        JsonNode tree = MAPPER.readTree(json(TestResults.failing()));
        JsonNode expired = tree.get("exceptions").get(1);
        assertEquals("E-2", expired.get("id").asText());
        assertEquals("expired", expired.get("state").asText());
        assertEquals("2024-01-31", expired.get("expires").asText());
        assertEquals(1, expired.get("matched").asInt());
        assertTrue(expired.get("violation").asBoolean());
        assertEquals("unused", tree.get("exceptions").get(2).get("state").asText());
        assertEquals(6, tree.get("reports").size());
        assertEquals("Trivy JSON", tree.at("/reports/0/format").asText());
        assertEquals(1, tree.get("violations").size());
        assertEquals(1, tree.get("warnings").size());
        assertEquals("2024-03-01T10:15:30Z", tree.get("checkedAt").asText());
    }
}
