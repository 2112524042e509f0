package dev.securebuild.findings;

import java.time.Instant;

/**
 * A report that was read, for the outputs: which file, which format and tool, how much it held.
 *
 * @param path           as configured or found by the glob, relative to the project when it can be
 * @param format         detected from the content
 * @param tool           the tool named in the report (the format's tool when the report does not say)
 * @param toolVersion    null when unknown
 * @param findings       findings read from it
 * @param vexStatements  VEX statements read from it
 * @param modified       the file's modification time, for the age check
 */
public record ReadReport(String path, ReportFormat format, String tool, String toolVersion, int findings, int vexStatements, Instant modified) {}
