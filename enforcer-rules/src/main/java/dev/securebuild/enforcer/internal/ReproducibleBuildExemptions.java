package dev.securebuild.enforcer.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.CoordinatePattern;
import dev.securebuild.allowlist.Expiry;
import dev.securebuild.enforcer.internal.ReproducibleBuildCheck.Coordinate;
import dev.securebuild.enforcer.internal.ReproducibleBuildCheck.Problem;
import dev.securebuild.shared.text.Printable;

/**
 * The exemptions of {@code requireReproducibleBuild}: each names dependencies and plugins by a
 * {@code groupId:artifactId} pattern (the allow-lists' {@link CoordinatePattern}, {@code *} for any run of characters),
 * with a reason, an optional owner and an expiry (read as the allow-lists read it: {@link Expiry}, its last day in
 * force, warning {@value AllowList#DEFAULT_EXPIRING_WITHIN_DAYS} days ahead). An exemption in force takes every problem
 * about a coordinate it names off the failure (a version range, a SNAPSHOT in a release, no version, a plugin too old);
 * the project's own timestamp is never exempted. An expired one exempts nothing and the problem says so. Plain data in,
 * standings out: the rule logs them and records them as events.
 */
public final class ReproducibleBuildExemptions {

    /** How one exemption stood in one project. */
    public enum State {
        /** In force, and it exempted at least one problem. */
        USED,
        /** Like USED, ending within the warning window. */
        EXPIRING,
        /** Past its last day, and it names a coordinate of the project: it exempted nothing. */
        EXPIRED,
        /** It names no dependency or plugin of the project: a stale entry. */
        UNUSED,
        /** It names a coordinate of the project, which has no problem here (a SNAPSHOT in a SNAPSHOT build): said at debug. */
        IDLE
    }

    /** One exemption as configured, checked. */
    public static final class Exemption {
        private final int number;
        private final String artifact;
        private final CoordinatePattern groupId;
        private final CoordinatePattern artifactId;
        private final String reason;
        private final String owner;
        private final LocalDate expires;

        private Exemption(int number, String artifact, CoordinatePattern groupId, CoordinatePattern artifactId, String reason, String owner,
                          LocalDate expires) {
            this.number = number;
            this.artifact = artifact;
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.reason = reason;
            this.owner = owner;
            this.expires = expires;
        }

        /**
         * Checks one configured {@code <exemption>}; {@code number} counts from 1, for messages.
         *
         * @throws IllegalArgumentException naming the element and what it needs, when a field is missing or malformed
         */
        public static Exemption of(int number, String artifact, String reason, String owner, String expires) {
            String where = "requireReproducibleBuild <exemptions>: <exemption> " + number;
            if (blank(artifact)) {
                throw new IllegalArgumentException(where + " has no <artifact>: expected groupId:artifactId, each a name or a pattern "
                        + "with * wildcards, such as dev.securebuild:*");
            }
            String[] parts = artifact.strip().split(":", -1);
            CoordinatePattern groupId;
            CoordinatePattern artifactId;
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not groupId:artifactId");
                }
                groupId = new CoordinatePattern(parts[0]);
                artifactId = new CoordinatePattern(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " <artifact> '" + Printable.of(artifact) + "' is not groupId:artifactId: expected "
                        + "two names or patterns of letters, digits, '.', '_', '-' and * wildcards, such as dev.securebuild:*", e);
            }
            where += " (" + artifact.strip() + ")";
            if (blank(reason)) {
                throw new IllegalArgumentException(where + " has no <reason>: say why the build may be released with what it exempts");
            }
            if (blank(expires)) {
                throw new IllegalArgumentException(where + " has no <expires>: the last day it holds, as YYYY-MM-DD (an exemption "
                        + "must end)");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(expires.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + " <expires> '" + Printable.of(expires) + "' is not a date: expected YYYY-MM-DD",
                        e);
            }
            // Reason and owner go to the log and the event log as written, escaped.
            return new Exemption(number, artifact.strip(), groupId, artifactId, Printable.of(reason.strip()),
                    blank(owner) ? null : Printable.of(owner.strip()), date);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        boolean names(Coordinate coordinate) {
            return groupId.matches(coordinate.groupId()) && artifactId.matches(coordinate.artifactId());
        }

        /** The pattern as written. */
        public String artifact() {
            return artifact;
        }

        public String reason() {
            return reason;
        }

        /** Null when not given. */
        public String owner() {
            return owner;
        }

        public LocalDate expires() {
            return expires;
        }

