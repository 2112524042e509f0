package dev.securebuild.enforcer.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.eclipse.aether.SessionData;
import dev.securebuild.shared.session.SessionCache;

/**
 * Which module of the build reported each offender first, so that a component that fails (or warns) the same way in
 * many modules is described in full once and in one line after that. Shared by the modules of one session, also when
 * they are built in parallel (-T): the first module to claim an offender reports it.
 */
public final class ReportedOffenders {

    private static final String SESSION_KEY = SessionCache.realmKey(ReportedOffenders.class, "offenders");

    private final ConcurrentMap<String, String> firstModules = new ConcurrentHashMap<>();

    /** The record of the session that {@code data} belongs to, created by the first module that asks. */
    public static ReportedOffenders of(SessionData data) {
        return SessionCache.get(data, SESSION_KEY, ReportedOffenders::new);
    }

    /**
     * Claims the offender {@code key} for {@code module}: returns null when {@code module} reports it (it is the first,
     * or it reported it before, e.g. in another execution), else the module that reported it first.
     */
    public String alreadyReportedFor(String key, String module) {
        Objects.requireNonNull(module, "module");
        String first = firstModules.putIfAbsent(key, module);
        return first == null || first.equals(module) ? null : first;
    }
}
