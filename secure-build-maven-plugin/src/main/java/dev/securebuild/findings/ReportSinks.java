package dev.securebuild.findings;

import java.util.List;

/** Sinks for callers that want a reader's findings as a list. */
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
