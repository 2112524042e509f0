package dev.securebuild.findings.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathGlobTest {

    @Test
    void aRelativeGlobMatchesTheReportedPathFromAnyOfItsFoldersOn() {
        PathGlob glob = PathGlob.compile("src/main/generated/**");
        assertTrue(glob.matches("src/main/generated/Q.java"));
        assertTrue(glob.matches("./src/main/generated/Q.java"));
        assertTrue(glob.matches("/home/ci/app/src/main/generated/Q.java"));
        assertTrue(glob.matches("file:///home/ci/app/src/main/generated/Q.java"));
        assertTrue(glob.matches("C:\\ci\\app\\src\\main\\generated\\Q.java"));
        assertFalse(glob.matches("app/src/main/generated/Q.java"), "a relative path is matched as a whole");
        assertFalse(glob.matches("/home/ci/app/src/main/java/Q.java"));
    }

    @Test
    void anAbsoluteGlobMatchesFromTheRootOnly() {
        PathGlob glob = PathGlob.compile("/opt/app/**");
        assertTrue(glob.matches("/opt/app/lib/x.jar"));
        assertFalse(glob.matches("/srv/opt/app/lib/x.jar"));
    }

    @Test
    void theSyntaxIsTheOneGlobSyntax() {
        assertTrue(PathGlob.compile("src/**/Gen*.java").matches("src/GenA.java"), "**/ matches no folder too");
        assertTrue(PathGlob.compile("src/{main,test}/*.java").matches("src/test/A.java"));
        assertThrows(IllegalArgumentException.class, () -> PathGlob.compile("src/[a.java"));
        assertFalse(PathGlob.compile("**/*.java").matches(""));
    }
}
