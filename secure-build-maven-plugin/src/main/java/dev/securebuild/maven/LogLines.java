package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.plugin.logging.Log;

import dev.securebuild.shared.text.LogLine;

/** Prints the lines a capability decided on, each at its level, in their order. */
final class LogLines {

    private LogLines() {}

    static void print(List<LogLine> lines, Log log) {
        for (LogLine line : lines) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                default -> log.info(line.text());
            }
        }
    }
}
