package dev.securebuild.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.securebuild.shared.concurrent.Parallel;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.outputs.ProducedFile;

/**
 * The engine of goals {@code sign} and {@code checksums}: one read of each produced file feeds every digest, and its
 * SHA-512 also the signature; files are handled in parallel; each signature is checked against the public key before
 * it is written; every output is written atomically.
 */
public final class HashAndSign {

    /**
     * @param algorithms the digests to write as sidecars (and summaries)
     * @param summaryFormat whether to write {@code SHA256SUMS}-style summaries, and in which line format
     * @param outputDirectory where sidecars, signatures and summaries go
     * @param threads how many files are read at once
     */
    public record Options(Set<DigestAlgorithm> algorithms, SummaryFormat summaryFormat, Path outputDirectory, int threads) {
        public Options {
            algorithms = Set.copyOf(algorithms);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    /**
     * Loads the signer. {@link #run(Collection, SignerLoader)} calls it on the calling thread while the workers
     * already read and hash the files: reading the key and starting BouncyCastle take a cold JVM about as long as
     * hashing a few hundred MiB (docs/benchmarks.md).
     */
    @FunctionalInterface
    public interface SignerLoader<E extends Exception> {
        Signer load() throws E;
    }

    /** The signer with its certificate parsed and the JDK's check of its signatures made ready, as every worker uses it. */
    private record Key(Signer signer, PublicKeys certificate) {
        static Key of(Signer signer) throws SigningException {
            PublicKeys certificate = PublicKeys.parse(signer.armoredPublicKey(), "the signing key's certificate");
            // Here, beside the hashing, rather than in the first file's check: the JDK's verifier starts slowly when cold.
            SignatureVerifier.prepare(certificate, signer.fingerprint());
            return new Key(signer, certificate);
        }
    }

    /** A file's digests, and its outputs when the key was there by the time it was hashed. */
    private record Hashed(OnePassReader.Read read, SignedFile signed) {}

    private static final String THREADS = "secure-build-sign";

    private final Options options;
    /** The key the last signing run loaded; null after checksums only. */
    private volatile Key key;

    public HashAndSign(Options options) {
        this.options = options;
    }

    /** One line on what {@link #run} did, for the log and the result file. */
    public String summary(List<SignedFile> results) {
        Signer signer = key == null ? null : key.signer();
        int count = results.size();
        String digests = String.join(", ", options.algorithms().stream().sorted().map(DigestAlgorithm::jcaName).toList());
        return (signer == null ? "Hashed " : "Signed and hashed ") + count + (count == 1 ? " file" : " files") + " (" + digests + ")"
                + (signer == null ? "" : " with key " + signer.fingerprint() + ", every signature verified")
                + " in " + options.outputDirectory();
    }

    /** Hashes every file: checksums only. */
    public List<SignedFile> run(Collection<ProducedFile> files) throws ProcessingException {
        key = null;
        return collect(Parallel.map(deduplicate(files), options.threads(), THREADS, file -> write(file, read(file, false), null)));
    }

    /**
     * Hashes and signs every file, loading the signer on this thread while the workers hash: a file hashed once the key
     * is there is signed by the same worker; those hashed before it are signed afterwards, in parallel too (their
     * digests wait, not their bytes). Nothing is written for a file before its signature is made and checked, so a
     * key that cannot be loaded leaves no output, and its failure is thrown once, as the loader threw it.
     */
    public <E extends Exception> List<SignedFile> run(Collection<ProducedFile> files, SignerLoader<E> loader)
            throws ProcessingException, SigningException, E {
        CompletableFuture<Key> loaded = new CompletableFuture<>();
        List<Parallel.Outcome<ProducedFile, Hashed>> hashed;
        Key ready;
        try (Parallel.Running<ProducedFile, Hashed> running = Parallel.start(deduplicate(files), options.threads(), THREADS, file -> {
            OnePassReader.Read read = read(file, true);
            Key now = loaded.getNow(null);
            return new Hashed(read, now == null ? null : write(file, read, now));
        })) {
            ready = Key.of(loader.load());   // a failure closes the pool: the hashing stops, nothing was written
            key = ready;
            loaded.complete(ready);
            hashed = running.outcomes();
        }
        return collect(signTheRest(hashed, ready));
    }

    /** Signs the files that were hashed before the key was there, and gives every file's outcome in the order of the files. */
    private List<Parallel.Outcome<ProducedFile, SignedFile>> signTheRest(List<Parallel.Outcome<ProducedFile, Hashed>> hashed, Key key) {
        Map<ProducedFile, OnePassReader.Read> waited = new LinkedHashMap<>();
        for (Parallel.Outcome<ProducedFile, Hashed> outcome : hashed) {
            if (!outcome.failed() && outcome.value().signed() == null) {
                waited.put(outcome.item(), outcome.value().read());
            }
        }
        Iterator<Parallel.Outcome<ProducedFile, SignedFile>> signedLater = Parallel.map(new ArrayList<>(waited.keySet()), options.threads(),
                THREADS, file -> write(file, waited.get(file), key)).iterator();
        List<Parallel.Outcome<ProducedFile, SignedFile>> outcomes = new ArrayList<>();
        for (Parallel.Outcome<ProducedFile, Hashed> outcome : hashed) {
            if (outcome.failed()) {
                outcomes.add(new Parallel.Outcome<>(outcome.item(), null, outcome.failure()));
            } else if (outcome.value().signed() != null) {
                outcomes.add(new Parallel.Outcome<>(outcome.item(), outcome.value().signed(), null));
            } else {
                outcomes.add(signedLater.next());
            }
        }
        return outcomes;
    }

    private List<SignedFile> collect(List<Parallel.Outcome<ProducedFile, SignedFile>> outcomes) throws ProcessingException {
        List<SignedFile> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Parallel.Outcome<ProducedFile, SignedFile> outcome : outcomes) {
            if (outcome.failed()) {
                problems.add(describe(outcome.item(), outcome.failure()));
            } else {
                results.add(outcome.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new ProcessingException(problems);
        }
        try {
            writeSummaries(results);
            removeStaleChecksums(results);
        } catch (IOException e) {
            throw new ProcessingException(List.of("Cannot write the checksum summaries in " + options.outputDirectory() + ": " + e.getMessage()));
        }
        return results;
    }

    /** The same file attached twice (a POM project's artifact is its POM) is handled once; outputs never are. */
    private static List<ProducedFile> deduplicate(Collection<ProducedFile> files) {
        Map<String, ProducedFile> byName = new LinkedHashMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (ProducedFile file : files) {
            if (file.isSignatureOrChecksum()) {
                continue;
            }
            Path normalized = file.file().toAbsolutePath().normalize();
            if (seen.add(normalized)) {
                byName.putIfAbsent(file.repositoryName(), file);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private OnePassReader.Read read(ProducedFile produced, boolean signing) throws IOException {
        Set<DigestAlgorithm> toRead = EnumSet.noneOf(DigestAlgorithm.class);
        toRead.addAll(options.algorithms());
        if (signing) {
            toRead.add(DigestAlgorithm.SHA512);
        }
        return OnePassReader.readDigests(produced.file(), toRead);
    }

    /** Signs (with a key) and checks the signature, then writes the signature and the sidecars. @param key null for checksums only */
    private SignedFile write(ProducedFile produced, OnePassReader.Read read, Key key) throws IOException, SigningException {
        Path signatureFile = null;
        if (key != null) {
            // The same SHA-512 state gives the sidecar, the signature and the check of the signature.
            MessageDigest documentSha512 = read.digest(DigestAlgorithm.SHA512);
            byte[] armored = key.signer().sign(documentSha512);
            checkSignature(key, armored, documentSha512);
            signatureFile = options.outputDirectory().resolve(produced.repositoryName() + ".asc");
            writeOutput(signatureFile, armored);
        }
        FileDigest digest = read.finish(options.algorithms());
        Map<DigestAlgorithm, Path> sidecars = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : options.algorithms()) {
            Path sidecar = options.outputDirectory().resolve(produced.repositoryName() + "." + algorithm.extension());
            // Repository format: lowercase hex and nothing else, not even a newline.
            writeOutput(sidecar, digest.hex(algorithm).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sidecars.put(algorithm, sidecar);
        }
        return new SignedFile(produced, digest, sidecars, signatureFile);
    }

    /**
     * Checks the whole signature packet against the public key and the digest of the bytes that were read; the
     * reader has already made sure the file did not change while it was read.
     */
    private static void checkSignature(Key key, byte[] armored, MessageDigest documentSha512) throws IOException, SigningException {
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(armored, documentSha512, key.certificate());
        if (outcome.status() != SignatureVerifier.Status.VALID) {
            throw new SigningException("the signature just made with key " + key.signer().fingerprint() + " does not verify: "
                    + outcome.detail() + "; nothing was written for this file");
        }
    }

    private static void writeOutput(Path target, byte[] content) throws IOException {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    private void writeSummaries(List<SignedFile> results) throws IOException {
        if (options.summaryFormat() == SummaryFormat.NONE || results.isEmpty()) {
            return;
        }
        List<SignedFile> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.produced().repositoryName()));
        for (DigestAlgorithm algorithm : options.algorithms()) {
            StringBuilder lines = new StringBuilder();
            for (SignedFile result : sorted) {
                lines.append(options.summaryFormat().line(algorithm, result.digest().hex(algorithm), result.produced().repositoryName()));
            }
            AtomicFiles.writeString(options.outputDirectory().resolve(algorithm.summaryFileName()), lines.toString());
        }
    }

    /**
     * Sidecars and summaries of algorithms (or a summary format) an earlier run used and this one does not: left in
     * place, verify-signatures would check against them.
     */
    private void removeStaleChecksums(List<SignedFile> results) throws IOException {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            boolean inUse = options.algorithms().contains(algorithm);
            if (!inUse || options.summaryFormat() == SummaryFormat.NONE) {
                Files.deleteIfExists(options.outputDirectory().resolve(algorithm.summaryFileName()));
            }
            if (!inUse) {
                for (SignedFile result : results) {
                    Files.deleteIfExists(options.outputDirectory().resolve(result.produced().repositoryName() + "." + algorithm.extension()));
                }
            }
        }
    }

    private static String describe(ProducedFile file, Throwable cause) {
        String message = reason(cause);
        return message.contains(file.file().toString()) ? message : file.file() + ": " + message;
    }

    private static String reason(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
