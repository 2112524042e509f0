package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.CertificateKeys;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.text.Printable;

/**
 * Checks a whole ledger, line by line: each line is a record of the documented form, signed by a trusted key over its
 * canonical bytes, its sequence one more than the line before's, its {@code previous} the SHA-256 of the line before,
 * and signed by the same key as the line before unless it declares the change ({@code keyRotation} from that key to its own).
 * Stops at the first line that breaks one of these, and says what most likely happened to it.
 */
public final class LedgerVerifier {

    /** What happened to a broken line, as verify-ledger reports it. */
    public enum Kind {
        /** Not a record of the documented form (not JSON, a field missing or of the wrong type). */
        MALFORMED("malformed"),
        /** The last line has no line end: a write was cut off, or the line was edited. */
        INCOMPLETE("incomplete"),
        /** The signature, by a trusted key, does not match the content: the line was changed after it was signed. */
        EDITED("edited"),
        /** The signature cannot be checked: its scheme does not fit the key, or its value is not a signature. */
        BAD_SIGNATURE("bad signature"),
        /** Signed by a key that is not trusted. */
        UNKNOWN_KEY("unknown key"),
        /** Records are missing before this line. */
        DELETED("deleted"),
        /** Records are out of order (or one was copied in again). */
        REORDERED("reordered"),
        /** Validly signed and numbered, but the line before is not the record it was chained to. */
        REPLACED("replaced"),
        /** Signed by a trusted key other than the line before's, without declaring that change of key (or declaring another). */
        KEY_CHANGED("key changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The first broken line (1-based) and what is wrong with it; the detail may quote the line, so it is escaped. */
    public record Problem(int line, Kind kind, String detail) {

        public Problem {
            detail = Printable.of(detail);
        }

        public String message() {
            return "line " + line + ": " + kind.label() + ": " + detail;
        }
    }

    /**
     * The outcome.
     *
     * @param records how many lines verified before the first problem (all of them when there is none)
     * @param head    the SHA-256 of the last verified line: keep it elsewhere to detect lines removed from the end later
     * @param signers the fingerprints of the keys that signed the verified records
     */
    public record Result(Path ledger, int records, String head, Set<String> signers, Problem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private final PublicKeys known;
    private final Collection<String> trustedPrimaryFingerprints;

    /**
     * @param known                      certificates to look signing keys up in
     * @param trustedPrimaryFingerprints the primary fingerprints of the certificates whose keys are trusted
     */
    public LedgerVerifier(PublicKeys known, Collection<String> trustedPrimaryFingerprints) {
        this.known = known;
        this.trustedPrimaryFingerprints = Set.copyOf(trustedPrimaryFingerprints);
    }

    public Result verify(Path ledger) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(ledger);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(ledger.toString(), null, "there is no ledger at this path");
        }
        return verify(ledger, content);
    }

    Result verify(Path ledger, byte[] content) {
        LedgerFormat.Lines lines = LedgerFormat.lines(content);
        List<byte[]> all = lines.lines();
        // Where each record number is, read leniently, to tell a reordering from a deletion; and who signed each line.
        Map<Long, Integer> lineOfSequence = new HashMap<>();
        List<String> keyOfLine = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            try {
                LedgerFormat.ParsedLine parsed = LedgerFormat.parse(all.get(i));
                lineOfSequence.putIfAbsent(parsed.sequence(), i + 1);
                keyOfLine.add(parsed.signature().keyid());
            } catch (LedgerFormatException e) {
                keyOfLine.add(null); // reported in order below
            }
        }
        Set<String> signers = new TreeSet<>();
        String previousHash = null;
        long previousSequence = 0;
        for (int i = 0; i < all.size(); i++) {
            int number = i + 1;
            byte[] line = all.get(i);
            Optional<Problem> problem = check(number, line, previousSequence, previousHash, lineOfSequence, signers,
                    i == 0 ? null : keyOfLine.get(i - 1));
            if (problem.isEmpty() && number == all.size() && !lines.complete()) {
                problem = Optional.of(new Problem(number, Kind.INCOMPLETE, "the last line has no line end: the write that added it was "
                        + "cut off, or it was edited (the next record-deployment would refuse to append)"));
            }
            if (problem.isPresent()) {
                return new Result(ledger, i, previousHash, signers, problem.get());
            }
            previousHash = LedgerFormat.hash(line);
            previousSequence++;
        }
        return new Result(ledger, all.size(), previousHash, signers, null);
    }

