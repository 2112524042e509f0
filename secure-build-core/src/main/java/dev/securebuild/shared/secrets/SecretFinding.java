package dev.securebuild.shared.secrets;

/**
 * Something that looks like a secret, at a file, line and column (both from 1). Holds the masked value and the
 * fingerprint, never the value: a finding can be logged, printed or kept without leaking what it found.
 */
public final class SecretFinding {
    private final String file;
    private final int line;
    private final int column;
    private final SecretKind kind;
    private final String masked;
    private final String fingerprint;
    private final String where;
    private final AllowList.Entry allowedBy;

    SecretFinding(String file, int line, int column, SecretKind kind, String masked, String fingerprint, String where,
            AllowList.Entry allowedBy) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.masked = masked;
        this.fingerprint = fingerprint;
        this.where = where;
        this.allowedBy = allowedBy;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public SecretKind kind() {
        return kind;
    }

    public String masked() {
        return masked;
    }

    /** SHA-256 of the value, lowercase hex: what an allow-list entry may name. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The element or key that holds it ({@code <github.token>}, {@code db.password}), or null when there is none. */
    public String where() {
        return where;
    }

    /** The allow-list entry that declared it a known false positive, or null. */
    public AllowList.Entry allowedBy() {
        return allowedBy;
    }

    public boolean allowed() {
        return allowedBy != null;
    }

    /** {@code pom.xml:14:20: GitHub token ghp_****(40 chars) in <github.token>} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + kind.label() + " " + masked + (where == null ? "" : " in " + where);
    }
}
