package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.VexStatement;

/** Everything a reader put into its sink, in order: for tests. */
final class SinkRecording implements ReportSink {

    final List<Finding> findings = new ArrayList<>();
    final List<VexStatement> statements = new ArrayList<>();
    final List<String> tools = new ArrayList<>();

    static SinkRecording of(ReportReader reader, Path file) throws IOException {
        SinkRecording recording = new SinkRecording();
        reader.read(file, recording);
        return recording;
    }

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void vexStatement(VexStatement statement) {
        statements.add(statement);
    }

    @Override
    public void tool(String name, String version) {
        tools.add(name + " " + version);
    }
}
