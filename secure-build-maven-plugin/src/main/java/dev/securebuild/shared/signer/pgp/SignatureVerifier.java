package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.MessageDigest;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

import dev.securebuild.shared.signer.SigningException;

/** Checks a detached OpenPGP signature against a document and a set of known certificates. */
public final class SignatureVerifier {

    public enum Status {
        /** The signature is good and made by a known key. */
        VALID,
        /** The signature does not match the document, cannot be read, or uses a broken digest. */
        INVALID,
        /** The signature names a key that is not among the known ones. */
        UNKNOWN_KEY
    }

    /**
     * @param primaryFingerprint    the certificate (primary key) of the first signer, when known
     * @param signingKeyFingerprint the key that made the first signature, when known
     * @param detail                why it is not valid, or which key signed
     * @param signers               every key whose signature verified, in the order of the file (all of them when valid)
     */
    public record Outcome(Status status, String primaryFingerprint, String signingKeyFingerprint, String detail, List<Signer> signers) {
        public Outcome {
            signers = List.copyOf(signers);
        }

        Outcome(Status status, String primaryFingerprint, String signingKeyFingerprint, String detail) {
            this(status, primaryFingerprint, signingKeyFingerprint, detail, List.of());
        }
    }

    /** A key whose signature verified: its certificate's fingerprint and its own. */
    public record Signer(String primaryFingerprint, String signingKeyFingerprint) {}

    private static final int BUFFER_SIZE = 256 * 1024;

