package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.secrets.Redaction;

/** Who, where, the configuration and the verdicts, as a record holds them: redacted, and only what was asked for. */
class DeploymentFactsTest {

    private static final String SECRET = "s3cr3t-Pa55w0rd-do-not-record";
    /** A GitHub personal access token's shape: Redaction finds it in any value. */
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @TempDir
    Path folder;

    @Test
    void configurationRedactsEachValueAndTakesOnlyTheNamedEnvironmentVariables() throws Exception {
        Map<String, String> environment = Map.of("DEPLOY_TOKEN", SECRET, "CI_NOTE", "built with " + TOKEN, "HOME", "/home/ci",
                "UNNAMED_PASSWORD", SECRET);
        Deployment.Configuration configuration = Deployment.Configuration.of(List.of("release", "ci", "release"),
                Map.of("deploy.password", SECRET, "skipTests", "true", "note", "see " + TOKEN, "innocuous.value", SECRET),
                PublicProperties.of("skipTests,note,deploy.*"), List.of("DEPLOY_TOKEN", "CI_NOTE", "HOME", "NOT_SET"), environment::get);

        assertEquals(List.of("ci", "release"), configuration.profiles());
        assertEquals(Redaction.REDACTED, configuration.userProperties().get("deploy.password"));
        assertEquals("true", configuration.userProperties().get("skipTests"));
        assertEquals("see " + Redaction.REDACTED, configuration.userProperties().get("note"));
        assertEquals(Redaction.REDACTED, configuration.userProperties().get("innocuous.value"), "not listed as public: withheld");
        assertEquals(List.of("CI_NOTE", "DEPLOY_TOKEN", "HOME", "NOT_SET"), List.copyOf(configuration.environment().keySet()));
        assertEquals(Redaction.REDACTED, configuration.environment().get("DEPLOY_TOKEN"));
        assertEquals("built with " + Redaction.REDACTED, configuration.environment().get("CI_NOTE"));
        assertEquals("/home/ci", configuration.environment().get("HOME"));
        assertNull(configuration.environment().get("NOT_SET"));

        Deployment deployment = new Deployment(Instant.EPOCH, new Deployment.Who("ci", "user.name"), new Deployment.Where("r", "file:r"),
                List.of(), configuration, Map.of());
        String line = new String(LedgerFormat.canonical(deployment, 1, null), StandardCharsets.UTF_8);
        assertFalse(line.contains(SECRET));
        assertFalse(line.contains(TOKEN));
        assertFalse(line.contains("UNNAMED_PASSWORD"));
        assertTrue(line.contains("\"deploy.password\":\"[redacted]\""), line);
        assertTrue(line.contains("\"NOT_SET\":null"), line);
    }

    @Test
    void whoIsTheCiActorInOrderElseTheOperatingSystemUser() {
        assertEquals(new Deployment.Who("octocat", "GITHUB_ACTOR"),
                Deployment.Who.of(Map.of("GITHUB_ACTOR", "octocat", "GITLAB_USER_LOGIN", "tanuki")::get, "root"));
        assertEquals(new Deployment.Who("tanuki", "GITLAB_USER_LOGIN"), Deployment.Who.of(Map.of("GITLAB_USER_LOGIN", "tanuki")::get, "root"));
        assertEquals(new Deployment.Who("jdoe", "BUILD_USER_ID"),
                Deployment.Who.of(Map.of("BUILD_USER", "Jane Doe", "BUILD_USER_ID", "jdoe")::get, "jenkins"));
        assertEquals(new Deployment.Who("Jane Doe", "BUILD_USER"), Deployment.Who.of(Map.of("BUILD_USER", "Jane Doe")::get, "jenkins"));
        assertEquals(new Deployment.Who("builder", "user.name"), Deployment.Who.of(Map.of("GITHUB_ACTOR", " ")::get, "builder"));
    }

    @Test
    void alternativeDeploymentRepositoriesOfBothDeployPluginGenerationsAreParsed() {
        assertEquals(new Deployment.Where("local", "file:target/repo"),
                DeploymentRepository.parseAlternative("altDeploymentRepository", "local::file:target/repo"));
        assertEquals(new Deployment.Where("local", "file:///tmp/repo"),
                DeploymentRepository.parseAlternative("altDeploymentRepository", "local::default::file:///tmp/repo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeploymentRepository.parseAlternative("altDeploymentRepository", "https://user:" + SECRET + "@repo.example/x"));
        assertTrue(e.getMessage().startsWith("altDeploymentRepository is not id::url"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void credentialsInARepositoryUrlAreWithheld() {
        assertEquals("https://[redacted]@repo.example.org/releases",
                DeploymentRepository.redactUrl("https://deployer:" + SECRET + "@repo.example.org/releases"));
        assertEquals("https://[redacted]@repo.example.org/releases",
                DeploymentRepository.parseAlternative("p", "releases::https://" + TOKEN + "@repo.example.org/releases").url());
        assertEquals("https://repo.example.org/x?token=" + Redaction.REDACTED,
                DeploymentRepository.redactUrl("https://repo.example.org/x?token=" + TOKEN));
        assertEquals("file:target/repo", DeploymentRepository.redactUrl("file:target/repo"));
    }

    @Test
    void verdictsAreReadFromWhatTheOtherGoalsLeftOrNotRun() throws Exception {
        Path dir = folder.resolve("secure-build");
        assertEquals(Map.of("findings", "not run", "signatures", "not run", "allowlist", "not run", "reproducible", "not run"),
                Verdicts.read(dir, Verdicts.NOT_RUN));

        Files.createDirectories(dir.resolve("findings"));
        Files.writeString(dir.resolve("findings/findings.json"), "{\"verdict\":\"PASS\",\"format\":\"x\"}");
        Files.createDirectories(dir.resolve("allowlist"));
        Files.writeString(dir.resolve("allowlist/allowlist-report.json"), "{\"summary\":{\"modules\":1,\"failing\":2,\"warnings\":1}}");
        Files.createDirectories(dir.resolve("compare"));
        Files.writeString(dir.resolve("compare/report.json"), "{\"reproducible\":false}");
        Map<String, String> verdicts = Verdicts.read(dir, Verdicts.signatures(3, 3));

        assertEquals(List.of("findings", "signatures", "allowlist", "reproducible"), List.copyOf(verdicts.keySet()));
        assertEquals("PASS", verdicts.get("findings"));
        assertEquals("signed (3 files)", verdicts.get("signatures"));
        assertEquals("fail (2 failing, 1 warnings)", verdicts.get("allowlist"));
        assertEquals("not reproducible (compare)", verdicts.get("reproducible"));

        // verify-reproducible's report wins over compare's; a report that cannot be read is never a pass.
        Files.createDirectories(dir.resolve("reproducible"));
        Files.writeString(dir.resolve("reproducible/report.json"), "{\"reproducible\":true}");
        Files.writeString(dir.resolve("findings/findings.json"), "{\"verdict\":");
        verdicts = Verdicts.read(dir, Verdicts.signatures(3, 1));
        assertEquals("reproducible (verify-reproducible)", verdicts.get("reproducible"));
        assertEquals(Verdicts.UNREADABLE, verdicts.get("findings"));
        assertEquals("partly signed (1 of 3 files)", verdicts.get("signatures"));
    }
}
