package dev.securebuild.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.securebuild.shared.io.BoundedFiles;

class SecretScannerTest {

    // Made-up values of the right shapes, assembled here so that this file holds no token-looking literal.
    static final String GITHUB = "ghp_" + "x7Kq2".repeat(7) + "Z";
    static final String AWS_ID = "AKIA" + "Q7X2M4ZP9TW3KD6N";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKE9";

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void githubTokenInAPomPropertyIsFoundMaskedWithItsElement() throws IOException {
        List<SecretFinding> findings = scan(scanner, "pom.xml",
                "<project>",
                "  <properties>",
                "    <github.token>" + GITHUB + "</github.token>",
                "  </properties>");

        assertEquals(1, findings.size(), findings::toString);
        SecretFinding finding = findings.get(0);
        assertEquals(SecretKind.GITHUB_TOKEN, finding.kind());
        assertEquals(3, finding.line());
        assertEquals(19, finding.column());
        assertEquals("<github.token>", finding.where());
        assertEquals("ghp_****(40 chars)", finding.masked());
        assertEquals("pom.xml:3:19: GitHub token ghp_****(40 chars) in <github.token>", finding.toString());
        assertEquals(SecretValues.fingerprint(GITHUB), finding.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GITHUB_TOKEN      | gho_    | 36 | A",
            "GITHUB_TOKEN      | ghs_    | 36 | B",
            "GITHUB_TOKEN      | github_pat_ | 82 | C",
            "GITLAB_TOKEN      | glpat-  | 20 | D",
            "AWS_ACCESS_KEY_ID | AKIA    | 16 | E",
            "SLACK_TOKEN       | xoxb-   | 24 | 1",
            "GOOGLE_API_KEY    | AIza    | 35 | F",
            "NPM_TOKEN         | npm_    | 36 | G",
            "STRIPE_KEY        | sk_live_| 24 | H"})
    void tokenFormats(SecretKind kind, String prefix, int length, String filler) throws IOException {
        String token = prefix + filler.repeat(length);
        List<SecretFinding> findings = scan(scanner, "notes.txt", "deploy with " + token + " please");

        assertEquals(1, findings.size(), findings::toString);
        assertEquals(kind, findings.get(0).kind());
        assertEquals(13, findings.get(0).column());
        assertEquals(token.substring(0, 4) + "****(" + token.length() + " chars)", findings.get(0).masked());
    }

    @Test
    void aTokenInsideALongerWordIsNotThatToken() throws IOException {
        assertTrue(scan(scanner, "a.txt", "xAKIA" + "Q7X2M4ZP9TW3KD6N7", "ghp_tooShort").isEmpty());
    }

    @Test
    void jsonWebToken() throws IOException {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        List<SecretFinding> findings = scan(scanner, "jvm.config", "-Dauth.header=" + jwt);

        assertEquals(1, findings.size(), findings::toString);
        assertEquals(SecretKind.JWT, findings.get(0).kind());
        assertEquals("auth.header", findings.get(0).where());
    }

