package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LedgerLocationTest {

    private final Path started = Path.of("/work/build/module").toAbsolutePath();
    private final Path reactor = Path.of("/work/build").toAbsolutePath();

    @Test
    void aConfiguredPathIsTakenFromWhereMavenWasStarted() {
        assertEquals(started.resolve("audit/ledger.jsonl"), LedgerLocation.resolve("audit/ledger.jsonl", started, reactor));
        assertEquals(reactor.resolve("other.jsonl"), LedgerLocation.resolve("../other.jsonl", started, reactor));
    }

    @Test
    void withoutOneTheDefaultIsInTheReactorsFolder() {
        assertEquals(reactor.resolve("deployments.jsonl"), LedgerLocation.resolve(null, started, reactor));
        assertEquals(reactor.resolve("deployments.jsonl"), LedgerLocation.resolve(" ", started, reactor));
    }

    @Test
    void anUnresolvedDefaultIsTheReactorsFolderElseWhereMavenWasStarted() {
        // Maven embedded leaves ${maven.multiModuleProjectDirectory} unresolved and names no reactor folder.
        assertEquals(reactor.resolve("deployments.jsonl"), LedgerLocation.resolve("${maven.multiModuleProjectDirectory}/deployments.jsonl", started, reactor));
        assertEquals(started.resolve("deployments.jsonl"), LedgerLocation.resolve("${maven.multiModuleProjectDirectory}/deployments.jsonl", started, null));
    }
}
