package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.io.AtomicFiles;

/** Writes report.txt, report.json and report.html (and a .buildcompare) into one folder, each atomically. */
public final class Reports {

    private Reports() {}

    /** @param secrets the build's secret values: an archive's text may quote one; it is replaced */
    public static void write(ComparisonReport report, Path folder, KnownSecrets secrets) throws IOException {
        AtomicFiles.writeString(folder.resolve("report.txt"), secrets.redact(TextReport.full(report)));
        AtomicFiles.write(folder.resolve("report.json"), secrets.redactUtf8(JsonReport.render(report)));
        AtomicFiles.write(folder.resolve("report.html"), secrets.redactUtf8(HtmlReport.render(report)));
    }

    /** The three reports and the {@code .buildcompare} ({@code buildName.buildcompare}) of a build's outputs. */
    public static void write(ComparisonReport report, Path folder, KnownSecrets secrets, String buildName, String buildCompare)
            throws IOException {
        write(report, folder, secrets);
        AtomicFiles.writeString(folder.resolve(buildName + ".buildcompare"), secrets.redact(buildCompare));
    }
}
