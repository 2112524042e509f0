package dev.securebuild.shared.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void aStarAndAQuestionMarkStayWithinOneName() {
        Glob glob = Glob.compile("target/*.sarif");
        assertTrue(glob.matches("target/a.sarif"));
        assertFalse(glob.matches("target/sub/a.sarif"));
        assertFalse(glob.matches("other/a.sarif"));
        assertTrue(Glob.compile("a?.txt").matches("ab.txt"));
        assertFalse(Glob.compile("a?.txt").matches("a/.txt"));
    }

    @Test
    void twoStarsSpanAnyNumberOfFoldersNoneIncludedAnywhereInTheGlob() {
        Glob glob = Glob.compile("src/**/A.java");
        assertTrue(glob.matches("src/A.java"));
        assertTrue(glob.matches("src/x/y/A.java"));
        assertFalse(glob.matches("A.java"));
        Glob leading = Glob.compile("**/report.json");
        assertTrue(leading.matches("report.json"));
        assertTrue(leading.matches("m/target/report.json"));
        assertTrue(Glob.compile("target/**").matches("target/a/b"));
        assertTrue(Glob.compile("**/x/**/y").matches("x/y"));
        assertFalse(Glob.compile("**/x/**/y").matches("x/z"));
    }

    @Test
    void theJdkSyntaxWithinANameIsKept() {
        assertTrue(Glob.compile("target/{spotbugs,pmd}.sarif").matches("target/pmd.sarif"));
        assertTrue(Glob.compile("[ab].txt").matches("b.txt"));
        assertFalse(Glob.compile("[!ab].txt").matches("b.txt"));
        Glob inName = Glob.compile("target/**.sarif");
        assertTrue(inName.matches("target/a.sarif"));
        assertTrue(inName.matches("target/a/b.sarif"), "** inside a name crosses folders, as in the JDK");
        assertFalse(inName.matches("other/a.sarif"));
    }

    @Test
    void backslashesAreSlashesAndDotsAndDoubledSlashesAreIgnored() {
        assertTrue(Glob.compile("src\\main\\*.properties").matches("src/main/a.properties"));
        assertTrue(Glob.compile("src/main/*.properties").matches("src\\main\\a.properties"));
        assertTrue(Glob.compile("src/*.txt").matches("./src//a.txt"));
    }

    @Test
    void anAbsoluteGlobMatchesAbsolutePathsOnly() {
        assertTrue(Glob.compile("/etc/**").matches("/etc/passwd"));
        assertFalse(Glob.compile("/etc/**").matches("etc/passwd"));
        assertFalse(Glob.compile("etc/**").matches("/etc/passwd"));
    }

    @Test
    void namesOnly() {
        Glob name = Glob.compile("*.properties");
        assertFalse(name.hasFolders());
        assertTrue(name.matchesName("src/main/resources/app.properties"));
        assertFalse(name.matches("src/main/resources/app.properties"));
        assertTrue(Glob.compile("src/*").hasFolders());
        assertTrue(Glob.compile("/etc/passwd").hasFolders(), "an absolute glob names its folder");
        assertFalse(Glob.compile("**.txt").hasFolders());
    }

    @Test
    void hostileTextNeverFailsMatching() {
        Glob glob = Glob.compile("**/*.txt");
        assertFalse(glob.matches("a\u0000b.txt"));
        assertFalse(glob.matches(null));
        String deep = "a/".repeat(5000) + "b.txt";
        assertTrue(glob.matches(deep));
        assertFalse(Glob.compile("**/**/**/**/**/c.txt").matches(deep), "many ** on a deep path end quickly");
    }

    @Test
    void aBrokenGlobIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("target/[a.sarif"));
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("  "));
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("{src/a,b}/*.java"));
    }
}
