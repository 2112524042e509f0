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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.Severity;

class DependencyCheckXmlReaderTest {

    @TempDir
    Path dir;

    private Path write(String xml) throws IOException {
        return Files.writeString(dir.resolve("dependency-check-report.xml"), xml);
    }

    private List<Finding> read(String xml) throws IOException {
        return new DependencyCheckXmlReader().read(write(xml));
    }

    /** Schema 1.3: an empty scanInfo, typed identifiers, the CVSS v2 score on the vulnerability itself. */
    private static final String SCHEMA_1_3 = """
            <?xml version="1.0"?>
            <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.1.3.xsd">
                <scanInfo></scanInfo>
                <projectInfo><name>p</name><reportDate>2016-11-05</reportDate><credits>NVD</credits></projectInfo>
                <dependencies>
                    <dependency>
                        <fileName>serializer-2.7.1.jar</fileName>
                        <filePath>/repo/xalan/serializer-2.7.1.jar</filePath>
                        <md5>a</md5><sha1>b</sha1>
                        <relatedDependencies>
                            <relatedDependency>
                                <filePath>/other/serializer-2.7.1.jar</filePath><sha1>b</sha1><md5>a</md5>
                                <identifier type="maven"><name>(other:thing:9.9)</name></identifier>
                            </relatedDependency>
                        </relatedDependencies>
                        <identifiers>
                            <identifier type="cpe" confidence="HIGHEST"><name>cpe:/a:apache:xalan-java:2.7.1</name></identifier>
                            <identifier type="maven" confidence="HIGHEST"><name>(xalan:serializer:2.7.1)</name></identifier>
                        </identifiers>
                        <vulnerabilities>
                            <vulnerability>
                                <name>CVE-2014-0107</name>
                                <cvssScore>7.5</cvssScore>
                                <cvssAccessVector>NETWORK</cvssAccessVector>
                                <severity>High</severity>
                                <cwe>CWE-264 Permissions, Privileges, and Access Controls</cwe>
                                <description>
                                    The TransformerFactory in Apache Xalan-Java before 2.7.2 does not properly restrict access.
                                    Second line.</description>
                                <references><reference><source>CONFIRM</source><url>http://x</url><name>GHSA-1234-5678-9abc</name></reference></references>
                            </vulnerability>
                            <suppressedVulnerability>
                                <name>CVE-2099-0001</name>
                                <cvssScore>4.3</cvssScore>
                                <severity>Medium</severity>
                                <description>Suppressed one.</description>
                                <notes>Not reachable:
                                   we never parse untrusted XSLT.</notes>
                            </suppressedVulnerability>
                        </vulnerabilities>
                    </dependency>
                </dependencies>
            </analysis>
            """;

    @Test
    void schema13ReportsGiveOneFindingPerVulnerabilityAndSuppression() throws IOException {
        SinkRecording recorded = findingsOnly(new DependencyCheckXmlReader(), write(SCHEMA_1_3));
        List<Finding> findings = recorded.findings;
        assertEquals(List.of("OWASP Dependency-Check null"), recorded.tools, "the tool is reported once, without a version old reports do not give");
        assertEquals(2, findings.size(), "the related dependency makes no finding of its own");

        Finding xalan = findings.get(0);
        assertEquals("OWASP Dependency-Check", xalan.tool());
        assertNull(xalan.toolVersion());
        assertEquals(FindingKind.DEPENDENCY, xalan.kind());
        assertEquals("CVE-2014-0107", xalan.id());
        assertEquals(Set.of(), xalan.aliases(), "neither the CWE nor a reference name is an alias");
        assertEquals(Severity.HIGH, xalan.severity());
        assertEquals("2.0", xalan.cvssVersion());
        assertEquals(7.5, xalan.cvssScore());
        assertEquals("CVSS 2.0 base score 7.5 (Dependency-Check)", xalan.severitySource());
        assertEquals("xalan:serializer:2.7.1", xalan.component(), "the Maven identifier, not the CPE nor the related dependency's");
        assertEquals("/repo/xalan/serializer-2.7.1.jar", xalan.path());
        assertEquals(0, xalan.line());
        assertEquals("dependency-check:CVE-2014-0107|xalan:serializer:2.7.1", xalan.fingerprint());
        assertEquals("The TransformerFactory in Apache Xalan-Java before 2.7.2 does not properly restrict access.", xalan.message());
        assertNull(xalan.suppressedBy());
        assertTrue(xalan.report().endsWith("dependency-check-report.xml"));

        Finding suppressed = findings.get(1);
        assertEquals("CVE-2099-0001", suppressed.id());
        assertEquals(Severity.MEDIUM, suppressed.severity());
        assertEquals("suppressed by a Dependency-Check suppression file: Not reachable: we never parse untrusted XSLT.", suppressed.suppressedBy());
    }

