package dev.securebuild.maven;

import java.nio.file.Path;

import org.apache.maven.execution.MavenSession;

import dev.securebuild.provenance.ledger.LedgerLocation;

/** The ledger file of record-deployment and verify-ledger, from their {@code ledger} parameter and the session. */
final class LedgerFiles {

    /** The default ledger's file name, in the reactor's root folder. */
    static final String DEFAULT = LedgerLocation.DEFAULT_FILE;

    private LedgerFiles() {}

    static Path resolve(String configured, MavenSession session) {
        return LedgerLocation.resolve(configured, Path.of(session.getExecutionRootDirectory()),
                session.getRequest().getMultiModuleProjectDirectory() == null ? null : session.getRequest().getMultiModuleProjectDirectory().toPath());
    }
}
