package dev.securebuild.shared.text;

import java.util.Objects;

/**
 * One line a capability wants shown in the build log, with its level: the capability decides what to say and in which
 * order, the face (a mojo, a rule) only prints, so that what a user reads is tested without Maven.
 */
public final class LogLine {

    /** The levels Maven's log and Enforcer's share. */
    public enum Level { INFO, WARN, ERROR }

    private final Level level;
    private final String text;

    private LogLine(Level level, String text) {
        this.level = Objects.requireNonNull(level);
        this.text = Objects.requireNonNull(text);
    }

    public static LogLine info(CharSequence text) {
        return new LogLine(Level.INFO, text.toString());
    }

    public static LogLine warn(CharSequence text) {
        return new LogLine(Level.WARN, text.toString());
    }

    public static LogLine error(CharSequence text) {
        return new LogLine(Level.ERROR, text.toString());
    }

    public Level level() {
        return level;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogLine && ((LogLine) other).level == level && ((LogLine) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, text);
    }

    @Override
    public String toString() {
        return level + " " + text;
    }
}