    /** Schema 2.5 and later: package URLs, cvssV2/cvssV3/cvssV4 blocks, unscored severities. */
    private static final String SCHEMA_2_5 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- written by dependency-check -->
            <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
              <scanInfo>
                <engineVersion>7.3.0</engineVersion>
                <dataSource><name>NVD CVE Checked</name><timestamp>2022-01-22T14:36:52</timestamp></dataSource>
              </scanInfo>
              <projectInfo><name/><reportDate>2022-01-22</reportDate><credits>NVD</credits></projectInfo>
              <dependencies>
                <dependency isVirtual="false">
                  <fileName>log4j-core-2.14.1.jar</fileName>
                  <filePath>/app/lib/log4j-core-2.14.1.jar</filePath>
                  <md5>1</md5><sha1>2</sha1><sha256>3</sha256>
                  <relatedDependencies>
                    <relatedDependency>
                      <fileName>log4j-core-2.14.1.jar</fileName><filePath>/other/log4j-core-2.14.1.jar</filePath>
                      <sha256>3</sha256><sha1>2</sha1><md5>1</md5>
                      <identifiers><package><id>pkg:maven/other/other@1</id></package></identifiers>
                    </relatedDependency>
                  </relatedDependencies>
                  <identifiers>
                    <package confidence="HIGH"><id>pkg:javascript/log4j@2.14.1</id></package>
                    <package confidence="HIGHEST"><id>pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</id>
                      <url>https://ossindex.sonatype.org/component/pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</url></package>
                    <vulnerabilityIds confidence="HIGHEST"><id>cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*</id></vulnerabilityIds>
                  </identifiers>
                  <vulnerabilities>
                    <vulnerability source="NVD">
                      <name>CVE-2021-44228</name>
                      <knownExploitedVulnerability><name>Apache Log4j2 RCE</name></knownExploitedVulnerability>
                      <severity>CRITICAL</severity>
                      <cvssV2><score>9.3</score><accessVector>NETWORK</accessVector><severity>HIGH</severity><version>2.0</version></cvssV2>
                      <cvssV3><baseScore>10.0</baseScore><attackVector>NETWORK</attackVector><baseSeverity>CRITICAL</baseSeverity><version>3.1</version></cvssV3>
                      <cwes><cwe>CWE-502</cwe><cwe>CWE-400</cwe></cwes>
                      <description>Apache Log4j2 2.0-beta9 through 2.15.0 JNDI features do not protect against attacker controlled LDAP.</description>
                      <notes></notes>
                      <references/>
                    </vulnerability>
                    <vulnerability source="NVD">
                      <name>CVE-2021-45046</name>
                      <cvssV3><baseScore>9.0</baseScore><baseSeverity>CRITICAL</baseSeverity></cvssV3>
                      <description><![CDATA[It was found that the fix <for> CVE-2021-44228 was incomplete.]]></description>
                    </vulnerability>
                    <vulnerability source="NVD">
                      <name>CVE-2024-0001</name>
                      <severity>MEDIUM</severity>
                      <cvssV3><baseScore>6.1</baseScore><version>3.1</version></cvssV3>
                      <cvssV4><source>emo@eclipse.org</source><type>Secondary</type><version>4.0</version><baseScore>6.9</baseScore><baseSeverity>MEDIUM</baseSeverity></cvssV4>
                      <description>v4 and v3</description>
                    </vulnerability>
                    <vulnerability source="OSSINDEX">
                      <name>sonatype-2021-1234</name>
                      <severity unscored="true">MODERATE</severity>
                      <description>unscored moderate</description>
                    </vulnerability>
                    <vulnerability source="RETIREJS">
                      <name>retire-odd</name>
                      <severity unscored="true">UNKNOWN</severity>
                      <description></description>
                    </vulnerability>
                    <vulnerability source="OSSINDEX">
                      <name>no-severity</name>
                      <description>nothing scored</description>
                    </vulnerability>
                    <suppressedVulnerability source="NVD">
                      <name>CVE-2021-44832</name>
                      <cvssV2><score>8.5</score></cvssV2>
                      <cvssV3><baseScore>6.6</baseScore><version>3.1</version></cvssV3>
                      <description>JDBC appender</description>
                    </suppressedVulnerability>
                  </vulnerabilities>
                </dependency>
                <dependency isVirtual="true">
                  <fileName>bundle.js</fileName>
                  <filePath>/app/web/bundle.js</filePath>
                  <md5/><sha1/><sha256/>
                  <vulnerabilities>
                    <vulnerability source="NPM">
                      <name>1500</name>
                      <cvssV2><score>5.0</score></cvssV2>
                      <description>prototype pollution</description>
                    </vulnerability>
                  </vulnerabilities>
                </dependency>
                <dependency isVirtual="false">
                  <fileName>clean.jar</fileName><filePath>/app/lib/clean.jar</filePath><md5/><sha1/><sha256/>
                  <identifiers><package><id>pkg:maven/org.example/clean@1.0</id></package></identifiers>
                </dependency>
              </dependencies>
            </analysis>
            """;

    @Test
    void schema25ReportsPreferTheNewestCvssAndThePackageUrl() throws IOException {
        SinkRecording recorded = findingsOnly(new DependencyCheckXmlReader(), write(SCHEMA_2_5));
        List<Finding> findings = recorded.findings;
        assertEquals(List.of("OWASP Dependency-Check 7.3.0"), recorded.tools);
        assertEquals(List.of("CVE-2021-44228", "CVE-2021-45046", "CVE-2024-0001", "sonatype-2021-1234", "retire-odd", "no-severity",
                "CVE-2021-44832", "1500"), findings.stream().map(Finding::id).toList(),
                "the KEV entry's name is not the vulnerability's; a dependency without vulnerabilities has no findings");
        findings.forEach(f -> assertEquals("7.3.0", f.toolVersion()));

        Finding log4shell = findings.get(0);
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4shell.component(), "the Maven purl is preferred");
        assertEquals("/app/lib/log4j-core-2.14.1.jar", log4shell.path());
        assertEquals(Severity.CRITICAL, log4shell.severity());
        assertEquals("3.1", log4shell.cvssVersion(), "v3 over v2");
        assertEquals(10.0, log4shell.cvssScore());
        assertEquals("CVSS 3.1 base score 10.0 (Dependency-Check)", log4shell.severitySource());
        assertEquals(Set.of(), log4shell.aliases());
        assertNull(log4shell.suppressedBy(), "empty notes on a vulnerability do not suppress it");
        assertEquals("dependency-check:CVE-2021-44228|pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4shell.fingerprint());

        Finding noVersion = findings.get(1);
        assertEquals("3.x", noVersion.cvssVersion(), "a v3 block without a version says only 3.x");
        assertEquals("It was found that the fix <for> CVE-2021-44228 was incomplete.", noVersion.message());

        Finding v4 = findings.get(2);
        assertEquals("4.0", v4.cvssVersion());
        assertEquals(6.9, v4.cvssScore());
        assertEquals(Severity.MEDIUM, v4.severity());
        assertEquals("CVSS 4.0 base score 6.9 (Dependency-Check)", v4.severitySource());

        Finding moderate = findings.get(3);
        assertEquals(Severity.MEDIUM, moderate.severity());
        assertNull(moderate.cvssScore());
        assertNull(moderate.cvssVersion());
        assertEquals("Dependency-Check severity MODERATE", moderate.severitySource());

        Finding odd = findings.get(4);
        assertEquals(Severity.UNKNOWN, odd.severity());
        assertEquals("Dependency-Check severity UNKNOWN", odd.severitySource());
        assertEquals("retire-odd", odd.message(), "no description: the id stands in");

        assertEquals(Severity.UNKNOWN, findings.get(5).severity());
        assertEquals("no severity in the report (Dependency-Check)", findings.get(5).severitySource());

        Finding suppressed = findings.get(6);
        assertEquals("suppressed by a Dependency-Check suppression file", suppressed.suppressedBy());
        assertEquals("3.1", suppressed.cvssVersion());
        assertEquals(Severity.MEDIUM, suppressed.severity());

        Finding npm = findings.get(7);
        assertEquals("bundle.js", npm.component(), "no package identity: the file name");
        assertEquals("2.0", npm.cvssVersion());
        assertEquals(Severity.MEDIUM, npm.severity());
        assertEquals("dependency-check:1500|bundle.js", npm.fingerprint());
    }

    @Test
    void aSeverityWordThatNamesNoSeverityIsRefusedNotCountedAsUnknown() {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(SCHEMA_2_5.replace(">UNKNOWN<", ">severe-ish<")));
        assertTrue(e.getMessage().matches(".*dependency-check-report\\.xml at line 58, column \\d+: a vulnerability's severity \"severe-ish\" is not a "
                + "severity; .*"), e.getMessage());
    }

    @Test
    void theFingerprintDoesNotDependOnWhereTheEntryIsInTheFile() throws IOException {
        String before = read(SCHEMA_2_5).get(0).fingerprint();
        String shifted = SCHEMA_2_5.replace("<!-- written by dependency-check -->", "<!--\n\n\n\n-->");
        assertEquals(before, read(shifted).get(0).fingerprint());
    }

    @Test
    void aReportWithoutVulnerableDependenciesHasNoFindingsButNamesTheTool() throws IOException {
        SinkRecording recorded = findingsOnly(new DependencyCheckXmlReader(), write("""
                <?xml version="1.0" ?>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
                  <scanInfo><engineVersion>6.5.3</engineVersion></scanInfo>
                  <projectInfo><name/><reportDate>2022-01-22</reportDate><credits>c</credits></projectInfo>
                  <dependencies/>
                </analysis>
                """));
        assertTrue(recorded.findings.isEmpty());
        assertEquals(List.of("OWASP Dependency-Check 6.5.3"), recorded.tools);
    }

    @Test
    void malformedXmlIsAnErrorNamingTheLine() throws IOException {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read("""
                <?xml version="1.0"?>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
                  <dependencies><dependency><fileName>a.jar</filename></dependency></dependencies>
                </analysis>
                """));
        assertTrue(e.getMessage().matches(".*dependency-check-report\\.xml at line 3, column \\d+: not well-formed XML \\(.+\\)"), e.getMessage());
        assertThrows(ReportParseException.class, () -> read(SCHEMA_2_5.substring(0, SCHEMA_2_5.length() / 2)), "a truncated report");
        ReportParseException empty = assertThrows(ReportParseException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("dependency-check-report.xml"), empty.getMessage());
    }

    @Test
    void anotherRootElementIsNotADependencyCheckReport() throws IOException {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read("""
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"><components/></bom>
                """));
        assertTrue(e.getMessage().matches(".*dependency-check-report\\.xml at line 2, column \\d+: expected a Dependency-Check report, root element <analysis>; found <bom>"),
                e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE analysis [<!ENTITY xxe SYSTEM "%s">]>
                <analysis><scanInfo><engineVersion>1</engineVersion></scanInfo><dependencies><dependency>
                  <fileName>a.jar</fileName><filePath>a.jar</filePath>
                  <vulnerabilities><vulnerability><name>CVE-1</name><description>&xxe;</description></vulnerability></vulnerabilities>
                </dependency></dependencies></analysis>
                """.formatted(secret.toUri());
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(xml), "no DTD is read: its DOCTYPE is refused");
        assertTrue(e.getMessage().matches(".* at line 2, column \\d+: a DOCTYPE is not allowed in a report.*"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-VALUE"), e.getMessage());
    }

    @Test
    void aSuppressedVulnerabilitiesListSuppressesWhatItHolds() throws IOException {
        List<Finding> findings = read("""
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.1.6.xsd">
                  <scanInfo><engineVersion>3.3.0</engineVersion></scanInfo>
                  <dependencies><dependency>
                    <fileName>a.jar</fileName><filePath>/a.jar</filePath>
                    <identifiers><identifier type="maven"><name>org.example:a:1.0</name></identifier></identifiers>
                    <vulnerabilities><vulnerability><name>CVE-2000-0001</name><severity>LOW</severity><description>open</description></vulnerability></vulnerabilities>
                    <suppressedVulnerabilities>
                      <suppressedVulnerability><name>CVE-2000-0002</name><description>s1</description><notes>accepted until 2026-01-01</notes></suppressedVulnerability>
                      <vulnerability><name>CVE-2000-0003</name><description>s2</description></vulnerability>
                    </suppressedVulnerabilities>
                  </dependency></dependencies>
                </analysis>
                """);
        assertEquals(List.of("CVE-2000-0001", "CVE-2000-0002", "CVE-2000-0003"), findings.stream().map(Finding::id).toList());
        assertNull(findings.get(0).suppressedBy());
        assertEquals("suppressed by a Dependency-Check suppression file: accepted until 2026-01-01", findings.get(1).suppressedBy());
        assertEquals("suppressed by a Dependency-Check suppression file", findings.get(2).suppressedBy());
        findings.forEach(f -> assertEquals("org.example:a:1.0", f.component()));
    }

    /** Everything {@code reader} put into its sink, which has no VEX statements from a Dependency-Check report. */
    static SinkRecording findingsOnly(ReportReader reader, Path file) throws IOException {
        SinkRecording recorded = SinkRecording.of(reader, file);
        assertEquals(List.of(), recorded.statements, "a Dependency-Check report has no VEX statements");
        return recorded;
    }
}
