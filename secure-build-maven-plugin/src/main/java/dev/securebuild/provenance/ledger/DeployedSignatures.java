package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.securebuild.shared.signer.pgp.DetachedSignatures;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;

/**
 * Which deployed files carry a signature that the record's own key made. A {@code .asc} next to a file is not proof
 * enough for an audit record: it may be another key's (a developer's, a stale one) or not match the file, and the
 * record would then vouch for a signature that no verifier with the organization's key accepts.
 */
public final class DeployedSignatures {

    /**
     * @param signed   the files whose {@code .asc} verifies with the record's key
     * @param problems one line per {@code .asc} that does not: {@code NAME.asc: why}
     */
    public record Check(List<String> signed, List<String> problems) {
        public Check {
            signed = List.copyOf(signed);
            problems = List.copyOf(problems);
        }
    }

    private DeployedSignatures() {}

    /**
     * @param deployed every deployed file by its repository name, signatures included
     * @param files    the names to check (the deployed files that are not signatures or checksums)
     * @param key      the certificate of the key that signs the record
     */
    public static Check check(Map<String, Path> deployed, List<String> files, PublicKeys key) throws IOException {
        List<String> signed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SignatureVerifier verifier = new SignatureVerifier();
        for (String name : files) {
            Path signature = deployed.get(name + ".asc");
            Path file = deployed.get(name);
            if (signature == null || file == null) {
                continue;
            }
            SignatureVerifier.Outcome outcome;
            try (InputStream document = Files.newInputStream(file)) {
                outcome = verifier.verify(DetachedSignatures.readFile(signature), document, key);
            }
            if (outcome.status() == SignatureVerifier.Status.VALID) {
                signed.add(name);
            } else {
                problems.add(name + ".asc: " + outcome.detail());
            }
        }
        return new Check(signed, problems);
    }
}
