package dev.securebuild.sign;

import java.nio.file.Path;
import java.util.Map;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.outputs.ProducedFile;

/** What became of one produced file: its digests, its checksum sidecars and, when signing, its signature. */
public record SignedFile(ProducedFile produced, FileDigest digest, Map<DigestAlgorithm, Path> sidecars, Path signature) {

    public SignedFile {
        sidecars = Map.copyOf(sidecars);
    }
}
