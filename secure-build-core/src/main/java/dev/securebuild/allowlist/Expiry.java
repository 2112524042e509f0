package dev.securebuild.allowlist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How an approval's {@code expires} stands on a day, the one reading of it for the allow-lists and every other list of
 * exceptions with an expiry (the exemptions of {@code requireReproducibleBuild}): {@code expires} is the last day in
 * force; from {@code expiringWithinDays} days before it, the approval still holds but warns.
 */
public final class Expiry {

    /** How an expiry stands on a day. */
    public enum State {
        /** No expiry, or more than {@code expiringWithinDays} days left. */
        IN_FORCE,
        /** In force, ending within {@code expiringWithinDays} days (0: today is its last day). */
        EXPIRING,
        /** Past its last day. */
        EXPIRED
    }

    private Expiry() {}

    /** @param expires the last day in force; null for an approval that does not expire */
    public static State state(LocalDate expires, LocalDate today, int expiringWithinDays) {
        if (expires == null) {
            return State.IN_FORCE;
        }
        long days = daysLeft(today, expires);
        return days < 0 ? State.EXPIRED : days > expiringWithinDays ? State.IN_FORCE : State.EXPIRING;
    }

    /** Days from {@code today} to the end of {@code expires} (its last day in force): 0 on that day, negative after it. */
    public static long daysLeft(LocalDate today, LocalDate expires) {
        return ChronoUnit.DAYS.between(today, expires);
    }

    /** "its last day", "1 day left", "12 days left": for an expiry {@code days} ahead (0 or more). */
    public static String left(long days) {
        return days == 0 ? "its last day" : plural(days, "day") + " left";
    }

    /** "3 days ago": for an expiry {@code days} behind (1 or more). */
    public static String ago(long days) {
        return plural(days, "day") + " ago";
    }

    static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
