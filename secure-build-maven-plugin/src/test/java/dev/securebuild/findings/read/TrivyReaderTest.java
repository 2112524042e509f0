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
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrivyReaderTest {

    @TempDir
    Path dir;

    private List<Finding> read(String json) throws IOException {
        return new TrivyReader().read(Files.writeString(dir.resolve("trivy.json"), json));
    }

    private static final String SECRET_TEXT = "AKIAIOSFODNN7EXAMPLE";

    private static final String SCHEMA_2 = """
            {
              "SchemaVersion": 2,
              "Trivy": {"Version": "0.58.1"},
              "ArtifactName": "app:1.0",
              "Metadata": {"OS": {"Family": "alpine", "Name": "3.19.1"}},
              "Results": [
                {"Target": "app:1.0 (alpine 3.19.1)", "Class": "os-pkgs", "Type": "alpine", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-2024-0001", "PkgName": "libcrypto3", "InstalledVersion": "3.1.4-r5",
                   "SeveritySource": "nvd", "Severity": "HIGH", "Title": "openssl: a flaw",
                   "CVSS": {"redhat": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": 9.8},
                            "nvd": {"V2Vector": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "V2Score": 7.5,
                                    "V3Vector": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "V3Score": 7.5}}}]},
                {"Target": "app/pom.xml", "Class": "lang-pkgs", "Type": "pom", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-2021-44228", "VendorIDs": ["GHSA-jfh8-c2jp-5v3q"], "PkgName": "org.apache.logging.log4j:log4j-core",
                   "InstalledVersion": "2.14.1", "Severity": "CRITICAL", "SeveritySource": "ghsa",
                   "Description": "Log4Shell.\\nSecond line.",
                   "CVSS": {"ghsa": {"V3Score": 10.0, "V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"},
                            "bitnami": {"V40Score": 9.3, "V40Vector": "CVSS:4.0/AV:N"}}},
                  {"VulnerabilityID": "CVE-2020-0002", "PkgName": "com.example:lib", "InstalledVersion": "1.0",
                   "PkgIdentifier": {"PURL": "pkg:maven/com.example/lib@1.0?type=jar"}, "Severity": "UNKNOWN"}],
                 "ExperimentalModifiedFindings": [
                  {"Type": "vulnerability", "Status": "not_affected", "Statement": "vulnerable_code_not_in_execute_path", "Source": "./vex.json",
                   "Finding": {"VulnerabilityID": "CVE-2020-0003", "PkgName": "com.example:other", "InstalledVersion": "2.0", "Severity": "LOW"}}]},
                {"Target": "Dockerfile", "Class": "config", "Type": "dockerfile", "Misconfigurations": [
                  {"Type": "Dockerfile Security Check", "ID": "DS002", "AVDID": "AVD-DS-0002", "Title": "Image user should not be 'root'",
                   "Message": "Specify at least 1 USER command", "Severity": "HIGH", "Status": "FAIL",
                   "CauseMetadata": {"StartLine": 12, "EndLine": 12}},
                  {"ID": "DS001", "Title": "':latest' tag used", "Severity": "MEDIUM", "Status": "PASS"},
                  {"ID": "DS005", "Title": "ADD instead of COPY", "Severity": "LOW", "Status": "EXCEPTION"}]},
                {"Target": "deploy/env.sh", "Class": "secret", "Secrets": [
                  {"RuleID": "aws-access-key-id", "Category": "AWS", "Severity": "CRITICAL", "Title": "AWS Access Key ID",
                   "StartLine": 3, "EndLine": 3, "Match": "export AWS_ACCESS_KEY_ID=%1$s",
                   "Code": {"Lines": [{"Number": 3, "Content": "export AWS_ACCESS_KEY_ID=%1$s", "IsCause": true}]}}]},
                {"Target": "OS Packages", "Class": "license", "Licenses": [
                  {"Severity": "HIGH", "Category": "restricted", "PkgName": "busybox", "FilePath": "", "Name": "GPL-2.0", "Confidence": 1}]}
              ]
            }
            """.formatted(SECRET_TEXT);

    @Test
    void schemaTwoVulnerabilitiesTakeTrivysSeverityAndTheHighestCvssVersion() throws IOException {
        List<Finding> findings = read(SCHEMA_2);
        Finding openssl = findings.get(0);
        assertEquals("Trivy", openssl.tool());
        assertEquals("0.58.1", openssl.toolVersion());
        assertEquals(FindingKind.DEPENDENCY, openssl.kind());
        assertEquals("CVE-2024-0001", openssl.id());
        assertEquals("pkg:apk/alpine/libcrypto3@3.1.4-r5", openssl.component());
        assertEquals(Severity.HIGH, openssl.severity());
        assertEquals("Trivy severity HIGH (SeveritySource nvd)", openssl.severitySource());
        assertEquals("3.0", openssl.cvssVersion(), "v3 of nvd before redhat's, whatever the minor version");
        assertEquals(7.5, openssl.cvssScore());
        assertEquals("app:1.0 (alpine 3.19.1)", openssl.path());
        assertEquals("openssl: a flaw", openssl.message());
        assertEquals("trivy:CVE-2024-0001|pkg:apk/alpine/libcrypto3@3.1.4-r5", openssl.fingerprint());
        assertNull(openssl.suppressedBy());

        Finding log4shell = findings.get(1);
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4shell.component(), "Maven PkgName is groupId:artifactId");
        assertEquals(Set.of("GHSA-jfh8-c2jp-5v3q"), log4shell.aliases());
        assertEquals(Severity.CRITICAL, log4shell.severity());
        assertEquals("4.0", log4shell.cvssVersion(), "a v4 score of any source beats v3");
        assertEquals(9.3, log4shell.cvssScore());
        assertEquals("Log4Shell.", log4shell.message(), "the first line of the description when there is no title");

        Finding unknown = findings.get(2);
        assertEquals("pkg:maven/com.example/lib@1.0?type=jar", unknown.component(), "Trivy's own purl is taken as it is");
        assertEquals(Severity.UNKNOWN, unknown.severity());
        assertNull(unknown.cvssScore());
    }

    @Test
    void suppressedFindingsSayWhoSuppressedThemAndWhy() throws IOException {
        Finding vexed = read(SCHEMA_2).get(3);
        assertEquals("CVE-2020-0003", vexed.id());
        assertEquals("pkg:maven/com.example/other@2.0", vexed.component());
        assertEquals("Trivy not_affected by ./vex.json: vulnerable_code_not_in_execute_path", vexed.suppressedBy());
    }

    @Test
    void misconfigurationsSecretsAndLicenses() throws IOException {
        List<Finding> findings = read(SCHEMA_2);
        assertEquals(7, findings.size(), "4 vulnerabilities, 1 failed check (PASS and EXCEPTION are not failures), 1 secret, 1 license");
        Finding check = findings.get(4);
        assertEquals(FindingKind.CONFIGURATION, check.kind());
        assertEquals("AVD-DS-0002", check.id());
        assertEquals(Set.of("DS002"), check.aliases());
        assertEquals("Dockerfile", check.path());
        assertEquals(12, check.line());
        assertEquals("Image user should not be 'root'", check.message());
        assertEquals(Severity.HIGH, check.severity());
        assertTrue(check.fingerprint().startsWith("sb:"));

        Finding secret = findings.get(5);
        assertEquals(FindingKind.SECRET, secret.kind());
        assertEquals("aws-access-key-id", secret.id());
        assertEquals("deploy/env.sh", secret.path());
        assertEquals(3, secret.line());
        assertEquals("AWS Access Key ID", secret.message());
        assertEquals(Severity.CRITICAL, secret.severity());

        Finding license = findings.get(6);
        assertEquals(FindingKind.LICENSE, license.kind());
        assertEquals("GPL-2.0", license.id());
        assertEquals("pkg:apk/alpine/busybox", license.component(), "OS packages of the report's OS family");
        assertEquals(Severity.HIGH, license.severity());
        assertEquals("GPL-2.0 license (restricted) of busybox", license.message());
    }

    @Test
    void aSecretsMatchNeverReachesAFinding() throws IOException {
        for (Finding finding : read(SCHEMA_2)) {
            assertFalse(finding.toString().contains(SECRET_TEXT), "the secret leaked into " + finding);
        }
    }

    @Test
    void fingerprintsOfChecksAndSecretsSurviveALineShift() throws IOException {
        List<Finding> before = read(SCHEMA_2);
        List<Finding> after = read(SCHEMA_2.replace("\"StartLine\": 12", "\"StartLine\": 14").replace("\"StartLine\": 3", "\"StartLine\": 5"));
        assertEquals(14, after.get(4).line());
        assertEquals(before.get(4).fingerprint(), after.get(4).fingerprint());
        assertEquals(before.get(5).fingerprint(), after.get(5).fingerprint());
    }

    @Test
    void theToolVersionIsKnownEvenWhenItComesAfterTheResults() throws IOException {
        String sorted = """
                {"ArtifactName": "x", "Results": [{"Target": "go.mod", "Type": "gomod", "Vulnerabilities": [
                  {"VulnerabilityID": "GO-2024-1", "PkgName": "github.com/foo/bar", "InstalledVersion": "v1.2.3", "Severity": "MEDIUM"}]}],
                 "SchemaVersion": 2, "Trivy": {"Version": "0.60.0"}}
                """;
        SinkRecording recorded = SinkRecording.of(new TrivyReader(), Files.writeString(dir.resolve("sorted.json"), sorted));
        assertEquals(1, recorded.findings.size());
        assertEquals("pkg:golang/github.com/foo/bar@v1.2.3", recorded.findings.get(0).component());
        assertNull(recorded.findings.get(0).toolVersion(), "read before the version");
        assertEquals(List.of("Trivy 0.60.0"), recorded.tools);
    }

    @Test
    void legacyArrayNullAndEmptyReports() throws IOException {
        List<Finding> legacy = read("""
                [{"Target": "package-lock.json", "Type": "npm", "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2018-16487", "PkgName": "@babel/core", "InstalledVersion": "7.0.0", "Severity": "HIGH"},
                   {"PkgName": "left-pad"}]},
                 {"Target": "trivy-ci-test (debian 10.4)", "Type": "debian", "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2019-1", "PkgName": "libc6", "InstalledVersion": "2.28-10", "Severity": "LOW"}]},
                 {"Target": "requirements.txt", "Type": "pip", "Vulnerabilities": null}]
                """);
        assertEquals(3, legacy.size());
        assertEquals("pkg:npm/%40babel/core@7.0.0", legacy.get(0).component());
        assertNull(legacy.get(0).toolVersion());
        assertEquals("unknown-vulnerability", legacy.get(1).id(), "an entry without id is still a finding");
        assertEquals("pkg:npm/left-pad", legacy.get(1).component());
        assertEquals("pkg:deb/debian/libc6@2.28-10", legacy.get(2).component());
        assertEquals(List.of(), read("null"), "Trivy before 0.20 wrote null when nothing was scanned");
        assertEquals(List.of(), read("[]"));
        assertEquals(List.of(), read("{\"SchemaVersion\": 2, \"ArtifactName\": \"helm\", \"ArtifactType\": \"repository\"}"));
    }

    @Test
    void kubernetesReportsNameTheResource() throws IOException {
        List<Finding> findings = read("""
                {"ClusterName": "prod", "Resources": [
                  {"Namespace": "default", "Kind": "Deployment", "Name": "redis", "Results": [
                    {"Target": "Deployment/redis", "Class": "config", "Type": "kubernetes", "Misconfigurations": [
                      {"ID": "KSV001", "AVDID": "AVD-KSV-0001", "Title": "Process can elevate its own privileges", "Severity": "MEDIUM",
                       "Status": "FAIL", "CauseMetadata": {"StartLine": 132}}]}]},
                  {"Namespace": "default", "Kind": "Deployment", "Name": "web", "Results": [
                    {"Target": "Deployment/web", "Class": "config", "Type": "kubernetes", "Misconfigurations": [
                      {"ID": "KSV001", "AVDID": "AVD-KSV-0001", "Title": "Process can elevate its own privileges", "Severity": "MEDIUM",
                       "Status": "FAIL"}]}]}]}
                """);
        assertEquals(2, findings.size());
        assertEquals("[default/Deployment/redis] Process can elevate its own privileges", findings.get(0).message());
        assertEquals(132, findings.get(0).line());
        assertFalse(findings.get(0).fingerprint().equals(findings.get(1).fingerprint()), "two resources, two findings");
    }

    @Test
    void otherJsonAndBrokenReportsAreErrorsNamingThePlace() throws IOException {
        ReportParseException truncated = assertThrows(ReportParseException.class,
                () -> read("{\"SchemaVersion\": 2,\n \"Results\": [{\"Target\": \"x\", \"Vulnerabilities\": [{\"VulnerabilityID\": "));
        assertTrue(truncated.getMessage().contains("trivy.json at line 2, column"), truncated.getMessage());
        ReportParseException gitlab = assertThrows(ReportParseException.class,
                () -> read("{\"version\": \"15.0.7\", \"vulnerabilities\": [{\"id\": \"CVE-1\"}]}"));
        assertTrue(gitlab.getMessage().contains("line 1, column 1"), gitlab.getMessage());
        assertTrue(gitlab.getMessage().contains("expected a Trivy JSON report"), gitlab.getMessage());
        ReportParseException schema = assertThrows(ReportParseException.class, () -> read("{\"SchemaVersion\": 3, \"Results\": []}"));
        assertTrue(schema.getMessage().contains("SchemaVersion\": 2"), schema.getMessage());
        ReportParseException notAnArray = assertThrows(ReportParseException.class, () -> read("{\"SchemaVersion\": 2, \"Results\": {}}"));
        assertTrue(notAnArray.getMessage().contains("line 1, column 33"), notAnArray.getMessage());
        assertThrows(ReportParseException.class, () -> read("[1]"));
        assertThrows(ReportParseException.class, () -> read(""));
        assertThrows(ReportParseException.class, () -> read("\"text\""));
        assertThrows(ReportParseException.class, () -> read("null null"));
    }
}
