package dev.securebuild.findings.read;

import java.util.List;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.VexStatement;

/** Sinks for callers (and tests) that want a reader's findings as a list. */
final class ReportSinks {

    private ReportSinks() {}

    /** Adds each finding to {@code findings}; a report of findings has no VEX statements to keep. */
    static ReportSink collecting(List<Finding> findings) {
        return new ReportSink() {
            @Override
            public void finding(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void vexStatement(VexStatement statement) {}
        };
    }
}
