package dev.securebuild.lock;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.securebuild.shared.text.Printable;

/**
 * Holds what one module resolves now to the lock: every artifact it uses must be listed for that module, at that
 * version, with the same bytes; every artifact listed must still be used. Each violation says what to do: look at the
 * change, and accept it with {@value #ACCEPT} after review.
 */
public final class LockCheck {

    /** The one command that rewrites the lock from what the build resolves. */
    public static final String ACCEPT = "mvn secure-build:lock";

    /** What is wrong. */
    public enum Kind { MODULE_NOT_LOCKED, DIGEST_MISMATCH, VERSION_MOVED, UNLISTED, NO_LONGER_RESOLVED, EXCLUSION_EXPIRED }

    /** One thing the lock does not allow, in words. */
    public static final class Violation {
        private final Kind kind;
        private final String artifact;
        private final String message;
        private final List<String> path;

        Violation(Kind kind, String artifact, String message) {
            this(kind, artifact, message, List.of());
        }

        Violation(Kind kind, String artifact, String message, List<String> path) {
            this.kind = kind;
            this.artifact = artifact;
            this.message = message;
            this.path = List.copyOf(path);
        }

        public Kind kind() {
            return kind;
        }

        /** The artifact (or exclusion pattern, or module) it is about. */
        public String artifact() {
            return artifact;
        }

        public String message() {
            return message;
        }

        /** The path that brought the artifact in, the module first; empty when the violation is not about one use. */
        public List<String> path() {
            return path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Violation && kind == ((Violation) other).kind && message.equals(((Violation) other).message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, message);
        }

        @Override
        public String toString() {
            return message;
        }
    }

    private LockCheck() {}

    /**
     * @param lockFile  the lock's file, for messages
     * @param actual    what the module uses now, collected as the lock was
     * @param resolved  the files of the artifacts it resolves now, by key (an artifact without a file here is not
     *                  compared byte for byte)
     * @param pluginsNotRun the plugins {@code actual} lists without their dependencies (the build does not run them):
     *                  a dependency only they bring in is not expected
     * @param today     for the exclusions' expiry
     */
    public static List<Violation> check(LockFile lock, Path lockFile, ModuleLock actual, Map<LockKey, ResolvedFile> resolved,
                                        Set<LockKey> pluginsNotRun, List<LockExclusion> exclusions, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        List<LockExclusion> inForce = new ArrayList<>();
        for (LockExclusion exclusion : exclusions) {
            if (exclusion.expired(today)) {
                violations.add(new Violation(Kind.EXCLUSION_EXPIRED, exclusion.pattern(), "the lock exclusion " + exclusion + " expired on "
                        + exclusion.expires() + ": renew it (a new expires) or remove it, so that those artifacts are locked again"));
            } else {
                inForce.add(exclusion);
            }
        }
        ModuleLock locked = lock.modules().get(actual.module());
        if (locked == null) {
            violations.add(new Violation(Kind.MODULE_NOT_LOCKED, actual.module(), "module " + actual.module() + " is not in the lock " + lockFile
                    + ": lock the reactor with " + ACCEPT + " and review what it adds"));
            return violations;
        }
        Map<String, LockedUse> lockedUses = byIdentity(locked, inForce);
        Map<String, LockedUse> actualUses = byIdentity(actual, inForce);
        Set<String> moved = new HashSet<>();
        for (LockedUse use : actualUses.values()) {
            if (lockedUses.containsKey(use.identity())) {
                continue;
            }
            LockedUse earlier = earlier(use, lockedUses, actualUses);
            List<String> steps = actual.path(use);
            String path = String.join(" -> ", steps);
            if (earlier != null) {
                moved.add(earlier.identity());
                violations.add(new Violation(Kind.VERSION_MOVED, use.artifact().toString(), use.kind().label() + " " + use.artifact().versionless()
                        + " moved from " + earlier.artifact().version() + " to " + use.artifact().version() + " in " + actual.module()
                        + "\n  path: " + path + "\n  review the change, then accept it with " + ACCEPT, steps));
            } else {
                violations.add(new Violation(Kind.UNLISTED, use.artifact().toString(), use.identity() + " is used by " + actual.module()
                        + " and not in the lock " + lockFile + "\n  path: " + path + "\n  review it, then accept it with " + ACCEPT, steps));
            }
        }
        Set<String> notExpected = broughtOnlyThrough(locked, pluginsNotRun);
        for (LockedUse use : lockedUses.values()) {
            if (!actualUses.containsKey(use.identity()) && !moved.contains(use.identity()) && !notExpected.contains(use.identity())) {
                violations.add(new Violation(Kind.NO_LONGER_RESOLVED, use.artifact().toString(), use.identity() + " is in the lock for "
                        + actual.module() + " and no longer used\n  locked path: " + String.join(" -> ", locked.path(use))
                        + "\n  review the change, then accept it with " + ACCEPT, locked.path(use)));
            }
        }
        Set<LockKey> compared = new HashSet<>();
        for (LockedUse use : actualUses.values()) {
            LockedArtifact expected = lock.artifacts().get(use.artifact());
            ResolvedFile file = resolved.get(use.artifact());
            if (expected == null || file == null || !compared.add(use.artifact()) || file.sameBytes(expected)) {
                continue;
            }
            violations.add(new Violation(Kind.DIGEST_MISMATCH, use.artifact().toString(), use.artifact() + ": the bytes of "
                    + Printable.of(file.file().toString()) + " are not the ones locked\n  sha256 " + file.sha256() + ", locked " + expected.sha256()
                    + "\n  from repository " + repository(file.repository()) + ", locked from " + repository(expected.repository())
                    + "\n  a tampered file, a changed mirror or a re-released version: find out which before accepting it with " + ACCEPT,
                    actual.path(use)));
        }
        return violations;
    }

