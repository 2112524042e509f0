package dev.securebuild.lock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one module of the reactor uses: every artifact it resolves, each with how it uses it ({@link LockedUse}), and
 * the reactor's own modules it depends on, by coordinates only ({@code groupId:artifactId:version}): those are built,
 * not downloaded, so they have no bytes to lock.
 */
public final class ModuleLock {

    private final String module;
    private final List<LockedUse> uses;
    private final List<String> reactor;

    /** @param module {@code groupId:artifactId} */
    public ModuleLock(String module, Collection<LockedUse> uses, Collection<String> reactor) {
        this.module = Objects.requireNonNull(module, "module");
        List<LockedUse> list = new ArrayList<>(uses);
        // A lock's uses are read in their written order: sorted, each once, which costs one look at each.
        this.uses = Collections.unmodifiableList(sortedOnce(list) ? list : new ArrayList<>(new TreeSet<>(uses)));
        this.reactor = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(reactor)));
    }

    private static boolean sortedOnce(List<LockedUse> uses) {
        for (int i = 1; i < uses.size(); i++) {
            if (uses.get(i - 1).compareTo(uses.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    public String module() {
        return module;
    }

    /** Sorted, each once. */
    public List<LockedUse> uses() {
        return uses;
    }

    /** Sorted, each once. */
    public List<String> reactor() {
        return reactor;
    }

    /**
     * The path that brought {@code use} in, the module first and the artifact last, following each {@code by} through
     * the uses of this module (a dependency's through dependencies, a plugin dependency's to its plugin).
     */
    public List<String> path(LockedUse use) {
        List<String> path = new ArrayList<>();
        path.add(use.artifact().toString());
        Set<LockKey> seen = new HashSet<>();
        LockKey by = use.by();
        LockedUse.Kind kind = use.kind();
        while (by != null && seen.add(by)) {
            path.add(by.toString());
            LockedUse parent = null;
            for (LockedUse candidate : uses) {
                if (candidate.artifact().equals(by) && broughtBy(kind, candidate.kind())) {
                    parent = candidate;
                    break;
                }
            }
            if (parent == null) {
                break;
            }
            kind = parent.kind();
            by = parent.by();
        }
        path.add(module);
        Collections.reverse(path);
        return path;
    }

    /** Whether a use of kind {@code kind} can be brought in by one of kind {@code by}: a plugin's dependency by another or by the plugin. */
    private static boolean broughtBy(LockedUse.Kind kind, LockedUse.Kind by) {
        if (kind == LockedUse.Kind.PLUGIN_DEPENDENCY) {
            return by == LockedUse.Kind.PLUGIN_DEPENDENCY || by == LockedUse.Kind.PLUGIN;
        }
        if (kind == LockedUse.Kind.EXTENSION_DEPENDENCY) {
            return by == LockedUse.Kind.EXTENSION_DEPENDENCY || by == LockedUse.Kind.EXTENSION;
        }
        return by == kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModuleLock && module.equals(((ModuleLock) other).module) && uses.equals(((ModuleLock) other).uses)
                && reactor.equals(((ModuleLock) other).reactor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(module, uses, reactor);
    }
}
