package dev.securebuild.shared.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.aether.SessionData;

/**
 * What our rules keep for the length of one build, in the resolver session's data: shared by all modules and threads
 * of the build, and gone with it (a JVM that outlives builds, such as mvnd's, starts afresh). The one place that
 * creates a value there once per build: the rules' caches and the goals' reactor aggregations use it.
 */
public final class SessionCache {

    private SessionCache() {}

    /** The value under {@code key}, created by the first caller; under {@code -T}, all callers get the same one. */
    @SuppressWarnings("unchecked")
    public static <T> T get(SessionData data, String key, Supplier<T> create) {
        Object value = data.get(key);
        // Compare-and-set: the SessionData of Maven 3.8's resolver has no computeIfAbsent.
        while (value == null) {
            T created = create.get();
            value = data.set(key, null, created) ? created : data.get(key);
        }
        return (T) value;
    }

    /**
     * A key for values of this class loader's classes: {@code owner}'s name, {@code name}, and which copy of
     * {@code owner} it is. Each plugin realm that loads our jars (the rules in the Enforcer's, the goals in the plugin's,
     * another version of either) gets its own keys, so no one finds an object of another realm's class under them.
     */
    public static String realmKey(Class<?> owner, String name) {
        return owner.getName() + "." + name + "@" + Integer.toHexString(System.identityHashCode(owner));
    }

    /** A concurrent map under {@code key}, created by the first caller. */
    public static <V> Map<String, V> map(SessionData data, String key) {
        return get(data, key, ConcurrentHashMap::new);
    }
}
