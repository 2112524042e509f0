package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInfoReferenceTest {

    @TempDir
    Path dir;

    @Test
    void outputsAreOkDifferentOrMissingAgainstTheRecordedDigests() throws IOException {
        Path jar = Files.writeString(dir.resolve("demo-1.0.jar"), "jar bytes");
        BuildInfo.Environment env = new BuildInfo.Environment("demo", "g", "demo", "1.0", null, null, "17", "v", "Linux", "\n", "3.8.7", "verify");
        Path recorded = Files.writeString(dir.resolve("demo-1.0.buildinfo"), BuildInfo.render(env,
                List.of(new BuildInfo.Module("g", "demo", List.of(new BuildInfo.Output("g", "demo-1.0.jar", jar))))));
        Properties info = BuildInfo.read(recorded);

        assertEquals(ArtifactComparison.Status.OK, BuildInfoReference.compare(info, "demo-1.0.jar", jar).status());

        Files.writeString(jar, "other bytes");
        ArtifactComparison changed = BuildInfoReference.compare(info, "demo-1.0.jar", jar);
        assertEquals(ArtifactComparison.Status.DIFFERENT, changed.status());
        assertTrue(changed.differences().get(0).summary().startsWith("the SHA-512 differs from the one the reference .buildinfo records "
                + "(length 9 against 11)"), changed.differences().get(0).summary());

        ArtifactComparison absent = BuildInfoReference.compare(info, "demo-1.0-sources.jar", jar);
        assertEquals(ArtifactComparison.Status.MISSING, absent.status());
        assertEquals("demo-1.0-sources.jar is not in the reference .buildinfo", absent.differences().get(0).summary());
    }
}