    @Test
    void awsKeyIdAndTheSecretKeyNextToIt() throws IOException {
        List<SecretFinding> findings = scan(scanner, "aws.properties",
                "aws_access_key_id=" + AWS_ID,
                "aws_secret_access_key = " + AWS_SECRET);

        assertEquals(List.of(SecretKind.AWS_ACCESS_KEY_ID, SecretKind.AWS_SECRET_KEY),
                findings.stream().map(SecretFinding::kind).collect(Collectors.toList()));
        assertEquals("****(40 chars)", findings.get(1).masked());
        assertEquals(2, findings.get(1).line());
        assertEquals(25, findings.get(1).column());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RSA PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "EC PRIVATE KEY",
            "PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "PGP PRIVATE KEY BLOCK"})
    void privateKeyBlocksAreOneFindingAtTheirFirstLine(String type) throws IOException {
        SecretScanner withEntropy = new SecretScanner(AllowList.empty(), true, SecretScanner.DEFAULT_ENTROPY_THRESHOLD);
        List<SecretFinding> findings = scan(withEntropy, "src/main/resources/deploy.key",
                "# deploy key",
                "  -----BEGIN " + type + "-----",
                "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7Mhg3Tn4bWq5XYa9w",
                "Kx1Yt3mC8pZ2cN7vQ5rL0aH4sJ6dF9gE2wR1tU8yI3oP7lM5nB4vC6xZ0qW9eR2t",
                "-----END " + type + "-----",
                "done");

        assertEquals(1, findings.size(), findings::toString);
        SecretFinding key = findings.get(0);
        assertEquals(SecretKind.PRIVATE_KEY, key.kind());
        assertEquals(2, key.line());
        assertEquals(3, key.column());
        assertEquals("****(128 chars)", key.masked());
        assertEquals("-----BEGIN " + type + "----- block", key.where());
    }

    @Test
    void privateKeyOnOneLineAndInAPrivateKeyElement() throws IOException {
        String body = "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7Mhg3Tn4bWq5XYa9w";
        List<SecretFinding> findings = scan(scanner, "settings.xml",
                "<privateKey>-----BEGIN RSA PRIVATE KEY-----" + body + "-----END RSA PRIVATE KEY-----</privateKey>",
                "<privateKey>" + body + "</privateKey>",
                "<privateKey>${user.home}/.ssh/id_rsa</privateKey>");

        assertEquals(2, findings.size(), findings::toString);
        assertEquals(SecretKind.PRIVATE_KEY, findings.get(0).kind());
        assertEquals("-----BEGIN RSA PRIVATE KEY----- block in <privateKey>", findings.get(0).where());
        assertEquals(SecretValues.fingerprint(body), findings.get(0).fingerprint());
        assertEquals(SecretKind.PASSWORD, findings.get(1).kind());
        assertEquals(2, findings.get(1).line());
        assertEquals("<privateKey>", findings.get(1).where());
    }

    @Test
    void passwordsInXmlElements() throws IOException {
        List<SecretFinding> findings = scan(scanner, "pom.xml",
                "<server><id>x</id><password>correct-horse-battery</password></server>",
                "<passphrase> short </passphrase>",
                "<gpg.passphrase>letmein-please</gpg.passphrase>",
                "<sonar.token>squ_1234567890</sonar.token>",
                "<keystore.password attr=\"1\">changeit</keystore.password>");

        assertEquals(5, findings.size(), findings::toString);
        assertTrue(findings.stream().allMatch(f -> f.kind() == SecretKind.PASSWORD));
        assertEquals("pom.xml:1:29: password in plain text ****(21 chars) in <password>", findings.get(0).toString());
        assertEquals("****", findings.get(1).masked());
        assertEquals(14, findings.get(1).column());   // trimmed
        assertEquals(SecretValues.fingerprint("short"), findings.get(1).fingerprint());
        assertEquals("<gpg.passphrase>", findings.get(2).where());
        assertEquals("<sonar.token>", findings.get(3).where());
        assertEquals("<keystore.password>", findings.get(4).where());
    }

    @Test
    void expressionsEncryptedValuesAndEmptyValuesAreNotSecrets() throws IOException {
        List<SecretFinding> findings = scan(scanner, "pom.xml",
                "<password>${env.DEPLOY_PASSWORD}</password>",
                "<password>${settings.servers.x}${suffix}</password>",
                "<password>{COQLCE6DU6GtcS5P=}</password>",
                "<passphrase>{[name=master,cipher=AES/GCM/NoPadding,version=4.0]vvq66pZ7rkvzSPStGTI9q4QDnsmuDwo+LtjraRel2b0XpcGJFdXcYAHAS75HUA6GLpcVtEimAhMOKk+UBIBNV0Flrbo=}</passphrase>",
                "<password></password>",
                "<password>   </password>",
                "<token>@VERSION@</token>",
                "<github.token>@github.token@</github.token>",
                "<useToken>true</useToken>",
                "<password-file>/run/secrets/pw</password-file>",
                "-Dgpg.passphrase=${env.GPG_PASSPHRASE} -Dtoken.secret=$CI_SECRET",
                "<url>https://${repo.user}:${repo.password}@repo.example.com/</url>",
                "<!-- SECURE_BUILD_SIGNING_KEY=... SECURE_BUILD_SIGNING_PASSPHRASE=... mvn -Prelease deploy -->",
                "<!-- DEPLOY_PASSWORD=*** DEPLOY_TOKEN=xxxx GPG_PASSPHRASE=<your-passphrase> -->");

        assertTrue(findings.isEmpty(), findings::toString);
    }

    @Test
    void propertiesAndMavenConfigAssignments() throws IOException {
        List<SecretFinding> properties = scan(scanner, "src/main/resources/app.properties",
                "# db",
                "db.password = two words here",
                "GITHUB_TOKEN=plain-text-ci-token",
                "NPM_SECRET: hush",
                "db.user=admin",
                "db.password=${DB_PASSWORD}");
        assertEquals(3, properties.size(), properties::toString);
        assertEquals("src/main/resources/app.properties:2:15: password in plain text ****(14 chars) in db.password",
                properties.get(0).toString());
        assertEquals("GITHUB_TOKEN", properties.get(1).where());
        assertEquals("NPM_SECRET", properties.get(2).where());

        List<SecretFinding> config = scan(scanner, ".mvn/maven.config",
                "-B -Drepo.password=hunter2hunter2 -DskipTests -Dapi_TOKEN=\"quoted value\"");
        assertEquals(2, config.size(), config::toString);
        assertEquals(".mvn/maven.config:1:20: password in plain text ****(14 chars) in repo.password", config.get(0).toString());
        assertEquals("api_TOKEN", config.get(1).where());
        assertEquals(SecretValues.fingerprint("quoted value"), config.get(1).fingerprint());
    }

    @Test
    void passwordInAUrl() throws IOException {
        List<SecretFinding> findings = scan(scanner, "pom.xml", "<url>https://deployer:S3cr3tPassw0rd@repo.example.com/releases</url>");

        assertEquals(1, findings.size(), findings::toString);
        assertEquals(SecretKind.PASSWORD_IN_URL, findings.get(0).kind());
        assertEquals(23, findings.get(0).column());
    }

    @Test
    void aLineWithTwoSecretsReportsBothInOrder() throws IOException {
        List<SecretFinding> findings = scan(scanner, "pom.xml",
                "<a.password>first-secret-1</a.password><key>" + AWS_ID + "</key>");

        assertEquals(2, findings.size(), findings::toString);
        assertEquals(SecretKind.PASSWORD, findings.get(0).kind());
        assertEquals(13, findings.get(0).column());
        assertEquals(SecretKind.AWS_ACCESS_KEY_ID, findings.get(1).kind());
        assertEquals(45, findings.get(1).column());
        assertEquals("<key>", findings.get(1).where());
    }

    @Test
    void highEntropyStringsOnlyWhenAsked() throws IOException {
        String random = "q8Zt3Lw0Xv7Ns1Rk4Yp9Hm2Jc6Fb5Gd";
        String[] lines = {"<signature>" + random + "</signature>", "<name>SomeVeryLongClassNameForTesting</name>", "<v>1234567890123456789012</v>"};
        assertTrue(scan(scanner, "pom.xml", lines).isEmpty());

        List<SecretFinding> findings = scan(new SecretScanner(AllowList.empty(), true, 4.5), "pom.xml", lines);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(SecretKind.HIGH_ENTROPY, findings.get(0).kind());
        assertEquals("****(31 chars)", findings.get(0).masked());
        assertEquals("<signature>", findings.get(0).where());

        String sha256 = SecretValues.fingerprint("anything");
        assertEquals(1, scan(new SecretScanner(AllowList.empty(), true, 4.5), "pom.xml", "<sha>" + sha256 + "</sha>").size());
        assertTrue(scan(new SecretScanner(AllowList.empty(), true, 6.0), "pom.xml", "<sha>" + sha256 + "</sha>").isEmpty());
    }

    @Test
    void allowListByFingerprintWithAReasonAndTheUnusedReport() throws IOException {
        AllowList.Entry byFingerprint = new AllowList.Entry("pom.xml", null, "sha256:" + SecretValues.fingerprint("changeit").toUpperCase(),
                "the JDK's default trust store password, not a secret");
        AllowList.Entry byLine = new AllowList.Entry("src/test/**", "<password>test-only", null, "the test server's password");
        AllowList.Entry unused = new AllowList.Entry("*.properties", null, SecretValues.fingerprint("gone"), "removed long ago");
        AllowList allowList = new AllowList(List.of(byFingerprint, byLine, unused));
        SecretScanner allowing = new SecretScanner(allowList, false, 4.5);

        List<SecretFinding> pom = scan(allowing, "pom.xml",
                "<trustStorePassword>changeit</trustStorePassword>",
                "<keyStorePassword>changeme</keyStorePassword>");
        assertSame(byFingerprint, pom.get(0).allowedBy());
        assertNull(pom.get(1).allowedBy());

        List<SecretFinding> test = scan(allowing, "src/test/resources/settings.xml", "<password>test-only-password</password>");
        assertSame(byLine, test.get(0).allowedBy());
        // The same line elsewhere is not allowed: the entry names src/test/**.
        assertFalse(scan(allowing, "settings.xml", "<password>test-only-password</password>").get(0).allowed());

        assertEquals(List.of(unused), allowList.unused());
        assertEquals(1, byFingerprint.uses());
        assertFalse(byLine.toString().contains("test-only"), "an entry is reported without its line piece");
    }

    @Test
    void aGlobWithoutSlashMatchesTheFileNameInAnyFolder() throws IOException {
        AllowList.Entry entry = new AllowList.Entry("pom.xml", "<password>", null, "the parent's test repository");
        SecretScanner allowing = new SecretScanner(new AllowList(List.of(entry)), false, 4.5);

        assertTrue(scan(allowing, "module/pom.xml", "<password>x-y-z</password>").get(0).allowed());
        assertFalse(scan(allowing, "module/other.xml", "<password>x-y-z</password>").get(0).allowed());
    }

    @Test
    void anAllowListEntryNeedsAReasonAndSomethingNarrowerThanAFile() {
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                () -> new AllowList.Entry("pom.xml", null, SecretValues.fingerprint("x"), " "));
        assertTrue(noReason.getMessage().contains("no <reason>"), noReason.getMessage());
        IllegalArgumentException tooBroad = assertThrows(IllegalArgumentException.class,
                () -> new AllowList.Entry("pom.xml", null, null, "everything in it"));
        assertTrue(tooBroad.getMessage().contains("neither <fingerprint>"), tooBroad.getMessage());
        IllegalArgumentException badFingerprint = assertThrows(IllegalArgumentException.class,
                () -> new AllowList.Entry("pom.xml", null, "abc123", "why"));
        assertTrue(badFingerprint.getMessage().contains("not a SHA-256"), badFingerprint.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AllowList.Entry(null, "x", null, "why"));
    }

