package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProvenanceTest {

    @TempDir
    Path folder;

    @Test
    void statementFollowsInTotoAndSlsa() throws Exception {
        Path jar = Files.write(folder.resolve("demo.jar"), "jar bytes".getBytes(StandardCharsets.UTF_8));
        Path pom = Files.write(folder.resolve("pom.xml"), "<project/>".getBytes(StandardCharsets.UTF_8));
        Path dependency = Files.write(folder.resolve("lib-1.0.jar"), "lib".getBytes(StandardCharsets.UTF_8));
        List<Provenance.Subject> subjects = Subjects.of(List.of(new Subjects.Named("demo-1.0.pom", pom), new Subjects.Named("demo-1.0.jar", jar)));
        List<Provenance.ResourceDescriptor> dependencies = Components.describe(List.of(
                new Components.Component("org.example", "lib", "1.0", "jar", null, dependency, Map.of("kind", "dependency", "scope", "compile")),
                new Components.Component("org.example", "lib", "1.0", "jar", "tests", folder.resolve("absent.jar"), Map.of("kind", "dependency")),
                new Components.Component("org.apache.maven.plugins", "maven-jar-plugin", "3.4.2", "jar", null, null, Map.of("kind", "plugin"))));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("stamp", "x");
        properties.put("deploy.password", "hunter2-very-secret");
        properties.put("url", "https://alice:s3cr3tpassw0rd@repo.example.com/releases");
        Provenance provenance = new Provenance(subjects,
                new Provenance.ExternalParameters(List.of("clean", "verify"), List.of("release"), properties,
                        new Provenance.Source("git+https://github.com/o/r@refs/heads/main", "a".repeat(40))),
                Map.of("mavenVersion", "3.9.11"), dependencies,
                new Provenance.RunDetails("https://github.com/o/r/.github/workflows/b.yml@refs/heads/main", Map.of("maven", "3.9.11"),
                        "https://github.com/o/r/actions/runs/1/attempts/2", Instant.parse("2026-03-01T10:00:00.123Z"), Instant.parse("2026-03-01T10:05:00Z")));

        byte[] json = provenance.toJson();
        String text = new String(json, StandardCharsets.UTF_8);
        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("s3cr3tpassw0rd"), text);
        JsonNode statement = new ObjectMapper().readTree(json);
        assertEquals("https://in-toto.io/Statement/v1", statement.get("_type").asText());
        assertEquals("https://slsa.dev/provenance/v1", statement.get("predicateType").asText());
        assertEquals(2, statement.get("subject").size());
        JsonNode jarSubject = statement.get("subject").get(1);
        assertEquals("demo-1.0.jar", jarSubject.get("name").asText());
        assertEquals(hex("SHA-256", "jar bytes"), jarSubject.get("digest").get("sha256").asText());
        assertEquals(hex("SHA-512", "jar bytes"), jarSubject.get("digest").get("sha512").asText());

        JsonNode definition = statement.get("predicate").get("buildDefinition");
        assertEquals(Provenance.BUILD_TYPE, definition.get("buildType").asText());
        JsonNode external = definition.get("externalParameters");
        assertEquals("[\"clean\",\"verify\"]", external.get("goals").toString());
        assertEquals("[\"release\"]", external.get("profiles").toString());
        assertEquals("[redacted]", external.get("userProperties").get("deploy.password").asText());
        assertEquals("x", external.get("userProperties").get("stamp").asText());
        assertTrue(external.get("userProperties").get("url").asText().contains("[redacted]"));
        assertEquals("git+https://github.com/o/r@refs/heads/main", external.get("source").get("uri").asText());
        assertEquals("a".repeat(40), external.get("source").get("digest").get("gitCommit").asText());
        assertEquals("3.9.11", definition.get("internalParameters").get("mavenVersion").asText());

        JsonNode resolved = definition.get("resolvedDependencies");
        assertEquals(3, resolved.size());
        assertEquals("pkg:maven/org.example/lib@1.0?type=jar", resolved.get(0).get("uri").asText());
        assertEquals("org.example:lib:jar:1.0", resolved.get(0).get("name").asText());
        assertEquals(hex("SHA-256", "lib"), resolved.get(0).get("digest").get("sha256").asText());
        assertEquals("compile", resolved.get(0).get("annotations").get("scope").asText());
        // A component whose file is missing keeps its uri, without a digest.
        assertEquals("pkg:maven/org.example/lib@1.0?classifier=tests&type=jar", resolved.get(1).get("uri").asText());
        assertNull(resolved.get(1).get("digest"));
        assertEquals("pkg:maven/org.apache.maven.plugins/maven-jar-plugin@3.4.2?type=jar", resolved.get(2).get("uri").asText());

        JsonNode run = statement.get("predicate").get("runDetails");
        assertEquals("https://github.com/o/r/.github/workflows/b.yml@refs/heads/main", run.get("builder").get("id").asText());
        assertEquals("https://github.com/o/r/actions/runs/1/attempts/2", run.get("metadata").get("invocationId").asText());
        assertEquals("2026-03-01T10:00:00Z", run.get("metadata").get("startedOn").asText());
        assertEquals("2026-03-01T10:05:00Z", run.get("metadata").get("finishedOn").asText());

        // The same inputs give the same bytes: fields in a fixed order, maps sorted.
        assertEquals(text, new String(provenance.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void githubActions() {
        Map<String, String> env = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "octo/app", "GITHUB_RUN_ID", "42",
                "GITHUB_RUN_ATTEMPT", "3", "GITHUB_WORKFLOW_REF", "octo/app/.github/workflows/release.yml@refs/tags/v1",
                "GITHUB_SHA", "b".repeat(40), "GITHUB_REF", "refs/tags/v1", "GITHUB_TOKEN", "ghp_" + "x".repeat(36));
        BuildEnvironment detected = BuildEnvironment.detect(env, () -> {
            throw new AssertionError("git is not asked when the CI names the commit");
        });
        assertEquals("github-actions", detected.system());
        assertEquals("https://github.com/octo/app/.github/workflows/release.yml@refs/tags/v1", detected.builderId());
        assertEquals("https://github.com/octo/app/actions/runs/42/attempts/3", detected.invocationId());
        assertEquals("git+https://github.com/octo/app@refs/tags/v1", detected.source().uri());
        assertEquals("b".repeat(40), detected.source().commit());
    }

    @Test
    void gitlabCi() {
        Map<String, String> env = Map.of("CI_SERVER_URL", "https://gitlab.example.com", "CI_PROJECT_PATH", "grp/app", "CI_JOB_ID", "7",
                "CI_JOB_URL", "https://gitlab.example.com/grp/app/-/jobs/7", "CI_COMMIT_SHA", "c".repeat(40), "CI_JOB_TOKEN", "secret");
        BuildEnvironment detected = BuildEnvironment.detect(env, () -> null);
        assertEquals("gitlab-ci", detected.system());
        assertEquals("https://gitlab.example.com/grp/app", detected.builderId());
        assertEquals("https://gitlab.example.com/grp/app/-/jobs/7", detected.invocationId());
        assertEquals("git+https://gitlab.example.com/grp/app", detected.source().uri());
        assertEquals("c".repeat(40), detected.source().commit());
    }

    @Test
    void jenkinsWithCredentialsInItsUrlAndTheCommitFromGit() {
        Map<String, String> env = Map.of("JENKINS_URL", "https://admin:0p3n-s3same-pw@ci.example.com/", "BUILD_URL", "https://ci.example.com/job/app/12/");
        BuildEnvironment detected = BuildEnvironment.detect(env, () -> new Provenance.Source("git+https://git.example.com/app.git", "d".repeat(40)));
        assertEquals("jenkins", detected.system());
        assertEquals("https://ci.example.com/job/app/12/", detected.invocationId());
        assertEquals("d".repeat(40), detected.source().commit());
        assertEquals("git+https://git.example.com/app.git", detected.source().uri());
        Provenance.RunDetails run = new Provenance.RunDetails(detected.builderId(), Map.of(), detected.invocationId(), Instant.EPOCH, Instant.EPOCH);
        assertFalse(run.builderId().contains("0p3n-s3same-pw"), run.builderId());
    }

    @Test
    void localMachine() {
        BuildEnvironment first = BuildEnvironment.detect(Map.of("HOME", "/home/me"), () -> null);
        BuildEnvironment second = BuildEnvironment.detect(Map.of(), () -> null);
        assertEquals("local", first.system());
        assertEquals(BuildEnvironment.LOCAL_BUILDER, first.builderId());
        assertTrue(first.invocationId().matches("urn:uuid:[0-9a-f-]{36}"), first.invocationId());
        assertFalse(first.invocationId().equals(second.invocationId()));
        assertNull(first.source());
    }

    @Test
    void gitSourceOfAWorkTree() throws Exception {
        Path repository = Files.createDirectories(folder.resolve("repo"));
        if (!git(repository, "init", "-q") ) {
            return; // no git here: BuildEnvironment's tests cover the rest
        }
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "one");
        git(repository, "remote", "add", "origin", "https://git.example.com/app.git");
        Provenance.Source source = GitSource.of(repository);
        assertTrue(source.commit().matches("[0-9a-f]{40}"), source.commit());
        assertEquals("git+https://git.example.com/app.git", source.uri());
        assertNull(GitSource.of(Files.createDirectories(folder.resolve("not-a-repo"))));
    }

    private static boolean git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
