package dev.securebuild.findings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one report format as a stream, so that a report of hundreds of megabytes is read in bounded memory. A file
 * that is not what the reader expects is a {@link ReportParseException} naming the file, the position and what was
 * expected there; it never yields zero findings.
 */
public interface ReportReader {

    ReportFormat format();

    void read(Path file, ReportSink sink) throws IOException;

    /** Reads every finding of the file, in the order of the file; VEX statements and the tool are not kept. */
    default List<Finding> read(Path file) throws IOException {
        List<Finding> findings = new ArrayList<>();
        read(file, ReportSinks.collecting(findings));
        return findings;
    }
}
