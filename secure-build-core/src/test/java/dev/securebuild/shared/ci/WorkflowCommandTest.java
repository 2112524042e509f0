package dev.securebuild.shared.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.ci.WorkflowCommand.Level;

class WorkflowCommandTest {

    private static final Path ROOT = Path.of("/work/repo");

    @Test
    void anErrorAtAFileAndLineIsOneCommandWithItsPlaceRelativeToTheRepository() {
        WorkflowCommand command = WorkflowCommand.of(Level.ERROR, "commons-cli:commons-cli:1.9.0 is not approved")
                .at(ROOT, ROOT.resolve("enforcer-rules/pom.xml"), 31).titled("approvedDependencies");

        assertEquals("::error file=enforcer-rules/pom.xml,line=31,title=approvedDependencies::commons-cli:commons-cli:1.9.0 is not approved",
                command.line());
    }

    @Test
    void aRelativeFileIsTakenFromTheRepositoryRoot() {
        assertEquals("::warning file=src/main/java/A.java,line=7::x",
                WorkflowCommand.of(Level.WARNING, "x").at(ROOT, Path.of("src/main/java/A.java"), 7).line());
    }

    @Test
    void theMessageKeepsColonsAndCommasButEscapesPercentSigns() {
        assertEquals("::notice::a: b, c 100%25", WorkflowCommand.of(Level.NOTICE, "a: b, c 100%").line());
    }

    @Test
    void propertiesEscapeColonsAndCommasThatWouldEndThem() {
        WorkflowCommand command = WorkflowCommand.of(Level.ERROR, "m").at(ROOT, ROOT.resolve("a,b:c%.txt"), 0).titled("t: 1, 2");

        assertEquals("::error file=a%2Cb%3Ac%25.txt,title=t%3A 1%2C 2::m", command.line());
    }

    @Test
    void aValueFromAnInputCannotEndTheCommandNorStartAnotherLine() {
        String hostile = "x\n::stop-commands::token\r\n::error::forged\u001b[31m";

        String line = WorkflowCommand.of(Level.WARNING, hostile).titled(hostile).line();

        assertFalse(line.contains("\n"), line);
        assertFalse(line.contains("\r"), line);
        assertFalse(line.contains("\u001b"), line);
        assertTrue(line.startsWith("::warning title=x\\n%3A%3Astop-commands%3A%3Atoken\\r\\n%3A%3Aerror%3A%3Aforged\\u001b[31m::x\\n::stop-commands"), line);
    }

    @Test
    void aFileOutsideTheRepositoryOrWithoutARootGetsNoPlace() {
        assertEquals("::error::m", WorkflowCommand.of(Level.ERROR, "m").at(ROOT, Path.of("/etc/passwd"), 3).line());
        assertEquals("::error::m", WorkflowCommand.of(Level.ERROR, "m").at(ROOT, Path.of("../outside/pom.xml"), 3).line());
        assertEquals("::error::m", WorkflowCommand.of(Level.ERROR, "m").at(null, Path.of("pom.xml"), 3).line());
        assertNull(WorkflowCommand.of(Level.ERROR, "m").at(ROOT, ROOT, 1).file());
    }

    @Test
    void aLongMessageIsCutAndSaysItsLength() {
        String line = WorkflowCommand.of(Level.ERROR, "a".repeat(10_000)).line();

        assertTrue(line.endsWith("a... (10000 characters)"), line.substring(line.length() - 40));
        assertTrue(line.length() < WorkflowCommand.MAX_MESSAGE + 100);
    }
}
