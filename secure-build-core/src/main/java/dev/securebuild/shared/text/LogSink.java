package dev.securebuild.shared.text;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a capability's lines go as it works, by level: the goal's log. A capability that decides its lines at the end
 * returns {@link LogLine}s instead; both reach the log through this.
 */
public interface LogSink {

    void info(String message);

    void warn(String message);

    void error(String message);

    /** Prints one decided line at its level. */
    default void print(LogLine line) {
        switch (line.level()) {
            case ERROR:
                error(line.text());
                break;
            case WARN:
                warn(line.text());
                break;
            default:
                info(line.text());
        }
    }

    /** Prints decided lines at their levels, in their order. */
    default void print(List<LogLine> lines) {
        lines.forEach(this::print);
    }

    static LogSink of(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {
        return new LogSink() {
            @Override
            public void info(String message) {
                info.accept(message);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }

            @Override
            public void error(String message) {
                error.accept(message);
            }
        };
    }
}
