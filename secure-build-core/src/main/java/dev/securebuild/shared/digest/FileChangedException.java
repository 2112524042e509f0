package dev.securebuild.shared.digest;

import java.io.IOException;
import java.nio.file.Path;

/** The file was modified while it was being read, so its digests and signature would describe no real content. */
public class FileChangedException extends IOException {
    public FileChangedException(Path file, String what) {
        super(file + " changed while it was being read (" + what + "); make sure no other process writes it during the build");
    }
}
