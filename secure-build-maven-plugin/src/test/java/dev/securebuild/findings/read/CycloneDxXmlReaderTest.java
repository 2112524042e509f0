package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.Severity;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycloneDxXmlReaderTest {

    @TempDir
    Path dir;

    private SinkRecording read(String xml) throws IOException {
        return SinkRecording.of(new CycloneDxXmlReader(), Files.writeString(dir.resolve("bom.xml"), xml));
    }

    private static final String BOM_15 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
              <metadata>
                <tools><components><component type="application"><group>aquasecurity</group><name>trivy</name><version>0.50.0</version></component></components></tools>
                <component type="application" bom-ref="app"><name>app</name><purl>pkg:maven/com.example/app@1.0</purl></component>
              </metadata>
              <components>
                <component type="library" bom-ref="lib-a">
                  <name>a</name><purl>pkg:maven/org.example/a@1.0</purl>
                  <components><component type="library" bom-ref="nested-b"><name>b</name><purl>pkg:npm/b@2.0</purl></component></components>
                </component>
                <component type="library" bom-ref="c-no-purl"><group>org.c</group><name>c</name><version>3</version></component>
              </components>
              <vulnerabilities>
                <vulnerability bom-ref="v1">
                  <id>CVE-2024-0001</id>
                  <references><reference><id>GHSA-aaaa-bbbb-cccc</id><source><name>GitHub</name></source></reference></references>
                  <ratings>
                    <rating><score>9.0</score><method>CVSSv2</method></rating>
                    <rating><source><name>vendor</name></source><score>7.1</score><severity>high</severity><method>CVSSv31</method></rating>
                    <rating><score>6.5</score><method>CVSSv31</method></rating>
                  </ratings>
                  <description><![CDATA[Remote code execution in a.
            Second line.]]></description>
                  <affects><target><ref>nested-b</ref></target><target><ref>lib-a</ref></target></affects>
                </vulnerability>
                <vulnerability>
                  <id>CVE-2024-0002</id>
                  <ratings><rating><severity>medium</severity><method>other</method></rating></ratings>
                  <detail>Only a detail.</detail>
                  <analysis><state>resolved</state><justification>requires_configuration</justification><responses><response>update</response></responses>
                    <detail>Fixed by the upgrade.</detail></analysis>
                  <affects>
                    <target><ref>urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#c-no-purl</ref></target>
                    <target><ref>pkg:golang/example.com/y@v1.0.0</ref></target>
                    <target><ref>app</ref></target>
                  </affects>
                </vulnerability>
                <vulnerability><id>CVE-2024-0003</id></vulnerability>
              </vulnerabilities>
            </bom>
            """;

    @Test
    void vulnerabilitiesOfCycloneDx14AndLater() throws IOException {
        SinkRecording read = read(BOM_15);
        assertEquals(List.of("trivy 0.50.0"), read.tools);
        List<Finding> findings = read.findings;
        assertEquals(List.of("pkg:npm/b@2.0", "pkg:maven/org.example/a@1.0", "org.c/c@3", "pkg:golang/example.com/y@v1.0.0",
                "pkg:maven/com.example/app@1.0"), findings.subList(0, 5).stream().map(Finding::component).toList());
        Finding first = findings.get(0);
        assertEquals("trivy", first.tool());
        assertEquals("CVE-2024-0001", first.id());
        assertEquals(Set.of("GHSA-aaaa-bbbb-cccc"), first.aliases());
        assertEquals(Severity.HIGH, first.severity());
        assertEquals("CVSSv31 7.1 (vendor)", first.severitySource());
        assertEquals("3.1", first.cvssVersion());
        assertEquals("Remote code execution in a.", first.message());
        assertEquals("cyclonedx:CVE-2024-0001|pkg:npm/b@2.0", first.fingerprint());
        assertEquals(Severity.MEDIUM, findings.get(2).severity(), "no score: the severity word");
        assertEquals("Only a detail.", findings.get(2).message());
        assertEquals(6, findings.size());
        assertNull(findings.get(5).component());
        assertEquals(Severity.UNKNOWN, findings.get(5).severity());

        assertEquals(1, read.statements.size());
        VexStatement statement = read.statements.get(0);
        assertEquals(VexStatus.FIXED, statement.status());
        assertEquals("requires_configuration", statement.justification());
        assertEquals("Fixed by the upgrade.", statement.statement());
        assertEquals(Set.of("org.c/c@3", "pkg:golang/example.com/y@v1.0.0", "pkg:maven/com.example/app@1.0"), statement.products());
    }

    @Test
    void theSameBomInJsonGivesTheSameFindings() throws IOException {
        String json = """
                {"bomFormat":"CycloneDX","specVersion":"1.4",
                 "metadata":{"tools":[{"vendor":"anchore","name":"grype","version":"0.41.0"}]},
                 "components":[{"bom-ref":"r1","name":"log4j-core","purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.13.2"}],
                 "vulnerabilities":[{"id":"CVE-2021-44228","references":[{"id":"GHSA-jfh8-c2jp-5v3q"}],
                   "ratings":[{"method":"CVSSv31","score":10.0},{"severity":"critical"}],"description":"Log4Shell",
                   "analysis":{"state":"in_triage"},"affects":[{"ref":"r1"}]}]}
                """;
        String xml = """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4">
                  <metadata><tools><tool><vendor>anchore</vendor><name>grype</name><version>0.41.0</version></tool></tools></metadata>
                  <components><component type="library" bom-ref="r1"><name>log4j-core</name>
                    <purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.13.2</purl></component></components>
                  <vulnerabilities><vulnerability><id>CVE-2021-44228</id>
                    <references><reference><id>GHSA-jfh8-c2jp-5v3q</id></reference></references>
                    <ratings><rating><score>10.0</score><method>CVSSv31</method></rating><rating><severity>critical</severity></rating></ratings>
                    <description>Log4Shell</description><analysis><state>in_triage</state></analysis>
                    <affects><target><ref>r1</ref></target></affects></vulnerability></vulnerabilities>
                </bom>
                """;
        SinkRecording fromJson = SinkRecording.of(new CycloneDxJsonReader(), Files.writeString(dir.resolve("bom.json"), json));
        SinkRecording fromXml = read(xml);
        assertEquals(withoutReport(fromJson.findings), withoutReport(fromXml.findings));
        assertEquals(fromJson.tools, fromXml.tools);
        assertEquals(VexStatus.UNDER_INVESTIGATION, fromXml.statements.get(0).status());
        assertEquals(fromJson.statements.get(0).products(), fromXml.statements.get(0).products());
    }

    private static List<Finding> withoutReport(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.tool(), f.toolVersion(), f.kind(), f.id(), f.aliases(), f.severity(), f.severitySource(),
                f.cvssVersion(), f.cvssScore(), f.component(), f.path(), f.line(), f.fingerprint(), f.suppressedBy(), f.message(), "")).toList();
    }

    @Test
    void vulnerabilitiesOfTheOldExtensionInsideComponents() throws IOException {
        SinkRecording read = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.2" xmlns:v="http://cyclonedx.org/schema/ext/vulnerability/1.0" version="1">
                  <metadata><tools><tool><vendor>anchore</vendor><name>grype</name><version>0.7.0</version></tool></tools></metadata>
                  <components>
                    <component type="library"><name>Django</name><version>2.2.18</version>
                      <v:vulnerabilities>
                        <v:vulnerability ref="urn:uuid:31f44ed9-44fc-436b-a361-69be0b187ff6">
                          <v:id>GHSA-xgxc-v2qg-chmh</v:id>
                          <v:source name="github:github:python"><v:url>https://github.com/advisories/GHSA-xgxc-v2qg-chmh</v:url></v:source>
                          <v:ratings><v:rating><v:score><v:base>0</v:base><v:impact>0</v:impact></v:score><v:severity>Low</v:severity></v:rating></v:ratings>
                          <v:description>Directory Traversal in Django</v:description>
                        </v:vulnerability>
                      </v:vulnerabilities>
                    </component>
                    <component type="library"><name>xerces</name><version>2.9</version>
                      <v:vulnerabilities><v:vulnerability ref="urn:uuid:1"><v:id>CVE-2007-6619</v:id>
                        <v:ratings><v:rating><v:score><v:base>0</v:base></v:score><v:severity>High</v:severity><v:method>CVSSv3</v:method></v:rating></v:ratings>
                      </v:vulnerability></v:vulnerabilities>
                    </component>
                    <component type="library"><name>bash</name><version>5.0-4</version><purl>pkg:deb/debian/bash@5.0-4</purl>
                      <v:vulnerabilities>
                        <v:vulnerability ref="urn:uuid:69a5af27-8a46-4b53-888b-c5c99d0b4099">
                          <v:id>CVE-2019-18276</v:id>
                          <v:ratings><v:rating><v:score><v:base>7.2</v:base></v:score><v:severity>Low</v:severity><v:method>CVSSv2</v:method></v:rating></v:ratings>
                        </v:vulnerability>
                      </v:vulnerabilities>
                    </component>
                  </components>
                </bom>
                """);
        assertEquals(List.of("grype 0.7.0"), read.tools);
        assertEquals(3, read.findings.size());
        Finding placeholder = read.findings.get(1);
        assertEquals(Severity.HIGH, placeholder.severity(), "a CVSS score of 0 beside the word High is no score");
        assertEquals("CycloneDX rating High", placeholder.severitySource());
        Finding django = read.findings.get(0);
        assertEquals("GHSA-xgxc-v2qg-chmh", django.id());
        assertEquals("Django@2.2.18", django.component(), "the component that holds it, by name: it has no purl");
        assertEquals(Severity.LOW, django.severity(), "a score without a CVSS method is no CVSS score: the severity word");
        assertEquals("Directory Traversal in Django", django.message());
        Finding bash = read.findings.get(2);
        assertEquals("pkg:deb/debian/bash@5.0-4", bash.component());
        assertEquals(Severity.HIGH, bash.severity(), "the CVSS score wins over the distribution's word, as for every CycloneDX rating");
        assertEquals("2.0", bash.cvssVersion());
        assertTrue(read.statements.isEmpty());
    }

    @Test
    void aDoctypeOrExternalEntityIsRefusedAndNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        ReportParseException e = assertThrows(ReportParseException.class, () -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE bom [<!ENTITY xxe SYSTEM "%s">]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4"><vulnerabilities><vulnerability><id>&xxe;</id></vulnerability></vulnerabilities></bom>
                """.formatted(secret.toUri())));
        assertTrue(e.getMessage().matches(".*bom\\.xml at line \\d+, column \\d+: .*"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-VALUE"));
    }

    @Test
    void brokenOrForeignFilesAreErrorsNamingThePlace() {
        assertError("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><vulnerabilities><vulnerability><id>CVE-1</id></vulnerability>",
                "at line 1, column \\d+: not well-formed XML \\(.+\\)");
        assertError("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>",
                "at line 1, column \\d+: expected a CycloneDX BOM, a <bom> element in namespace http://cyclonedx.org/schema/bom/1.x; "
                        + "found <project> in namespace http://maven.apache.org/POM/4.0.0");
        assertError("<bom/>", "at line 1, column \\d+: expected a CycloneDX BOM.*found <bom> without a namespace");
        assertError("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n<vulnerabilities>\n<vulnerability><description>x</description></vulnerability>",
                "at line 3, column \\d+: expected a vulnerability with an <id>");
        assertError("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><vulnerabilities><vulnerability><id>CVE-1</id>"
                + "<analysis><state>perhaps</state></analysis></vulnerability></vulnerabilities></bom>",
                "at line 1, column \\d+: vulnerability CVE-1 has analysis state \"perhaps\"; expected one of .*");
        assertError("", "at line \\d+, column \\d+: .*");
    }

    private void assertError(String xml, String expected) {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(xml), xml);
        assertTrue(e.getMessage().matches("(?s).*bom\\.xml " + expected), e.getMessage());
    }

    @Test
    void aBomWithoutVulnerabilitiesIsAnInventoryNotAScan() throws IOException {
        String components = "<metadata><tools><tool><name>cyclonedx-maven-plugin</name></tool></tools></metadata>"
                + "<components><component type=\"library\"><name>a</name><version>1</version></component></components>";
        String inventory = assertThrows(ReportParseException.class, () -> read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">" + components
                + "</bom>")).getMessage();
        assertTrue(inventory.startsWith(dir.resolve("bom.xml") + ": a CycloneDX BOM without \"vulnerabilities\" is an inventory of components "
                + "(made by cyclonedx-maven-plugin), not a scan"), inventory);
        assertEquals(0, read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">" + components + "<vulnerabilities/></bom>").findings.size(),
                "an empty <vulnerabilities> is a clean scan");
        assertEquals(0, read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.2\" xmlns:v=\"http://cyclonedx.org/schema/ext/vulnerability/1.0\">"
                + components + "</bom>").findings.size(), "Grype's BOM with the vulnerability extension and no vulnerability is a clean scan");
    }
}
