package dev.securebuild.reproducible;

/** What differs between two builds' outputs, from the most to the least telling; the report sorts by it. */
public enum DifferenceKind {
    /** A file or folder of outputs is on one side only. */
    MISSING("missing"),
    /** The archive lists an entry the other does not. */
    ENTRY_ADDED("entry added"),
    ENTRY_REMOVED("entry removed"),
    /** Compiled for another Java release. */
    CLASS_VERSION("class file version"),
    /** Same release, other bytecode or constant pool: another compiler. */
    CLASS_CONTENT("class content"),
    MANIFEST_ATTRIBUTE("manifest attribute"),
    /** Text that differs only in CRLF against LF. */
    LINE_ENDINGS("line endings"),
    TEXT_CONTENT("text content"),
    BINARY_CONTENT("binary content"),
    /** The same entries in another order. */
    ENTRY_ORDER("entry order"),
    ENTRY_TIMESTAMP("entry timestamps"),
    /** Unix file modes, as zip external attributes or tar modes. */
    ENTRY_PERMISSIONS("file modes"),
    /** The rest of the zip external attributes (the DOS bits, the "made by" platform). */
    ENTRY_ATTRIBUTES("entry attributes"),
    /** Owner and group recorded in a tar. */
    ENTRY_OWNER("entry owner"),
    COMPRESSION_METHOD("compression method"),
    EXTRA_FIELDS("extra fields"),
    ARCHIVE_COMMENT("archive comment"),
    /** Bytes of the container itself (gzip header, zip layout) when every entry is the same. */
    CONTAINER("container bytes");

    private final String label;

    DifferenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