    /** Checks the signature against a document read from a stream. */
    public Outcome verify(byte[] detachedSignature, InputStream document, PublicKeys known) throws IOException {
        // The JDK's own providers check what BouncyCastle signed: a second implementation, and faster digests.
        return verify(detachedSignature, known, new JcaPGPContentVerifierBuilderProvider(), signatures -> {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = document.read(buffer)) != -1) {
                for (PGPSignature signature : signatures) {
                    signature.update(buffer, 0, read);
                }
            }
        });
    }

    /**
     * Checks a SHA-512 signature against a document given by its SHA-512 state (see {@code Signer#sign}): the whole
     * packet is checked by BouncyCastle, the public-key operation by the JDK, and the document is not read again.
     */
    public Outcome verify(byte[] detachedSignature, MessageDigest documentSha512, PublicKeys known) throws IOException {
        return verify(detachedSignature, known, new DigestedContent.VerifierProvider(documentSha512, known), signatures -> {});
    }

    /**
     * Makes ready to check, with {@link #verify(byte[], MessageDigest, PublicKeys)}, signatures by the key with this
     * fingerprint: converts it for the JDK once and loads the JDK's verifier for its algorithm. A cold JVM spends tens
     * to hundreds of milliseconds there the first time (docs/benchmarks.md); {@code sign} does it while its files are
     * still being hashed, not before the first check. Nothing is checked here.
     *
     * @throws SigningException when no certificate here holds the key, or the JDK cannot check its signatures
     */
    public static void prepare(PublicKeys known, String fingerprint) throws SigningException {
        PGPPublicKey key = known.key(fingerprint).orElseThrow(() -> new SigningException("Key " + fingerprint
                + " is not in the certificate it was given with"));
        try {
            RawSignatures.prepareVerify(key, known.jdkKey(key));
        } catch (PGPException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new SigningException("The JDK cannot check signatures by key " + fingerprint + ": " + KeyRings.safeMessage(e), e);
        }
    }

    @FunctionalInterface
    private interface Feeder {
        void feed(List<PGPSignature> signatures) throws IOException;
    }

    /**
     * Every signature in the file must be good, by a known key, as gpgv requires: a file that holds a good signature
     * beside another file's signature, or beside a signature by an unknown key, is not a good signature file.
     */
    private Outcome verify(byte[] detachedSignature, PublicKeys known, PGPContentVerifierBuilderProvider verifiers, Feeder document)
            throws IOException {
        List<PGPSignature> signatures;
        try {
            signatures = DetachedSignatures.read(detachedSignature);
        } catch (IOException | PGPException | RuntimeException e) {
            return new Outcome(Status.INVALID, null, null, "not a readable OpenPGP signature: " + KeyRings.safeMessage(e));
        }
        if (signatures.isEmpty()) {
            return new Outcome(Status.INVALID, null, null, "holds no OpenPGP signature");
        }
        String several = signatures.size() == 1 ? "" : "holds " + signatures.size() + " signatures and every one must verify: ";
        record Candidate(PGPSignature signature, PGPPublicKey key) {}
        List<Candidate> candidates = new ArrayList<>();
        List<String> unknownIssuers = new ArrayList<>();
        for (PGPSignature signature : signatures) {
            byte[] issuerFingerprint = issuerFingerprint(signature);
            Optional<PGPPublicKey> key = known.key(issuerFingerprint, signature.getKeyID());
            if (key.isEmpty()) {
                unknownIssuers.add(issuerFingerprint != null
                        ? HexFormat.of().withUpperCase().formatHex(issuerFingerprint)
                        : String.format("%016X", signature.getKeyID()));
                continue;
            }
            if (isBroken(signature.getHashAlgorithm())) {
                return new Outcome(Status.INVALID, null, Pgp.fingerprint(key.get()),
                        several + "made with a broken digest (" + hashName(signature.getHashAlgorithm()) + ")");
            }
            try {
                signature.init(verifiers, key.get());
            } catch (PGPException e) {
                return new Outcome(Status.INVALID, null, Pgp.fingerprint(key.get()), several + "cannot be checked: " + KeyRings.safeMessage(e));
            }
            candidates.add(new Candidate(signature, key.get()));
        }
        if (candidates.isEmpty()) {
            String unknown = unknownIssuers.get(0);
            return new Outcome(Status.UNKNOWN_KEY, null, unknown, several + "made by key " + unknown + ", which is not among the known keys");
        }

        document.feed(candidates.stream().map(Candidate::signature).toList());
        List<Signer> signers = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String signer = Pgp.fingerprint(candidate.key());
            try {
                if (!candidate.signature().verify()) {
                    return new Outcome(Status.INVALID, null, signer, which(several, signer)
                            + "does not match the file (the file or the signature was changed after signing, or it signs another file)");
                }
            } catch (PGPException e) {
                return new Outcome(Status.INVALID, null, signer, several + "cannot be checked: " + KeyRings.safeMessage(e));
            }
            Optional<PGPPublicKeyRing> ring = known.ringOf(candidate.key());
            String primary = ring.map(PGPPublicKeyRing::getPublicKey).map(Pgp::fingerprint).orElse(signer);
            Optional<String> problem = keyProblem(candidate.key(), ring.map(PGPPublicKeyRing::getPublicKey).orElse(null),
                    candidate.signature().getCreationTime().toInstant());
            if (problem.isPresent()) {
                return new Outcome(Status.INVALID, primary, signer, which(several, signer) + "matches the file, but " + problem.get());
            }
            signers.add(new Signer(primary, signer));
        }
        if (!unknownIssuers.isEmpty()) {
            return new Outcome(Status.INVALID, signers.get(0).primaryFingerprint(), signers.get(0).signingKeyFingerprint(), several
                    + "the signature by key " + unknownIssuers.get(0) + " cannot be checked, the key is not among the known keys", signers);
        }
        String names = String.join(", ", signers.stream().map(Signer::signingKeyFingerprint).toList());
        return new Outcome(Status.VALID, signers.get(0).primaryFingerprint(), signers.get(0).signingKeyFingerprint(), "signed by " + names, signers);
    }

    /** Which signature a message is about, when the file holds several. */
    private static String which(String several, String signer) {
        return several.isEmpty() ? "" : several + "the signature by " + signer + " ";
    }

    /** A good signature still does not count when its key is revoked, or when it was made after the key expired. */
    private static Optional<String> keyProblem(PGPPublicKey key, PGPPublicKey primary, java.time.Instant signedAt) {
        for (PGPPublicKey candidate : primary == null || primary == key ? List.of(key) : List.of(primary, key)) {
            String fingerprint = Pgp.fingerprint(candidate);
            if (candidate.hasRevocation()) {
                return Optional.of("key " + fingerprint + " is revoked");
            }
            long validSeconds = candidate.getValidSeconds();
            java.time.Instant expires = candidate.getCreationTime().toInstant().plusSeconds(validSeconds);
            if (validSeconds > 0 && !signedAt.isBefore(expires)) {
                return Optional.of("it was made on " + signedAt + ", after key " + fingerprint + " expired on " + expires);
            }
        }
        return Optional.empty();
    }

    private static byte[] issuerFingerprint(PGPSignature signature) {
        for (var vector : new org.bouncycastle.openpgp.PGPSignatureSubpacketVector[] {signature.getHashedSubPackets(), signature.getUnhashedSubPackets()}) {
            if (vector != null) {
                IssuerFingerprint fingerprint = vector.getIssuerFingerprint();
                if (fingerprint != null) {
                    return fingerprint.getFingerprint();
                }
            }
        }
        return null;
    }

    private static boolean isBroken(int hashAlgorithm) {
        return hashAlgorithm == HashAlgorithmTags.MD5 || hashAlgorithm == HashAlgorithmTags.SHA1
                || hashAlgorithm == HashAlgorithmTags.RIPEMD160;
    }

    private static String hashName(int hashAlgorithm) {
        return switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            default -> "algorithm " + hashAlgorithm;
        };
    }
}
