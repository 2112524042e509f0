package dev.securebuild.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EventLogLocationTest {

    private static final Path TOP = Path.of("/reactor");
    private static final String TOP_TARGET = "/reactor/target";
    private static final String MODULE_TARGET = "/reactor/module-a/target";
    private static final Path TOP_LOG = Path.of("/reactor/target/secure-build/security-events.jsonl");

    @Test
    void theDefaultOfAnyModuleIsTheTopLevelProjectsLog() {
        assertEquals(TOP_LOG, EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, MODULE_TARGET + "/secure-build/security-events.jsonl"));
        assertEquals(TOP_LOG, EventLogLocation.resolve(TOP, TOP_TARGET, TOP_TARGET, TOP_TARGET + "/secure-build/security-events.jsonl"));
        assertEquals(TOP_LOG, EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, null), "not set (a rule's user property)");
        assertEquals(TOP_LOG, EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, "  "));
    }

    @Test
    void theTopLevelProjectsOwnBuildFolderCounts() {
        assertEquals(Path.of("/reactor/build/secure-build/security-events.jsonl"),
                EventLogLocation.resolve(TOP, "/reactor/build", MODULE_TARGET, null));
        assertEquals(Path.of("/reactor/out/secure-build/security-events.jsonl"), EventLogLocation.resolve(TOP, "out", null, null),
                "a relative build folder is the project's");
    }

    @Test
    void withoutAProjectTheFolderMavenRunsInHasTheLog() {
        Path here = Path.of("/work/folder");
        assertEquals(here.resolve(EventLogLocation.DEFAULT), EventLogLocation.resolve(here, null, null,
                "${project.build.directory}/secure-build/security-events.jsonl"), "Maven leaves the default unresolved");
        assertEquals(here.resolve("logs/events.jsonl"), EventLogLocation.resolve(here, null, null, "logs/events.jsonl"));
    }

    @Test
    void aPathSetIsTakenFromTheTopLevelProjectsFolder() {
        assertEquals(Path.of("/reactor/logs/events.jsonl"), EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, "logs/events.jsonl"));
        assertEquals(Path.of("/var/log/events.jsonl"), EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, "/var/log/events.jsonl"));
        assertEquals(Path.of("/reactor/module-a/target/other.jsonl"),
                EventLogLocation.resolve(TOP, TOP_TARGET, MODULE_TARGET, MODULE_TARGET + "/other.jsonl"), "not the default: as set");
    }
}