    /**
     * The locked use {@code use} moved from: of its kind and artifact at another version, not used now; one brought in
     * by the same artifact first (another plugin may use the artifact at a third version).
     */
    private static LockedUse earlier(LockedUse use, Map<String, LockedUse> lockedUses, Map<String, LockedUse> actualUses) {
        LockedUse any = null;
        for (LockedUse locked : lockedUses.values()) {
            if (locked.kind() == use.kind() && locked.artifact().versionless().equals(use.artifact().versionless())
                    && !actualUses.containsKey(locked.identity())) {
                if (Objects.equals(locked.by(), use.by())) {
                    return locked;
                }
                any = any == null ? locked : any;
            }
        }
        return any;
    }

    /**
     * The plugin dependencies of a locked module that may come from {@code plugins} alone, by identity. The lock keeps
     * one set of plugin dependencies for all plugins, each with the artifact that brought it in: a use is expected from
     * the other plugins only when what brought it in cannot be reached from these (it lies on the path of a plugin
     * that runs, then). A use both may bring in is not expected: it is still checked when the plugins that run use it.
     */
    static Set<String> broughtOnlyThrough(ModuleLock locked, Set<LockKey> plugins) {
        if (plugins.isEmpty()) {
            return Set.of();
        }
        Map<LockKey, List<LockedUse>> below = new HashMap<>();
        for (LockedUse use : locked.uses()) {
            if (use.kind() == LockedUse.Kind.PLUGIN_DEPENDENCY && use.by() != null) {
                below.computeIfAbsent(use.by(), by -> new ArrayList<>()).add(use);
            }
        }
        Set<LockKey> reached = new HashSet<>(plugins);
        ArrayDeque<LockKey> toVisit = new ArrayDeque<>(plugins);
        while (!toVisit.isEmpty()) {
            for (LockedUse use : below.getOrDefault(toVisit.poll(), List.of())) {
                if (reached.add(use.artifact())) {
                    toVisit.add(use.artifact());
                }
            }
        }
        Set<String> expected = new HashSet<>();
        Set<String> notExpected = new HashSet<>();
        for (List<LockedUse> uses : below.values()) {
            for (LockedUse use : uses) {
                (reached.contains(use.by()) ? notExpected : expected).add(use.identity());
            }
        }
        notExpected.removeAll(expected);
        return notExpected;
    }

    /** The repository id as recorded (by the local repository, or in the hand-editable lock): escaped, it may be anything. */
    private static String repository(String id) {
        return id.isEmpty() ? "(not recorded)" : Printable.of(id);
    }

    private static Map<String, LockedUse> byIdentity(ModuleLock module, List<LockExclusion> exclusions) {
        Map<String, LockedUse> uses = new LinkedHashMap<>();
        for (LockedUse use : module.uses()) {
            if (exclusions.isEmpty() || exclusions.stream().noneMatch(e -> e.matches(use.artifact()))) {
                uses.putIfAbsent(use.identity(), use);
            }
        }
        return uses;
    }
}
