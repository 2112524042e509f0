package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.shared.text.LogSink;
import dev.securebuild.provenance.SecurityEvents;
import dev.securebuild.provenance.VerificationFailedException;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.pgp.TrustedKeys;

/**
 * What verify-ledger decides: the ledger verified by {@link LedgerVerifier} against the trusted keys, the outcome
 * recorded in the security event log ({@code ledger.verified} or {@code ledger.broken}) and told.
 */
public final class LedgerCheck {

    private final LedgerVerifier verifier;

    public LedgerCheck(TrustedKeys trusted) {
        this.verifier = new LedgerVerifier(trusted.known(), trusted.trustedFingerprints());
    }

    /**
     * @throws VerificationFailedException when there is no ledger, or it is broken: saying at which line and what happened
     * @throws ProvenanceException         when the ledger cannot be read, or the event not recorded
     */
    public LedgerVerifier.Result verify(Path file, EventLog log, String projectId, LogSink report)
            throws VerificationFailedException, ProvenanceException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ledger", file.toString());
        LedgerVerifier.Result result;
        try {
            result = verifier.verify(file);
        } catch (NoSuchFileException e) {
            fields.put("line", 0);
            fields.put("problem", "missing");
            SecurityEvents.append(log, "ledger.broken", projectId, fields, "there is no ledger at " + file);
            throw new VerificationFailedException("There is no ledger at " + file + ": give its path with -Dsecure-build.ledger=PATH");
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read the ledger " + file + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            LedgerVerifier.Problem problem = result.problem();
            fields.put("line", problem.line());
            fields.put("problem", problem.kind().label());
            fields.put("verifiedRecords", result.records());
            SecurityEvents.append(log, "ledger.broken", projectId, fields, problem.message());
            report.error("The ledger " + file + " is broken at " + problem.message());
            throw new VerificationFailedException("The ledger " + file + " is broken at " + problem.message()
                    + (result.records() > 0 ? " (lines 1 to " + result.records() + " verify)" : ""));
        }
        fields.put("records", result.records());
        fields.put("head", result.head());
        fields.put("signers", String.join(",", result.signers()));
        SecurityEvents.append(log, "ledger.verified", projectId, fields, result.records() + " record(s) verified");
        if (result.records() == 0) {
            report.warn("The ledger " + file + " is empty: nothing to verify");
        } else {
            report.info("The ledger " + file + " verifies: " + result.records() + " record(s), numbered in order, each chained to the one "
                    + "before and signed by a trusted key (" + String.join(", ", result.signers()) + (result.signers().size() > 1
                    ? "; each change of key declared by the record that made it" : "") + "); SHA-256 of the last record " + result.head());
        }
        return result;
    }
}
