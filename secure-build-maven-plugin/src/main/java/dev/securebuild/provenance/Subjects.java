package dev.securebuild.provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;

/** The statement's subjects: each produced file read once for its SHA-256 and SHA-512. */
public final class Subjects {

    static final Set<DigestAlgorithm> ALGORITHMS = EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);

    /** A file to describe, under the name it is deployed as. */
    public record Named(String name, Path file) {}

    private Subjects() {}

    public static List<Provenance.Subject> of(List<Named> files) throws IOException {
        List<Provenance.Subject> subjects = new ArrayList<>();
        for (Named named : files) {
            FileDigest digest = OnePassReader.read(named.file(), ALGORITHMS);
            Map<String, String> hex = new LinkedHashMap<>();
            hex.put("sha256", digest.hex(DigestAlgorithm.SHA256));
            hex.put("sha512", digest.hex(DigestAlgorithm.SHA512));
            subjects.add(new Provenance.Subject(named.name(), hex));
        }
        return subjects;
    }
}
