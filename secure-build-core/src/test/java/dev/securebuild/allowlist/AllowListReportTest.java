package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.settings.InvalidSettingException;

class AllowListReportTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 1);

    private static AllowList list(String name, String... lines) throws Exception {
        String text = "version: 1\n" + String.join("\n", lines) + "\nlayer: organization\n";
        return AllowListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, "list 1");
    }

    private static Component component(String module, String coordinates, String scope, String... via) {
        String[] parts = coordinates.split(":");
        List<String> path = new ArrayList<>();
        path.add(module + ":1.0");
        path.addAll(List.of(via));
        path.add(coordinates);
        return new Component(parts[0], parts[1], parts[2], scope, List.of(), path);
    }

    private static AllowListReport report() throws Exception {
        AllowList list = list("/work/lists/org.yaml", "approved:",
                "  - {groupId: org.apache.commons, artifactId: commons-text, reason: strings, owner: o}",
                "  - {groupId: commons-io, artifactId: commons-io, reason: files, owner: o, expires: 2027-01-15}",
                "  - {groupId: com.example, artifactId: unused, reason: r, owner: o}",
                "denied:",
                "  - {groupId: log4j, artifactId: log4j, reason: end of life, replacement: org.apache.logging.log4j:log4j-core}");
        AllowListReport report = new AllowListReport(List.of(list), TODAY);
        report.add("g:module-a", List.of(component("g:module-a", "commons-io:commons-io:2.17.0", "compile"),
                component("g:module-a", "org.apache.commons:commons-text:1.12.0", "compile")));
        report.add("g:module-b", List.of(component("g:module-b", "org.apache.commons:commons-text:1.12.0", "compile"),
                component("g:module-b", "org.apache.commons:commons-lang3:3.14.0", "compile", "org.apache.commons:commons-text:1.12.0"),
                component("g:module-b", "log4j:log4j:1.2.17", "runtime")));
        report.add("g:docs", List.of());
        return report;
    }

    @Test
    void oneRowPerComponentWithEveryModuleThatUsesItFailingFirst() throws Exception {
        AllowListReport report = report();
        List<String> rows = new ArrayList<>();
        for (AllowListReport.Row row : report.rows()) {
            rows.add(row.decision().status() + " " + row.decision().component() + " " + row.modules());
        }
        assertEquals(List.of("DENIED log4j:log4j:1.2.17 (runtime) [g:module-b]",
                "UNLISTED org.apache.commons:commons-lang3:3.14.0 (compile) [g:module-b]",
                "EXPIRING commons-io:commons-io:2.17.0 (compile) [g:module-a]",
                "ALLOWED org.apache.commons:commons-text:1.12.0 (compile) [g:module-a, g:module-b]"), rows);
        assertEquals(List.of("g:module-a", "g:module-b", "g:docs"), List.copyOf(report.modules()));
    }

    @Test
    void theTableNamesTheDecidingEntryByLayerFileAndLine() throws Exception {
        List<String> table = report().table(10);
        assertEquals(List.of(
                "STATUS    COMPONENT                                          DECIDED BY               MODULES",
                "DENIED    log4j:log4j:1.2.17 (runtime)                       organization org.yaml:7  module-b",
                "UNLISTED  org.apache.commons:commons-lang3:3.14.0 (compile)  no entry                 module-b",
                "EXPIRING  commons-io:commons-io:2.17.0 (compile)             organization org.yaml:4  module-a",
                "ALLOWED   org.apache.commons:commons-text:1.12.0 (compile)   organization org.yaml:3  module-a, module-b"), table);
        assertEquals("Decided 4 component(s) of 3 module(s) (1 allowed, 1 expiring, 1 denied, 0 expired, 1 unlisted) against 1 list(s);"
                + " 2 lint finding(s)", report().summary());
        List<String> short2 = report().table(2);
        assertEquals(4, short2.size());
        assertEquals("... and 2 more component(s), in the JSON report", short2.get(3));
    }

    @Test
    void theJsonHoldsTheListsTheSummaryTheDecisionsAndTheLint() throws Exception {
        AllowListReport report = report();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeJson(out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(AllowListReport.FORMAT, json.get("format").asText());
        assertEquals("2027-01-01", json.get("date").asText());
        JsonNode list = json.get("lists").get(0);
        assertEquals("organization", list.get("layer").asText());
        assertEquals("/work/lists/org.yaml", list.get("source").asText());
        assertEquals(3, list.get("approved").asInt());
        assertEquals(1, list.get("denied").asInt());
        JsonNode summary = json.get("summary");
        assertEquals(3, summary.get("modules").asInt());
        assertEquals(4, summary.get("components").asInt());
        assertEquals(1, summary.get("statuses").get("allowed").asInt());
        assertEquals(1, summary.get("statuses").get("denied").asInt());
        assertEquals(0, summary.get("statuses").get("expired").asInt());
        assertEquals(2, summary.get("failing").asInt());
        assertEquals(1, summary.get("warnings").asInt());
        assertEquals(1, summary.get("lint").get("unused").asInt());
        assertEquals(1, summary.get("lint").get("expiring").asInt());
        assertEquals(0, summary.get("lint").get("too-broad").asInt());

        JsonNode denied = json.get("decisions").get(0);
        assertEquals("log4j:log4j:1.2.17", denied.get("component").asText());
        assertEquals("runtime", denied.get("scope").asText());
        assertEquals("denied", denied.get("status").asText());
        assertTrue(denied.get("fails").asBoolean());
        assertEquals("organization", denied.get("layer").asText());
        assertEquals("/work/lists/org.yaml:7", denied.get("entry").asText());
        assertEquals("log4j:log4j:1.2.17 (runtime) is denied by the organization list, entry /work/lists/org.yaml:7: end of life; use"
                + " org.apache.logging.log4j:log4j-core instead", denied.get("explanation").asText());
        JsonNode unlisted = json.get("decisions").get(1);
        assertTrue(unlisted.get("layer").isNull() && unlisted.get("entry").isNull());
        assertEquals("[\"g:module-b:1.0\",\"org.apache.commons:commons-text:1.12.0\",\"org.apache.commons:commons-lang3:3.14.0\"]",
                unlisted.get("path").toString());
        assertTrue(unlisted.get("pasteReadyEntry").asText().startsWith("- groupId: \"org.apache.commons\""));
        JsonNode allowed = json.get("decisions").get(3);
        assertEquals("[\"g:module-a\",\"g:module-b\"]", allowed.get("modules").toString());
        assertEquals("[\"g:module-a:1.0\",\"org.apache.commons:commons-text:1.12.0\"]", allowed.get("path").toString(),
                "the path of the first module that uses it");

        JsonNode lint = json.get("lint");
        assertEquals(2, lint.size());
        assertEquals("expiring", lint.get(0).get("kind").asText());
        assertEquals("/work/lists/org.yaml:4", lint.get(0).get("entry").asText());
        assertEquals("unused", lint.get(1).get("kind").asText());
        assertEquals("com.example:unused", lint.get(1).get("coordinates").asText());
        assertEquals("organization", lint.get(1).get("layer").asText());
    }

    @Test
    void failOnNamesTheComponentsAndEntriesItMatches() throws Exception {
        AllowListReport report = report();
        assertEquals(List.of(), ReportFailOn.parse("").reasons(report), "by default the report never fails");
        assertEquals(List.of(), ReportFailOn.parse("expired, shadowed,too_broad").reasons(report));
        assertEquals(List.of("1 component(s) unlisted: org.apache.commons:commons-lang3:3.14.0 (compile)"),
                ReportFailOn.parse("unlisted").reasons(report));
        assertEquals(List.of("1 component(s) expiring: commons-io:commons-io:2.17.0 (compile)",
                "1 entry expiring: commons-io:commons-io (/work/lists/org.yaml:4)",
                "1 entry unused: com.example:unused (/work/lists/org.yaml:5)"), ReportFailOn.parse("EXPIRING,unused").reasons(report));
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class, () -> ReportFailOn.parse("denied,allowed"));
        assertEquals("failOn: unknown 'allowed'; expected a comma-separated list of denied, expired, expiring, unlisted, unused, shadowed,"
                + " too-broad", unknown.getMessage());
    }
}