        @Override
        public String toString() {
            return "exemption " + number + " (" + artifact + ")";
        }
    }

    /**
     * How one exemption stood in one project.
     *
     * @param exempted the problems it took off the failure (USED, EXPIRING), or would have (EXPIRED)
     * @param message  one line for the log, with the coordinates and the reason
     */
    public static final class Standing {
        private final Exemption exemption;
        private final State state;
        private final List<Problem> exempted;
        private final String message;

        Standing(Exemption exemption, State state, List<Problem> exempted, String message) {
            this.exemption = exemption;
            this.state = state;
            this.exempted = List.copyOf(exempted);
            this.message = message;
        }

        public Exemption exemption() {
            return exemption;
        }

        public State state() {
            return state;
        }

        public List<Problem> exempted() {
            return exempted;
        }

        public String message() {
            return message;
        }

        /** Whether the log shows it as a warning: every state but IDLE. */
        public boolean warns() {
            return state != State.IDLE;
        }
    }

    /**
     * What the exemptions left: the problems that still fail the build (an expired exemption's note added), and how
     * each exemption stood, in configuration order.
     */
    public static final class Outcome {
        private final List<String> problems;
        private final List<Standing> standings;

        Outcome(List<String> problems, List<Standing> standings) {
            this.problems = List.copyOf(problems);
            this.standings = List.copyOf(standings);
        }

        public List<String> problems() {
            return problems;
        }

        public List<Standing> standings() {
            return standings;
        }
    }

    private final List<Exemption> exemptions;
    private final LocalDate today;

    public ReproducibleBuildExemptions(List<Exemption> exemptions, LocalDate today) {
        this.exemptions = List.copyOf(exemptions);
        this.today = today;
    }

    /**
     * @param problems    what the check found
     * @param coordinates every dependency and plugin the check looked at: an exemption that names none is UNUSED
     * @param project     the project, for the messages
     */
    public Outcome apply(List<Problem> problems, List<Coordinate> coordinates, String project) {
        Map<Exemption, List<Problem>> exempted = new LinkedHashMap<>();
        Map<Exemption, List<Problem>> expiredFor = new LinkedHashMap<>();
        exemptions.forEach(exemption -> {
            exempted.put(exemption, new ArrayList<>());
            expiredFor.put(exemption, new ArrayList<>());
        });
        List<String> remaining = new ArrayList<>();
        for (Problem problem : problems) {
            Exemption inForce = null;
            Exemption expired = null;
            for (Exemption exemption : exemptions) {
                if (problem.coordinate() == null || !exemption.names(problem.coordinate())) {
                    continue;
                }
                if (state(exemption) != Expiry.State.EXPIRED) {
                    inForce = exemption;
                    break;
                }
                if (expired == null || exemption.expires().isAfter(expired.expires())) {
                    expired = exemption;
                }
            }
            if (inForce != null) {
                exempted.get(inForce).add(problem);
            } else if (expired != null) {
                expiredFor.get(expired).add(problem);
                remaining.add(problem.message() + " (" + expired + " expired on " + expired.expires() + ": it no longer exempts; renew it"
                        + owner(expired) + " or fix the problem)");
            } else {
                remaining.add(problem.message());
            }
        }
        List<Standing> standings = new ArrayList<>();
        for (Exemption exemption : exemptions) {
            standings.add(standing(exemption, exempted.get(exemption), expiredFor.get(exemption), coordinates, project));
        }
        return new Outcome(remaining, standings);
    }

    private Standing standing(Exemption exemption, List<Problem> exempted, List<Problem> expiredFor, List<Coordinate> coordinates,
                              String project) {
        Expiry.State expiry = state(exemption);
        long days = Expiry.daysLeft(today, exemption.expires());
        boolean named = coordinates.stream().anyMatch(exemption::names);
        if (expiry == Expiry.State.EXPIRED) {
            if (!named) {
                return new Standing(exemption, State.UNUSED, List.of(), exemption + " expired on " + exemption.expires() + " ("
                        + Expiry.ago(-days) + ") and names no dependency or plugin of " + project + ": remove it");
            }
            return new Standing(exemption, State.EXPIRED, expiredFor, exemption + " expired on " + exemption.expires() + " ("
                    + Expiry.ago(-days) + "): it no longer exempts " + (expiredFor.isEmpty() ? "anything of " + project
                    : coordinates(expiredFor) + " of " + project) + "; renew it" + owner(exemption) + " or remove it");
        }
        if (!exempted.isEmpty()) {
            State state = expiry == Expiry.State.EXPIRING ? State.EXPIRING : State.USED;
            return new Standing(exemption, state, exempted, exemption + " exempts " + coordinates(exempted) + " of " + project + ": "
                    + exemption.reason() + " (" + (exemption.owner() == null ? "" : "owner " + exemption.owner() + ", ") + "until "
                    + exemption.expires() + (state == State.EXPIRING ? ", " + Expiry.left(days) + ": renew it or fix the problem" : "")
                    + ")");
        }
        if (named) {
            return new Standing(exemption, State.IDLE, List.of(), exemption + " names a dependency or plugin of " + project
                    + " that has no problem here: nothing to exempt");
        }
        return new Standing(exemption, State.UNUSED, List.of(), exemption + " names no dependency or plugin of " + project
                + ": remove it if it is no longer needed");
    }

    private Expiry.State state(Exemption exemption) {
        return Expiry.state(exemption.expires(), today, AllowList.DEFAULT_EXPIRING_WITHIN_DAYS);
    }

    private static String owner(Exemption exemption) {
        return exemption.owner() == null ? "" : " (owner " + exemption.owner() + ")";
    }

    /** "plugin g:a:1.0-SNAPSHOT (a SNAPSHOT in release 1.0), dependency g:b:[1,2) (a version range)". */
    private static String coordinates(List<Problem> problems) {
        List<String> texts = new ArrayList<>();
        for (Problem problem : problems) {
            Coordinate c = problem.coordinate();
            texts.add(c.kind() + " " + c.groupId() + ":" + c.artifactId() + (c.version() == null || c.version().isBlank() ? "" : ":"
                    + c.version()) + " (" + problem.finding() + ")");
        }
        return String.join(", ", texts);
    }

    /** The event type of a standing, as check-findings names its exceptions' ({@code exception.used}...); null for IDLE. */
    public static String eventType(State state) {
        return state == State.IDLE ? null : "exception." + state.name().toLowerCase(Locale.ROOT);
    }
}
