package dev.securebuild.shared.notify;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of event someone is told about, each with the security events that are of that kind (docs/events.md) and
 * the property that says where its notification goes ({@code secure-build.notify.<name>}).
 */
public enum NotifyKind {
    /** A gate blocked the build: the scanner gate, the release gate, an Enforcer rule, a build that differs. */
    BLOCKED("blocked", "a gate blocked the build",
            Set.of("policy.failed", "release.blocked", "allowlist.failed", "secrets.found", "lock.failed", "reproducibility.failed")),
    /** A finding or a rule's violation was let through by an exception. */
    EXCEPTION_USED("exception-used", "an exception was used", Set.of("exception.used")),
    /** An exception or an approval ends soon. */
    EXPIRING("expiring", "an exception or approval expires soon", Set.of("exception.expiring", "approval.expiring")),
    /** A signature, a provenance or the ledger did not verify. */
    VERIFICATION_FAILED("verification-failed", "a verification failed",
            Set.of("artifact.verification-failed", "provenance.verification-failed", "ledger.broken"));

    private final String label;
    private final String words;
    private final Set<String> eventTypes;

    NotifyKind(String label, String words, Set<String> eventTypes) {
        this.label = label;
        this.words = words;
        this.eventTypes = eventTypes;
    }

    /** As it is named in properties and messages ({@code blocked}). */
    public String label() {
        return label;
    }

    /** In a sentence ({@code a gate blocked the build}). */
    public String words() {
        return words;
    }

    /** The property that names where this kind's notifications go. */
    public String property() {
        return NotifyTargets.PREFIX + label;
    }

    /**
     * The kind of a security event; empty for one nobody is told about. An Enforcer rule at level WARN records its
     * failure with {@code failsBuild: false}: that blocked nothing.
     */
    public static Optional<NotifyKind> of(String eventType, Map<String, ?> fields) {
        if (Boolean.FALSE.equals(fields.get("failsBuild"))) {
            return Optional.empty();
        }
        for (NotifyKind kind : values()) {
            if (kind.eventTypes.contains(eventType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
