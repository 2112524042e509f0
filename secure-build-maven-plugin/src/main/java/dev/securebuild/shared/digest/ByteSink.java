package dev.securebuild.shared.digest;

/** Something that consumes the bytes of a file as they are read: a digest, a signature. */
@FunctionalInterface
public interface ByteSink {
    void update(byte[] bytes, int offset, int length);
}