    @Test
    void maskingNeverShowsTheValue() {
        assertEquals("****", SecretValues.mask("hunter2", SecretKind.PASSWORD));
        assertEquals("****", SecretValues.mask("ghp_short", SecretKind.GITHUB_TOKEN));
        assertEquals("****(16 chars)", SecretValues.mask("abcdefghijklmnop", SecretKind.PASSWORD));
        assertEquals("AKIA****(20 chars)", SecretValues.mask(AWS_ID, SecretKind.AWS_ACCESS_KEY_ID));
        assertEquals("****(40 chars)", SecretValues.mask(AWS_SECRET, SecretKind.AWS_SECRET_KEY));
    }

    @Test
    void scansAFileAndNoFindingTextHoldsTheValue(@TempDir Path dir) throws IOException {
        Path pom = dir.resolve("pom.xml");
        String[] secrets = {GITHUB, AWS_ID, "correct-horse-battery"};
        Files.write(pom, List.of("<project>", "<github.token>" + GITHUB + "</github.token>", "<x>" + AWS_ID + "</x>",
                "<password>correct-horse-battery</password>", "</project>"), StandardCharsets.UTF_8);

        List<SecretFinding> findings = scanner.scan(pom, "pom.xml");

        assertEquals(3, findings.size(), findings::toString);
        for (SecretFinding finding : findings) {
            for (String secret : secrets) {
                assertFalse(finding.toString().contains(secret), finding::toString);
                assertFalse(finding.masked().contains(secret.substring(4)), finding::masked);
            }
        }
    }

    @Test
    void aFileLargerThanABuildFileMayBeIsRefusedNamingItNotPassedUnread(@TempDir Path dir) throws IOException {
        Path large = Files.writeString(dir.resolve("data.properties"), "key=value\n".repeat(11));   // 110 bytes
        Path exact = Files.writeString(dir.resolve("small.properties"), "password=" + "Tr0ub4dor-3".repeat(9).substring(0, 91));   // 100 bytes

        BoundedFiles.TooLargeException refused = assertThrows(BoundedFiles.TooLargeException.class,
                () -> scanner.scan(large, "src/main/resources/data.properties", 100));

        assertTrue(refused.getMessage().startsWith("src/main/resources/data.properties holds more than 100 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not scanned for secrets"), refused.getMessage());
        assertEquals(1, scanner.scan(exact, "small.properties", 100).size(), "a file of exactly the limit is scanned");
        assertEquals(16 * 1024 * 1024, SecretScanner.MAX_FILE_BYTES);
    }

    static List<SecretFinding> scan(SecretScanner scanner, String file, String... lines) throws IOException {
        return scanner.scan(new BufferedReader(new StringReader(String.join("\n", lines))), file);
    }
}
