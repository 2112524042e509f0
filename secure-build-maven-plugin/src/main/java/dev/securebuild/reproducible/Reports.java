package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;

import dev.securebuild.shared.io.AtomicFiles;

/** Writes report.txt, report.json and report.html into one folder, each atomically. */
public final class Reports {

    private Reports() {}

    public static void write(ComparisonReport report, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve("report.txt"), TextReport.full(report));
        AtomicFiles.write(folder.resolve("report.json"), JsonReport.render(report));
        AtomicFiles.write(folder.resolve("report.html"), HtmlReport.render(report));
    }
}
