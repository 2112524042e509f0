package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BuildCompareTest {

    private static ArtifactComparison of(String name, ArtifactComparison.Status status) {
        return new ArtifactComparison(name, status, null, null, 0, 0, List.of());
    }

    @Test
    void countsAndNamesAsReproducibleCentralReadsThem() {
        List<ArtifactComparison> artifacts = List.of(of("a.pom", ArtifactComparison.Status.OK), of("a.jar", ArtifactComparison.Status.DIFFERENT),
                of("a-sources.jar", ArtifactComparison.Status.MISSING),
                of("a.cdx.json", ArtifactComparison.Status.DIFFERENT).ignored("the SBOM records its creation time"));
        String text = BuildCompare.render("1.0", artifacts, "17.0.15", "Linux");
        assertEquals("version=1.0\nok=1\nko=2\nignored=1\nokFiles=\"a.pom\"\nkoFiles=\"a.jar a-sources.jar\"\nignoredFiles=\"a.cdx.json\"\n"
                + "reference_java_version=\"17.0.15\"\nreference_os_name=\"Linux\"\n# why each differs: report.txt beside this file\n", text);
    }

    @Test
    void ignoresNeedAPatternAndAReason() {
        assertTrue(new Ignore("*.cdx.json", "SBOM time").matches("demo-1.0.cdx.json"));
        assertTrue(new Ignore("sub/*.jar", "x").matches("sub/a.jar"));
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> new Ignore("*.json", " "));
        assertEquals("the ignore of '*.json' needs a <reason>: say why this output may differ", noReason.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ignore(null, "reason"));
        ComparisonReport report = new ComparisonReport("verify-reproducible", java.time.Instant.EPOCH, "l", "r",
                List.of(of("a.cdx.json", ArtifactComparison.Status.DIFFERENT).ignored("SBOM time")));
        assertEquals(false, report.differs());
        assertEquals("1 output(s): 0 OK, 0 DIFFERENT, 0 MISSING, 1 IGNORED", report.summaryLine());
    }
}
