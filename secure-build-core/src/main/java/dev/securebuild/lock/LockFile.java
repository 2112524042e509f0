package dev.securebuild.lock;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reactor's lock: every artifact any module resolves, once, with the digests of its bytes, and per module how it
 * uses which ({@code secure-build.lock.json} at the top of the reactor; format {@value #FORMAT}, docs/goals/lock.md).
 */
public final class LockFile {

    /** The format this version writes (and reads). A lock of an unknown format is refused with the way to rewrite it. */
    public static final String FORMAT = "secure-build-lock/2";

    /** The first format: still read, so that a lock written before keeps working until it is written again. */
    public static final String FORMAT_1 = "secure-build-lock/1";

    /** Its name, at the top of the reactor. */
    public static final String FILE = "secure-build.lock.json";

    private final Map<LockKey, LockedArtifact> artifacts;
    private final Map<String, ModuleLock> modules;
    private final String format;

    public LockFile(Collection<LockedArtifact> artifacts, Collection<ModuleLock> modules) {
        this(artifacts, modules, FORMAT);
    }

    /** @param format the format it was read in */
    LockFile(Collection<LockedArtifact> artifacts, Collection<ModuleLock> modules, String format) {
        this.format = format;
        Map<LockKey, LockedArtifact> byKey = new HashMap<>();
        for (LockedArtifact artifact : artifacts) {
            LockedArtifact earlier = byKey.putIfAbsent(artifact.key(), artifact);
            if (earlier != null && !earlier.sameBytes(artifact)) {
                throw new IllegalArgumentException(artifact.key() + " is given twice with different digests");
            }
        }
        Map<String, ModuleLock> byModule = new TreeMap<>();
        for (ModuleLock module : modules) {
            if (byModule.put(module.module(), module) != null) {
                throw new IllegalArgumentException("module " + module.module() + " is given twice");
            }
            for (LockedUse use : module.uses()) {
                if (!byKey.containsKey(use.artifact())) {
                    throw new IllegalArgumentException(module.module() + " uses " + use.artifact() + ", which has no digests in the lock");
                }
            }
        }
        this.artifacts = Collections.unmodifiableMap(new TreeMap<>(byKey));
        this.modules = Collections.unmodifiableMap(byModule);
    }

    /** The format it was read in ({@link #FORMAT} when made in memory): {@link #FORMAT_1} asks to be written again. */
    public String format() {
        return format;
    }

    /** By key, sorted. */
    public Map<LockKey, LockedArtifact> artifacts() {
        return artifacts;
    }

    /** By {@code groupId:artifactId}, sorted. */
    public Map<String, ModuleLock> modules() {
        return modules;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockFile && artifacts.equals(((LockFile) other).artifacts) && modules.equals(((LockFile) other).modules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(artifacts, modules);
    }
}
