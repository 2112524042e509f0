package dev.securebuild.lock;

import java.time.LocalDate;
import java.util.Objects;

import dev.securebuild.allowlist.CoordinatePattern;

/**
 * Artifacts the lock does not hold to their bytes (a SNAPSHOT of another team, an artifact a mirror rewrites): a
 * {@code groupId:artifactId} pattern ({@code *} matches any characters), with the reason, the person or team that owns
 * the decision and the day it ends, as allow-list entries have. An expired exclusion excludes nothing and is itself a
 * violation, so that it is renewed or removed.
 */
public final class LockExclusion {

    private final String pattern;
    private final CoordinatePattern groupId;
    private final CoordinatePattern artifactId;
    private final String reason;
    private final String owner;
    private final LocalDate expires;

    /** @throws IllegalArgumentException naming what is missing or malformed */
    public LockExclusion(String pattern, String reason, String owner, LocalDate expires) {
        String[] parts = pattern == null ? new String[0] : pattern.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("exclusion '" + pattern + "': expected groupId:artifactId, each may use *");
        }
        if (reason == null || reason.isBlank() || owner == null || owner.isBlank() || expires == null) {
            throw new IllegalArgumentException("exclusion '" + pattern + "' needs a reason, an owner and an expiry date (expires: 2027-06-30)");
        }
        this.pattern = pattern;
        this.groupId = new CoordinatePattern(parts[0]);
        this.artifactId = new CoordinatePattern(parts[1]);
        this.reason = reason;
        this.owner = owner;
        this.expires = expires;
    }

    public boolean matches(LockKey key) {
        return groupId.matches(key.groupId()) && artifactId.matches(key.artifactId());
    }

    public boolean expired(LocalDate today) {
        return today.isAfter(expires);
    }

    public String pattern() {
        return pattern;
    }

    public String reason() {
        return reason;
    }

    public String owner() {
        return owner;
    }

    public LocalDate expires() {
        return expires;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockExclusion && pattern.equals(((LockExclusion) other).pattern) && expires.equals(((LockExclusion) other).expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, expires);
    }

    @Override
    public String toString() {
        return pattern + " (" + reason + "; " + owner + ", until " + expires + ")";
    }
}
