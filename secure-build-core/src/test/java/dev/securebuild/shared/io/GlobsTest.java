package dev.securebuild.shared.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class GlobsTest {

    private static final Path BASE = Path.of("/project");

    @Test
    void aTextWithoutWildcardsNamesOneFile() {
        assertFalse(Globs.isGlob("target/report.sarif"));
        assertTrue(Globs.isGlob("target/*.sarif"));
        assertTrue(Globs.isGlob("target/report?.sarif"));
        assertTrue(Globs.isGlob("target/[ab].sarif"));
        assertTrue(Globs.isGlob("target/{a,b}.sarif"));
    }

    @Test
    void theWalkStartsAtTheLastFolderBeforeTheFirstWildcard() {
        assertEquals(BASE.resolve("target/reports"), Globs.compile(BASE, "target/reports/*.sarif").root());
        assertEquals(BASE.resolve("target"), Globs.compile(BASE, "target/**/x/*.sarif").root());
        assertEquals(BASE, Globs.compile(BASE, "**/*.sarif").root());
        assertEquals(BASE.resolve("src"), Globs.compile(BASE, "src/app.properties").root(), "a plain path: its folder");
        assertEquals(BASE.resolve("src/main"), Globs.compile(BASE, "src\\main\\*.properties").root(), "backslashes are slashes");
    }

    @Test
    void aStarStaysInItsFolderAndTwoStarsCrossFolders() {
        Globs one = Globs.compile(BASE, "target/*.sarif");
        assertTrue(one.matches(BASE.resolve("target/a.sarif")));
        assertFalse(one.matches(BASE.resolve("target/sub/b.sarif")));
        Globs two = Globs.compile(BASE, "target/**.sarif");
        assertTrue(two.matches(BASE.resolve("target/a.sarif")));
        assertTrue(two.matches(BASE.resolve("target/sub/b.sarif")));
    }

    @Test
    void aLeadingDoubleStarAlsoMatchesAtItsOwnLevel() {
        Globs glob = Globs.compile(BASE, "**/dependency-check-report.json");
        assertTrue(glob.matches(BASE.resolve("dependency-check-report.json")));
        assertTrue(glob.matches(BASE.resolve("module/target/dependency-check-report.json")));
        assertFalse(glob.matches(BASE.resolve("module/target/other.json")));
        Globs under = Globs.compile(BASE, "target/**/*.sarif");
        assertTrue(under.matches(BASE.resolve("target/a.sarif")));
        assertTrue(under.matches(BASE.resolve("target/x/y/a.sarif")));
    }

    @Test
    void aBrokenGlobIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Globs.compile(BASE, "target/[a.sarif"));
    }
}
