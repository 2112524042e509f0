package dev.securebuild.lock;


import dev.securebuild.shared.text.Printable;

/**
 * One artifact as the lock names it: {@code groupId:artifactId:extension:version}, or with a classifier
 * {@code groupId:artifactId:extension:classifier:version} (the order Maven's resolver prints). Two keys that differ
 * only in their version are the same artifact at another version: a version that moved.
 */
public final class LockKey implements Comparable<LockKey> {

    private final String groupId;
    private final String artifactId;
    private final String extension;
    private final String classifier;
    private final String version;
    // Keys are compared and hashed tens of thousands of times per build (a reactor's uses): their text is made once.
    private final String text;

    public LockKey(String groupId, String artifactId, String extension, String classifier, String version) {
        this.groupId = part(groupId, "groupId");
        this.artifactId = part(artifactId, "artifactId");
        this.extension = part(extension, "extension");
        this.classifier = classifier == null ? "" : classifier;
        if (!this.classifier.isEmpty()) {
            part(this.classifier, "classifier");
        }
        this.version = part(version, "version");
        this.text = versionless() + ":" + this.version;
    }

    /** A part of a key, or a scope: text that reaches the log as it is, so it may not forge a line or hide text. */
    static String part(String value, String name) {
        // A key from a hand-edited lock reaches the log: nothing in it may forge a line or hide text.
        if (value == null || value.isEmpty() || value.indexOf(':') >= 0 || hasSpaceOrControl(value) || !Printable.isPrintable(value)) {
            throw new IllegalArgumentException(name + " is empty or holds ':', a space or a control character");
        }
        return value;
    }

    private static boolean hasSpaceOrControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws IllegalArgumentException for a text that is not {@code g:a:extension[:classifier]:version}
     */
    public static LockKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length == 4) {
            return new LockKey(parts[0], parts[1], parts[2], "", parts[3]);
        }
        if (parts.length == 5) {
            return new LockKey(parts[0], parts[1], parts[2], parts[3], parts[4]);
        }
        throw new IllegalArgumentException("expected groupId:artifactId:extension[:classifier]:version");
    }

    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    public String extension() {
        return extension;
    }

    /** Empty when it has none. */
    public String classifier() {
        return classifier;
    }

    public String version() {
        return version;
    }

    /** The artifact without its version: what stays when a version moves. */
    public String versionless() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    @Override
    public int compareTo(LockKey other) {
        int order = groupId.compareTo(other.groupId);
        if (order == 0) {
            order = artifactId.compareTo(other.artifactId);
        }
        if (order == 0) {
            order = extension.compareTo(other.extension);
        }
        if (order == 0) {
            order = classifier.compareTo(other.classifier);
        }
        return order != 0 ? order : version.compareTo(other.version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockKey && text.equals(((LockKey) other).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
