package dev.securebuild.provenance;

import java.util.function.Consumer;

/** Where a provenance or ledger step tells what it found, by level: the goal's log. */
public interface Report {

    void info(String message);

    void warn(String message);

    void error(String message);

    static Report of(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {
        return new Report() {
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
