package dev.securebuild.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a module uses an artifact: as what ({@link Kind}), in which scope (dependencies only), and through which
 * artifact it came ({@code by}: its parent in the dependency graph, the plugin of a plugin's dependency, the nearer
 * POM of a parent, the importing POM of a BOM; null when the module declares it itself). Following {@code by} gives the
 * path that brought it in.
 */
public final class LockedUse implements Comparable<LockedUse> {

    /** What an artifact is to a module; named in the lock file in lower case with dashes. */
    public enum Kind {
        PARENT, BOM, EXTENSION, EXTENSION_DEPENDENCY, PLUGIN, PLUGIN_DEPENDENCY, DEPENDENCY;

        // Asked for every use of a reactor's lock: made once.
        private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

        public String label() {
            return label;
        }

        /** @throws IllegalArgumentException naming the kinds */
        public static Kind parse(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return kind;
                }
            }
            StringBuilder expected = new StringBuilder("expected ");
            for (Kind kind : values()) {
                expected.append(kind.label()).append(kind.ordinal() < values().length - 2 ? ", " : kind.ordinal() == values().length - 2 ? " or " : "");
            }
            throw new IllegalArgumentException(expected.toString());
        }
    }

    private final Kind kind;
    private final LockKey artifact;
    private final String scope;
    private final LockKey by;
    private final String identity;

    public LockedUse(Kind kind, LockKey artifact, String scope, LockKey by) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.scope = scope == null || scope.isEmpty() ? null : LockKey.part(scope, "scope");
        this.by = by;
        this.identity = kind.label() + " " + artifact + (this.scope == null ? "" : " (" + this.scope + ")");
    }

    public Kind kind() {
        return kind;
    }

    public LockKey artifact() {
        return artifact;
    }

    /** The dependency's scope; null for every other kind. */
    public String scope() {
        return scope;
    }

    /** What brought it in; null when the module declares it. */
    public LockKey by() {
        return by;
    }

    /**
     * As format 2 of the lock writes it: {@code <kind> [<scope>] <artifact> [by <artifact>]}, the scope for a
     * dependency only (no part holds a space).
     */
    public String text() {
        return kind.label() + (scope == null ? "" : " " + scope) + " " + artifact + (by == null ? "" : " by " + by);
    }

    /**
     * Reads {@link #text()}; {@code keys} turns an artifact's text into its key (a reader shares them).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static LockedUse parse(String text, java.util.function.Function<String, LockKey> keys) {
        // A reactor's lock holds thousands of uses: cut at each space, no regular expression.
        List<String> cut = new ArrayList<>(5);
        int from = 0;
        for (int space = text.indexOf(' '); space >= 0 && cut.size() < 6; space = text.indexOf(' ', from)) {
            cut.add(text.substring(from, space));
            from = space + 1;
        }
        cut.add(text.substring(from));
        String[] parts = cut.toArray(new String[0]);
        Kind kind = Kind.parse(parts[0]);
        int artifact = kind == Kind.DEPENDENCY ? 2 : 1;
        boolean by = parts.length == artifact + 3 && parts[artifact + 1].equals("by");
        if (parts.length != artifact + 1 && !by) {
            throw new IllegalArgumentException("expected " + (kind == Kind.DEPENDENCY ? "\"dependency <scope> <artifact> [by <artifact>]\""
                    : "\"" + kind.label() + " <artifact> [by <artifact>]\""));
        }
        return new LockedUse(kind, keys.apply(parts[artifact]), kind == Kind.DEPENDENCY ? parts[1] : null, by ? keys.apply(parts[artifact + 2]) : null);
    }

    /** The same use of the same artifact (kind, artifact and scope), whichever path brought it in. */
    public String identity() {
        return identity;
    }

    @Override
    public int compareTo(LockedUse other) {
        // By kind, artifact, scope, then what brought it in: written out, a reactor's lock sorts tens of thousands.
        int order = kind.compareTo(other.kind);
        if (order == 0) {
            order = artifact.compareTo(other.artifact);
        }
        if (order == 0) {
            order = (scope == null ? "" : scope).compareTo(other.scope == null ? "" : other.scope);
        }
        if (order == 0) {
            order = (by == null ? "" : by.toString()).compareTo(other.by == null ? "" : other.by.toString());
        }
        return order;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockedUse && identity.equals(((LockedUse) other).identity) && Objects.equals(by, ((LockedUse) other).by);
    }

    @Override
    public int hashCode() {
        return identity.hashCode() * 31 + (by == null ? 0 : by.hashCode());
    }

    @Override
    public String toString() {
        return identity() + (by == null ? "" : " by " + by);
    }
}
