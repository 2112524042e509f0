package dev.securebuild.provenance;

import java.io.IOException;
import java.util.Map;

import dev.securebuild.shared.events.EventLog;

/** Appends the provenance and ledger goals' events: an event that cannot be recorded fails the goal, saying where. */
public final class SecurityEvents {

    private SecurityEvents() {}

    public static void append(EventLog events, String type, String projectId, Map<String, ?> fields, String message)
            throws ProvenanceException {
        try {
            events.record(type, projectId, fields, message);
        } catch (IOException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
    }
}
