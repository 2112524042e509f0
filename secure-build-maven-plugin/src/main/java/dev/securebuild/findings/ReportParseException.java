package dev.securebuild.findings;

import java.io.IOException;

import dev.securebuild.shared.text.Printable;

/**
 * A report that cannot be read: never taken for "no findings". The message names the file, the line and column when
 * known, and what was expected there. The file's name is escaped ({@link Printable}), as must be any text of the
 * report a message quotes.
 */
public class ReportParseException extends IOException {

    public ReportParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportParseException(String message) {
        super(message);
    }

    public static ReportParseException at(String file, com.fasterxml.jackson.core.JsonLocation location, String expected) {
        String where = location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ReportParseException(Printable.of(file) + where + ": " + expected);
    }

    /** The same for XML read with StAX. */
    public static ReportParseException at(String file, javax.xml.stream.Location location, String expected) {
        String where = location == null || location.getLineNumber() < 0 ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return new ReportParseException(Printable.of(file) + where + ": " + expected);
    }
}
