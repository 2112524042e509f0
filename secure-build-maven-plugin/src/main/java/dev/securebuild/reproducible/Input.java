package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One side of a comparison: a file on disk, or the bytes of an entry of an archive (never written out).
 *
 * @param location how reports name it ({@code app.war!/WEB-INF/lib/core.jar})
 * @param name     the last part of the name, for choosing how to compare it
 * @param path     the file, or null
 * @param bytes    the content, or null
 * @param depth    how many archives it is nested in
 * @param where    how errors name it: the side and the file's path, with the entries inside it
 *                 ({@code right /builds/b/app.war!/WEB-INF/lib/core.jar}), so that a broken input is found at once
 */
record Input(String location, String name, Path path, byte[] bytes, int depth, String where) {

    static Input file(String location, Path path, String side) {
        return new Input(location, path.getFileName().toString(), path, null, 0, side + " " + path);
    }

    static Input nested(Input parent, String entryName, byte[] bytes) {
        int slash = entryName.lastIndexOf('/', entryName.length() - 2);
        return new Input(parent.location + "!/" + entryName, entryName.substring(slash + 1), null, bytes, parent.depth + 1,
                parent.where + "!/" + entryName);
    }

    InputStream open() throws IOException {
        return path != null ? Files.newInputStream(path) : new ByteArrayInputStream(bytes);
    }

    long size() throws IOException {
        return path != null ? Files.size(path) : bytes.length;
    }

    /** The first bytes, to tell an archive or a class file by its magic number rather than its name. */
    byte[] head(int count) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(count);
        }
    }
}
