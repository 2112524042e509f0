package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInfoTest {

    @TempDir
    Path dir;

    private final BuildInfo.Environment env = new BuildInfo.Environment("demo", "g", "demo", "1.0", "scm:git:https://x.invalid/demo.git",
            "v1.0", "17.0.15", "Debian", "Linux", "\n", "3.8.7", "verify");

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void oneModuleHasFlatOutputsInOrder() throws IOException {
        String text = BuildInfo.render(env, List.of(new BuildInfo.Module("g", "demo", List.of(
                new BuildInfo.Output("g", "demo-1.0.pom", file("pom.xml", "<project/>")),
                new BuildInfo.Output("g", "demo-1.0.jar", file("demo.jar", "jar bytes"))))));
        assertTrue(text.startsWith("# https://reproducible-builds.org/docs/jvm/\nbuildinfo.version=1.0-SNAPSHOT\n"), text);
        Properties p = parse(text);
        assertEquals("mvn", p.getProperty("build-tool"));
        assertEquals("\n", p.getProperty("line.separator"));
        assertEquals("demo-1.0.pom", p.getProperty("outputs.0.filename"));
        assertEquals("demo-1.0.jar", p.getProperty("outputs.1.filename"));
        assertEquals("9", p.getProperty("outputs.1.length"));
        // sha512sum of "jar bytes"
        assertEquals(128, p.getProperty("outputs.1.checksums.sha512").length());
        assertEquals(HexSha512.of("jar bytes"), p.getProperty("outputs.1.checksums.sha512"));
        assertFalse(p.containsKey("mvn.aggregate.artifact-id"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void severalModulesAreNumberedWithCoordinates() throws IOException {
        String text = BuildInfo.render(env, List.of(
                new BuildInfo.Module("g", "parent", List.of(new BuildInfo.Output("g", "parent-1.0.pom", file("p.xml", "p")))),
                new BuildInfo.Module("g", "a", List.of(new BuildInfo.Output("g", "a-1.0.pom", file("a.xml", "a")),
                        new BuildInfo.Output("g", "a-1.0.jar", file("a.jar", "aa"))))));
        Properties p = parse(text);
        assertEquals("demo", p.getProperty("mvn.aggregate.artifact-id"));
        assertEquals("g:parent", p.getProperty("outputs.0.coordinates"));
        assertEquals("g:a", p.getProperty("outputs.1.coordinates"));
        assertEquals("a-1.0.jar", p.getProperty("outputs.1.1.filename"));
        assertEquals("2", p.getProperty("outputs.1.1.length"));
    }

    @Test
    void valuesAreEscapedAndReadBack() throws IOException {
        assertEquals("a\\\\b\\nc\\ttab", BuildInfo.escape("a\\b\nc\ttab"));
        assertEquals("\\ lead", BuildInfo.escape(" lead"));
        Path written = Files.writeString(dir.resolve("x.buildinfo"), BuildInfo.render(env, List.of()), StandardCharsets.UTF_8);
        assertEquals("17.0.15", BuildInfo.read(written).getProperty("java.version"));
    }

    @Test
    void theWrittenFileHoldsNoSecretValue() throws IOException {
        BuildInfo.Environment withToken = new BuildInfo.Environment("demo", "g", "demo", "1.0", "scm:git:https://s3cr3t-token@x.invalid/demo.git",
                "v1.0", "17.0.15", "Debian", "Linux", "\n", "3.8.7", "verify");
        Path written = dir.resolve("out/demo-1.0.buildinfo");
        Files.createDirectories(written.getParent());
        BuildInfo.write(written, withToken, List.of(new BuildInfo.Module("g", "demo", List.of(
                new BuildInfo.Output("g", "demo-1.0.pom", file("pom.xml", "<project/>"))))),
                new dev.securebuild.shared.secrets.KnownSecrets(java.util.Set.of("s3cr3t-token")));

        String text = Files.readString(written);
        assertFalse(text.contains("s3cr3t-token"), text);
        assertEquals("demo-1.0.pom", BuildInfo.read(written).getProperty("outputs.0.filename"));
    }

    @Test
    void aFileThatIsNoBuildinfoIsRefused() throws IOException {
        Path other = file("other.properties", "a=b\n");
        IOException e = assertThrows(IOException.class, () -> BuildInfo.read(other));
        assertTrue(e.getMessage().endsWith("other.properties: not a .buildinfo: it has no buildinfo.version property"), e.getMessage());
    }

    /** An independent SHA-512, for the expected value. */
    static final class HexSha512 {
        static String of(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
