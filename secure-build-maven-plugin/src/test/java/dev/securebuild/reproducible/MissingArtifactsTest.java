package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed rebuild could not get, from Maven's own error lines. */
class MissingArtifactsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOfflineAndNotFoundMessagesOfMaven38And39() throws IOException {
        Path log = Files.writeString(dir.resolve("rebuild.log"), String.join("\n",
                "[INFO] Building demo 1.0",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test (default-test) on project demo: "
                        + "Unable to generate classpath: org.apache.maven.artifact.resolver.ArtifactResolutionException: Cannot access central "
                        + "(https://repo.maven.apache.org/maven2) in offline mode and the artifact "
                        + "org.apache.maven.surefire:surefire-junit4:jar:3.5.2 has not been downloaded from it before.",
                "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project g:app:jar:1.0: "
                        + "The following artifacts could not be resolved: com.example:gone:jar:2.0 (absent): Could not find artifact "
                        + "com.example:gone:jar:2.0 in central (https://repo.maven.apache.org/maven2)",
                "[ERROR] Plugin org.codehaus.mojo:exec-maven-plugin:3.5.0 or one of its dependencies could not be resolved: x",
                "[INFO] the artifact not:an:error:1 has not been downloaded from it before"));

        assertEquals(List.of("org.apache.maven.surefire:surefire-junit4:jar:3.5.2", "com.example:gone:jar:2.0",
                "org.codehaus.mojo:exec-maven-plugin:3.5.0"), MissingArtifacts.in(log));
    }

    @Test
    void theAdviceNamesTheArtifactAndTheFix() {
        String offline = MissingArtifacts.advice(List.of("org.apache.maven.surefire:surefire-junit4:jar:3.5.2"), true);
        String online = MissingArtifacts.advice(List.of("com.example:gone:jar:2.0"), false);

        assertTrue(offline.startsWith("The rebuild could not get org.apache.maven.surefire:surefire-junit4:jar:3.5.2. It ran offline"), offline);
        assertTrue(offline.contains("mvn dependency:get -Dartifact=org.apache.maven.surefire:surefire-junit4:jar:3.5.2"), offline);
        assertTrue(online.contains("settings.xml"), online);
        assertNull(MissingArtifacts.advice(List.of(), true));
    }

    @Test
    void aLogWithoutSuchLinesOrNoLogGivesNone() throws IOException {
        assertEquals(List.of(), MissingArtifacts.in(Files.writeString(dir.resolve("rebuild.log"), "[ERROR] COMPILATION ERROR\n")));
        assertEquals(List.of(), MissingArtifacts.in(dir.resolve("absent.log")));
    }

    @Test
    void keepsAtMostFiveFromAHostileLog() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            log.append("[ERROR] Could not find artifact g:a").append(i).append(":jar:1 in central\n");
        }
        log.append("[ERROR] ").append("x".repeat(1_000_000)).append('\n');

        assertEquals(5, MissingArtifacts.in(Files.writeString(dir.resolve("rebuild.log"), log)).size());
    }
}
