package dev.securebuild.shared.location;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.securebuild.shared.text.Printable;

/**
 * A list or policy given as a path that names nothing: its message names the absolute path looked at and why there
 * ({@link LocationBase#whyThere}), {@code "/r/gate.yaml does not exist: a relative path is read from the top of the
 * reactor /r (the folder with .mvn/); ..."}.
 */
public final class MissingFileException extends NoSuchFileException {

    private static final long serialVersionUID = 1L;

    private final String whyThere;

    MissingFileException(Path file, String whyThere) {
        super(file.toString());
        this.whyThere = whyThere;
    }

    @Override
    public String getMessage() {
        return Printable.of(getFile()) + " does not exist" + whyThere;
    }
}