    private Optional<Problem> check(int number, byte[] line, long previousSequence, String previousHash, Map<Long, Integer> lineOfSequence,
                                    Set<String> signers, String previousKey) {
        LedgerFormat.ParsedLine parsed;
        try {
            parsed = LedgerFormat.parse(line);
        } catch (LedgerFormatException e) {
            // Redacted: a parser message quotes pieces of the line, and a hand-edited line may hold anything.
            return Optional.of(new Problem(number, Kind.MALFORMED, "not a ledger record: " + dev.securebuild.shared.secrets.Redaction.redactPieces(e.getMessage())));
        }
        LedgerFormat.Signature signature = parsed.signature();
        Optional<LedgerFormat.KeyRotation> rotation;
        try {
            rotation = LedgerFormat.rotation(parsed.record());
        } catch (LedgerFormatException e) {
            return Optional.of(new Problem(number, Kind.MALFORMED, "not a ledger record: " + e.getMessage()));
        }
        Optional<CertificateKeys.MessageKey> key;
        try {
            key = CertificateKeys.find(known, signature.keyid());
        } catch (SigningException e) {
            return Optional.of(new Problem(number, Kind.BAD_SIGNATURE, e.getMessage()));
        }
        if (key.isEmpty() || !trustedPrimaryFingerprints.contains(key.get().primaryFingerprint())) {
            return Optional.of(new Problem(number, Kind.UNKNOWN_KEY, "signed by key " + signature.keyid()
                    + (key.isEmpty() ? ", which no trusted certificate holds" : " of certificate " + key.get().primaryFingerprint()
                    + ", which is not trusted")));
        }
        try {
            if (!PgpSigner.verifyMessage(signature.scheme(), key.get().publicKey(), parsed.canonical(), signature.sig())) {
                return Optional.of(new Problem(number, Kind.EDITED, "its content does not match its signature by " + signature.keyid()
                        + ": the line was changed after it was signed"));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(new Problem(number, Kind.BAD_SIGNATURE, "its " + signature.scheme() + " signature by " + signature.keyid()
                    + " cannot be checked: " + e.getMessage()));
        }
        long expected = previousSequence + 1;
        long sequence = parsed.sequence();
        if (sequence != expected) {
            Integer elsewhere = lineOfSequence.get(expected);
            if (elsewhere != null && elsewhere != number) {
                return Optional.of(new Problem(number, Kind.REORDERED, "it holds record " + sequence + " where record " + expected
                        + " belongs; record " + expected + " is on line " + elsewhere));
            }
            if (sequence > expected) {
                return Optional.of(new Problem(number, Kind.DELETED, (number == 1 ? "the ledger starts at record " + sequence
                        : "record " + sequence + " follows record " + previousSequence) + ": record" + (sequence - expected > 1
                        ? "s " + expected + " to " + (sequence - 1) + " are" : " " + expected + " is") + " missing"));
            }
            return Optional.of(new Problem(number, Kind.REORDERED, "it holds record " + sequence + " again, after record " + previousSequence
                    + " (a record copied in out of order)"));
        }
        if (number == 1 ? parsed.previous() != null : !previousHash.equals(parsed.previous())) {
            return Optional.of(new Problem(number, Kind.REPLACED, number == 1
                    ? "record 1 names a previous record (" + parsed.previous() + "): it is not the start of this ledger"
                    : "its previous is " + parsed.previous() + ", but line " + (number - 1) + " has SHA-256 " + previousHash
                    + ": line " + (number - 1) + " is not the record this one was chained to"));
        }
        Optional<Problem> keyChange = keyChange(number, signature.keyid(), previousKey, rotation);
        if (keyChange.isPresent()) {
            return keyChange;
        }
        signers.add(signature.keyid());
        return Optional.empty();
    }

    /** A record signed by another key than the one before must declare that change, and a declared change must be the one made. */
    private static Optional<Problem> keyChange(int number, String key, String previousKey, Optional<LedgerFormat.KeyRotation> rotation) {
        if (rotation.isEmpty()) {
            return previousKey == null || previousKey.equals(key) ? Optional.empty() : Optional.of(new Problem(number, Kind.KEY_CHANGED,
                    "signed by key " + key + ", but line " + (number - 1) + " by key " + previousKey + ", and it declares no change of key "
                    + "(keyRotation): a record signed with another trusted key was added"));
        }
        LedgerFormat.KeyRotation declared = rotation.get();
        if (previousKey == null || !declared.previous().equals(previousKey) || !declared.next().equals(key) || previousKey.equals(key)) {
            return Optional.of(new Problem(number, Kind.KEY_CHANGED, "it declares a change of key from " + declared.previous() + " to "
                    + declared.next() + ", but it is signed by key " + key + (previousKey == null ? " and is the first record"
                    : " and line " + (number - 1) + " by key " + previousKey)));
        }
        return Optional.empty();
    }
}
