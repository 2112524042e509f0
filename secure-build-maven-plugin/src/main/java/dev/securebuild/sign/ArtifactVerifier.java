package dev.securebuild.sign;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.shared.concurrent.Parallel;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.signer.pgp.DetachedSignatures;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.outputs.ProducedFile;

/**
 * The engine of goal {@code verify-signatures}: checks each file against its detached signature, the trusted keys and its
 * checksum files, in one read of the file, and says OK, BAD, MISSING or UNTRUSTED KEY with the reason.
 */
public final class ArtifactVerifier {

    public enum Status {
        OK("OK"), BAD("BAD"), MISSING("MISSING"), UNTRUSTED_KEY("UNTRUSTED KEY");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Line(String name, Status status, String detail) {
        @Override
        public String toString() {
            return String.format("%-13s %s: %s", status.label(), name, detail);
        }
    }

    private final PublicKeys knownKeys;
    private final Set<String> trustedFingerprints;
    private final boolean requireChecksums;
    private final int threads;

    /**
     * @param knownKeys certificates to check signatures with
     * @param trustedFingerprints primary or signing-key fingerprints whose signatures count as trusted
     * @param requireChecksums whether a file without any checksum is BAD
     */
    public ArtifactVerifier(PublicKeys knownKeys, Set<String> trustedFingerprints, boolean requireChecksums, int threads) {
        this.knownKeys = knownKeys;
        this.trustedFingerprints = Set.copyOf(trustedFingerprints);
        this.requireChecksums = requireChecksums;
        this.threads = threads;
    }

    public List<Line> verify(List<VerificationTarget> targets) {
        List<Line> lines = new ArrayList<>();
        for (Parallel.Outcome<VerificationTarget, Line> outcome : Parallel.map(targets, threads, "secure-build-verify", this::verify)) {
            lines.add(outcome.failed()
                    ? new Line(outcome.item().name(), Status.BAD, "cannot be checked: " + outcome.failure().getMessage())
                    : outcome.value());
        }
        return lines;
    }

    Line verify(VerificationTarget target) throws IOException {
        if (!Files.isRegularFile(target.file())) {
            return new Line(target.name(), Status.MISSING, "the file " + target.file() + " does not exist");
        }
        Map<DigestAlgorithm, String> expected = new EnumMap<>(DigestAlgorithm.class);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<DigestAlgorithm, Path> sidecar : target.sidecars().entrySet()) {
            try {
                expected.put(sidecar.getKey(), ChecksumFiles.readSidecar(sidecar.getValue(), sidecar.getKey()));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        target.summaryDigests().forEach((algorithm, hex) -> {
            String fromSidecar = expected.putIfAbsent(algorithm, hex);
            if (fromSidecar != null && !fromSidecar.equals(hex)) {
                problems.add("its " + algorithm.jcaName() + " sidecar and summary disagree");
            }
        });

        Set<DigestAlgorithm> algorithms = expected.isEmpty() ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(expected.keySet());
        Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
        algorithms.forEach(algorithm -> digests.put(algorithm, algorithm.newMessageDigest()));

        SignatureVerifier.Outcome signature = null;
        boolean hasSignature = target.signature() != null && Files.isRegularFile(target.signature());
        try (InputStream in = new DigestingStream(Files.newInputStream(target.file()), digests.values())) {
            if (hasSignature) {
                signature = new SignatureVerifier().verify(DetachedSignatures.readFile(target.signature()), in, knownKeys);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }

        HexFormat hex = HexFormat.of();
        for (DigestAlgorithm algorithm : algorithms) {
            String actual = hex.formatHex(digests.get(algorithm).digest());
            if (!actual.equals(expected.get(algorithm))) {
                problems.add(algorithm.jcaName() + " is " + actual + ", the checksum file says " + expected.get(algorithm));
            }
        }
        // A signed summary is itself the list of checksums: it has none of its own to require.
        boolean summary = ProducedFile.isSignatureOrChecksum(target.file().getFileName().toString());
        if (requireChecksums && algorithms.isEmpty() && !summary) {
            problems.add("no checksum file was found for it");
        }

        String checked = algorithms.isEmpty() ? "no checksums" : "checksums " + String.join(", ", algorithms.stream().map(DigestAlgorithm::jcaName).toList()) + " match";
        if (signature != null && signature.status() == SignatureVerifier.Status.INVALID) {
            problems.add(0, "signature " + signature.detail());
        }
        if (!problems.isEmpty()) {
            return new Line(target.name(), Status.BAD, String.join("; ", problems));
        }
        if (!hasSignature) {
            return new Line(target.name(), Status.MISSING, "no signature " + (target.signature() == null ? "" : target.signature() + " ") + "(" + checked + ")");
        }
        if (signature.status() == SignatureVerifier.Status.UNKNOWN_KEY) {
            return new Line(target.name(), Status.UNTRUSTED_KEY, "signature " + signature.detail() + " (" + checked + ")");
        }
        // Every signature of the file counts: one by a known but untrusted key beside a trusted one is not trusted.
        for (SignatureVerifier.Signer signer : signature.signers()) {
            if (!trustedFingerprints.contains(signer.primaryFingerprint()) && !trustedFingerprints.contains(signer.signingKeyFingerprint())) {
                return new Line(target.name(), Status.UNTRUSTED_KEY, "good signature by key " + signer.signingKeyFingerprint()
                        + ", which is not trusted (" + checked + ")");
            }
        }
        String signers = String.join(", ", signature.signers().stream().map(SignatureVerifier.Signer::signingKeyFingerprint).toList());
        return new Line(target.name(), Status.OK, (signature.signers().size() == 1 ? "good signature by " : "good signatures by ") + signers
                + ", " + checked);
    }

    /** Feeds what the signature check reads into the checksum digests, so the file is read once. */
    private static final class DigestingStream extends FilterInputStream {
        private final List<MessageDigest> digests;

        DigestingStream(InputStream in, java.util.Collection<MessageDigest> digests) {
            super(in);
            this.digests = List.copyOf(digests);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digests.forEach(d -> d.update((byte) b));
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                digests.forEach(d -> d.update(buffer, offset, read));
            }
            return read;
        }
    }
}
