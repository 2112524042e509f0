package dev.securebuild.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.text.Printable;

/**
 * Checks a provenance file: each envelope's payload type, its signature by a trusted key (over the PAE, with the
 * JDK), the statement's types, and that every subject's digests are those of the file it names. Every problem is
 * reported, not only the first.
 */
public final class ProvenanceVerifier {

    /** The keys a verification trusts. */
    public interface Keys {
        /** The key with this fingerprint (primary or subkey) among the known certificates, or null. */
        MessageKey find(String keyid) throws SigningException;

        /** Whether the certificate that holds the key is trusted. */
        boolean trusted(MessageKey key);
    }

    /**
     * One problem.
     *
     * @param file     the file it is about: a subject's name, or the provenance file
     * @param check    {@code payloadType}, {@code signature}, {@code statement}, {@code digest}, {@code missing}, {@code uncovered}
     *                 or {@code source}
     * @param expected what the provenance says (or what was expected), may be null
     * @param actual   what was found, may be null
     */
    public record Failure(String file, String check, String expected, String actual, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    /**
     * What one statement records of the working tree its sources were read from.
     *
     * @param where which envelope of which file
     * @param tree  the recorded state; null when the statement does not say (no git work tree, no git, an older version)
     */
    public record SourceState(String where, Provenance.WorkingTree tree) {}

    /**
     * The outcome: the subjects whose digests matched, the keys whose signatures verified, the failures, and what
     * each statement says of its sources.
     */
    public record Result(List<String> verifiedSubjects, Set<String> signedBy, List<Failure> failures, List<SourceState> sources) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Map<String, DigestAlgorithm> ALGORITHMS = Map.of("sha256", DigestAlgorithm.SHA256, "sha512", DigestAlgorithm.SHA512);

    private final Keys keys;
    private final Function<String, Path> files;
    private final boolean requireCleanSource;

    /**
     * @param files where the file a subject names is (the subject's name in, the path out); null for a name not known
     */
    public ProvenanceVerifier(Keys keys, Function<String, Path> files) {
        this(keys, files, false);
    }

    /**
     * @param requireCleanSource a statement that records a working tree with uncommitted changes, or that does not say,
     *                           is a failure (check {@code source})
     */
    public ProvenanceVerifier(Keys keys, Function<String, Path> files, boolean requireCleanSource) {
        this.keys = keys;
        this.files = files;
        this.requireCleanSource = requireCleanSource;
    }

    /**
     * @param provenanceName how messages name the provenance file
     * @param mustCover      names of files that a subject must name (the project's outputs); empty to check only the subjects
     */
    public Result verify(String provenanceName, List<Dsse.Envelope> envelopes, Set<String> mustCover) throws SigningException {
        List<Failure> failures = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        Set<String> signedBy = new LinkedHashSet<>();
        Set<String> covered = new LinkedHashSet<>();
        List<SourceState> sources = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            Dsse.Envelope envelope = envelopes.get(i);
            String where = provenanceName + (envelopes.size() == 1 ? "" : " (envelope " + (i + 1) + ")");
            if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
                failures.add(new Failure(provenanceName, "payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE, envelope.payloadType(),
                        where + ": payloadType is '" + Printable.abbreviated(envelope.payloadType()) + "', expected '" + Dsse.IN_TOTO_PAYLOAD_TYPE + "'"));
                continue;
            }
            checkSignatures(where, provenanceName, envelope, signedBy, failures);
            JsonNode statement = statement(where, provenanceName, envelope.payload(), failures);
            if (statement == null) {
                continue;
            }
            for (JsonNode subject : statement.get("subject")) {
                String name = subject.get("name").asText();
                covered.add(name);
                if (checkSubject(name, subject.get("digest"), failures)) {
                    verified.add(name);
                }
            }
            checkSource(where, provenanceName, statement, sources, failures);
        }
        for (String name : mustCover) {
            if (!covered.contains(name)) {
                failures.add(new Failure(name, "uncovered", null, null,
                        Printable.abbreviated(name) + ": the build produced it, but no subject of " + provenanceName + " names it"));
            }
        }
        return new Result(verified, signedBy, failures, sources);
    }

    /** Reads what the statement says of its sources; with requireCleanSource, anything but a clean tree fails. */
    private void checkSource(String where, String provenanceName, JsonNode statement, List<SourceState> sources, List<Failure> failures) {
        Provenance.WorkingTree tree;
        try {
            tree = RecordedWorkingTree.read(statement);
        } catch (IllegalArgumentException e) {
            failures.add(statementFailure(provenanceName, where + ": " + e.getMessage()));
            return;
        }
        sources.add(new SourceState(where, tree));
        if (!requireCleanSource) {
            return;
        }
        if (tree == null) {
            failures.add(new Failure(provenanceName, "source", "clean", "unknown", where + ": the provenance does not say whether its sources"
                    + " were committed (no " + RecordedWorkingTree.FIELD + ": built outside a git work tree, without git, or by an earlier"
                    + " version), and a clean source is required"));
        } else if (!tree.clean()) {
            failures.add(new Failure(provenanceName, "source", "clean", "dirty", where + ": built from a git working tree with uncommitted"
                    + " changes (" + tree.describe() + "), and a clean source is required"));
        }
    }

    /**
     * DSSE lets an envelope carry signatures for different verifiers: one by a key we do not know or do not trust
     * does not count, and does not fail the envelope when a trusted one verifies. But a signature that names a trusted
     * key and does not verify is a failure even beside a good one: our key did not make it, or the envelope changed.
     */
    private void checkSignatures(String where, String provenanceName, Dsse.Envelope envelope, Set<String> signedBy, List<Failure> failures)
            throws SigningException {
        byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
        List<String> problems = new ArrayList<>();
        List<String> badTrusted = new ArrayList<>();
        boolean good = false;
        for (Dsse.Signature signature : envelope.signatures()) {
            String keyid = Printable.abbreviated(signature.keyid());
            MessageKey key = keyid.isBlank() ? null : keys.find(signature.keyid());
            if (key == null) {
                problems.add("key " + (keyid.isBlank() ? "(no keyid)" : keyid) + " is not among the known keys");
            } else if (!keys.trusted(key)) {
                problems.add("key " + keyid + " is not trusted");
            } else if (!key.verify(pae, signature.sig())) {
                badTrusted.add("the signature by " + keyid + " does not verify (payload or signature changed)");
            } else {
                good = true;
                signedBy.add(key.fingerprint());
            }
        }
        if (!badTrusted.isEmpty()) {
            failures.add(new Failure(provenanceName, "signature", "every signature by a trusted key verifies", String.join("; ", badTrusted),
                    where + (good ? ": a signature by a trusted key does not verify, beside a good one: " : ": no valid signature by a trusted key: ")
                            + String.join("; ", badTrusted) + (problems.isEmpty() || good ? "" : "; " + String.join("; ", problems))));
        } else if (!good) {
            failures.add(new Failure(provenanceName, "signature", "a valid signature by a trusted key", String.join("; ", problems),
                    where + ": no valid signature by a trusted key: " + String.join("; ", problems)));
        }
    }

    /** The statement, checked for what this verification reads; null after adding a failure. */
    private static JsonNode statement(String where, String provenanceName, byte[] payload, List<Failure> failures) {
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonParseException e) {
            failures.add(statementFailure(provenanceName, where + ": the payload is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + Printable.abbreviated(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            failures.add(statementFailure(provenanceName, where + ": the payload is not JSON: " + Printable.abbreviated(e.getMessage())));
            return null;
        }
        if (node == null || !node.isObject()) {
            failures.add(statementFailure(provenanceName, where + ": the payload is not an in-toto statement (a JSON object)"));
            return null;
        }
        String type = node.path("_type").asText(null);
        if (!Provenance.STATEMENT_TYPE.equals(type)) {
            failures.add(new Failure(provenanceName, "statement", Provenance.STATEMENT_TYPE, type,
                    where + ": _type is " + quoted(type) + ", expected '" + Provenance.STATEMENT_TYPE + "'"));
            return null;
        }
        String predicateType = node.path("predicateType").asText(null);
        if (!Provenance.PREDICATE_TYPE.equals(predicateType)) {
            failures.add(new Failure(provenanceName, "statement", Provenance.PREDICATE_TYPE, predicateType,
                    where + ": predicateType is " + quoted(predicateType) + ", expected '" + Provenance.PREDICATE_TYPE + "'"));
            return null;
        }
        JsonNode subjects = node.get("subject");
        if (subjects == null || !subjects.isArray() || subjects.isEmpty()) {
            failures.add(statementFailure(provenanceName, where + ": expected 'subject', a non-empty array"));
            return null;
        }
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode subject = subjects.get(i);
            if (!subject.path("name").isTextual() || !subject.path("digest").isObject()) {
                failures.add(statementFailure(provenanceName, where + ": subject[" + i + "] needs a 'name' (string) and a 'digest' (object)"));
                return null;
            }
        }
        return node;
    }

    /** True when every sha256/sha512 the subject gives matches the file. */
    private boolean checkSubject(String name, JsonNode digest, List<Failure> failures) {
        Map<DigestAlgorithm, String> expected = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = digest.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            DigestAlgorithm algorithm = ALGORITHMS.get(entry.getKey());
            if (algorithm != null) {
                expected.put(algorithm, entry.getValue().asText().toLowerCase(Locale.ROOT));
            }
        }
        if (expected.isEmpty()) {
            failures.add(new Failure(name, "statement", "sha256 or sha512", String.join(",", fieldNames(digest)),
                    Printable.abbreviated(name) + ": its subject gives no sha256 or sha512 digest"));
            return false;
        }
        Path file = files.apply(name);
        if (file == null || !Files.isRegularFile(file)) {
            failures.add(new Failure(name, "missing", null, null,
                    Printable.abbreviated(name) + ": the provenance names it, but " + (file == null ? "this build has no such file" : Printable.of(file.toString()) + " does not exist")));
            return false;
        }
        FileDigest actual;
        try {
            actual = OnePassReader.read(file, EnumSet.copyOf(expected.keySet()));
        } catch (NoSuchFileException e) {
            failures.add(new Failure(name, "missing", null, null, Printable.abbreviated(name) + ": " + Printable.of(file.toString()) + " does not exist"));
            return false;
        } catch (IOException e) {
            failures.add(new Failure(name, "missing", null, null, Printable.abbreviated(name) + ": cannot read " + Printable.of(file.toString()) + ": " + Printable.of(e.getMessage())));
            return false;
        }
        boolean matches = true;
        for (Map.Entry<DigestAlgorithm, String> entry : expected.entrySet()) {
            String found = actual.hex(entry.getKey());
            if (!found.equals(entry.getValue())) {
                matches = false;
                failures.add(new Failure(name, "digest", entry.getValue(), found, Printable.abbreviated(name) + ": " + entry.getKey().jcaName() + " of " + Printable.of(file.toString())
                        + " is " + found + ", the provenance says " + Printable.abbreviated(entry.getValue())));
            }
        }
        return matches;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Failure statementFailure(String file, String message) {
        return new Failure(file, "statement", null, null, message);
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + Printable.abbreviated(value) + "'";
    }
}
