package dev.securebuild.findings;

/** How a policy exception stood in this check; each is written to the security event log. */
public enum ExceptionState {
    /** In force, and it matched at least one finding. */
    USED,
    /** In force and matched, but expires within the warning period. */
    EXPIRING,
    /** Past its expiry: the findings it matched block again, and the exception itself is a violation. */
    EXPIRED,
    /** It matched no finding: stale, reported (and a violation when the policy says so). */
    UNUSED
}
