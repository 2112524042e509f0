package dev.securebuild.provenance.ledger;

import java.nio.file.Path;

/** Where record-deployment appends and verify-ledger reads: the same file for the same configuration. */
public final class LedgerLocation {

    /** The ledger's file name in the reactor's root folder. */
    public static final String DEFAULT_FILE = "deployments.jsonl";

    private LedgerLocation() {}

    /**
     * The ledger path: the configured one, a relative path taken from the folder Maven was started in (or given with
     * -f); when it is not set, or its default could not be resolved ({@code maven.multiModuleProjectDirectory} is not set
     * when Maven is embedded), {@value #DEFAULT_FILE} in the reactor's folder.
     *
     * @param executionRoot the folder Maven was started in
     * @param reactorRoot   the reactor's root folder (the one holding {@code .mvn}); null when Maven does not say
     */
    public static Path resolve(String configured, Path executionRoot, Path reactorRoot) {
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            return (reactorRoot != null ? reactorRoot : executionRoot).resolve(DEFAULT_FILE).toAbsolutePath().normalize();
        }
        return executionRoot.resolve(configured).toAbsolutePath().normalize();
    }
}
