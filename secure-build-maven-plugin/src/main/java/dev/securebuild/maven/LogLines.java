package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.plugin.logging.Log;

import dev.securebuild.shared.text.LogLine;
import dev.securebuild.shared.text.LogSink;

/** The goal's Maven log as a capability's {@link LogSink}. */
final class LogLines {

    private LogLines() {}

    static LogSink sink(Log log) {
        return LogSink.of(log::info, log::warn, log::error);
    }

    static void print(List<LogLine> lines, Log log) {
        sink(log).print(lines);
    }
}
