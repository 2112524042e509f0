package dev.securebuild.findings.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReadReport;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.read.FormatDetector;
import dev.securebuild.findings.read.Readers;
import dev.securebuild.findings.read.ReportLimits;

/**
 * Every configured report read: its format detected from its content, its findings and VEX statements collected,
 * and its age checked. Any report that cannot be read stops the check with an error naming the file and position:
 * a broken report never counts as a report without findings.
 *
 * @param reports     one per file, in the order given
 * @param findings    every finding of every report, before merging
 * @param vex         every VEX statement of every report
 * @param stale       one sentence per report older than allowed
 */
public record ReportsRead(List<ReadReport> reports, List<Finding> findings, List<VexStatement> vex, List<String> stale) {

    /**
     * @param base     the folder paths are shown relative to
     * @param limits   what the report parsers accept
     * @param maxAge   reports older than this are stale; null: any age
     */
    public static ReportsRead of(List<Path> files, Path base, ReportLimits limits, Instant now, Duration maxAge) throws IOException {
        FormatDetector detector = new FormatDetector(limits);
        List<ReadReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<VexStatement> vex = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Path file : files) {
            ReportFormat format = detector.detect(file);
            String shown = shown(base, file);
            Collector collector = new Collector(format, shown);
            Readers.forFormat(format, limits).read(file, collector);
            findings.addAll(collector.findings);
            vex.addAll(collector.vex);
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            reports.add(new ReadReport(shown, format, collector.tool, collector.toolVersion, collector.findings.size(), collector.vex.size(), modified));
            if (maxAge != null && Duration.between(modified, now).compareTo(maxAge) > 0) {
                stale.add(shown + " was written " + Ages.describe(Duration.between(modified, now)) + " ago, more than the "
                        + Ages.describe(maxAge) + " allowed (maxReportAge): run the scanner again");
            }
        }
        return new ReportsRead(reports, findings, vex, stale);
    }

    static String shown(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /** One report's findings and statements; the tool as the report names it, else as the findings do, else the format. */
    private static final class Collector implements ReportSink {
        final List<Finding> findings = new ArrayList<>();
        final List<VexStatement> vex = new ArrayList<>();
        String tool;
        String toolVersion;

        private final String shown;
        /** One copy of each text the findings of a report repeat (tool, rule, path, message...): a large report fits in a small heap. */
        private final Map<String, String> texts = new HashMap<>();

        Collector(ReportFormat format, String shown) {
            this.tool = format.label();
            this.shown = shown;
        }

        private boolean named;

        @Override
        public void finding(Finding finding) {
            findings.add(shared(finding));
            if (!named) {
                tool(finding.tool(), finding.toolVersion());
            }
        }

        private Finding shared(Finding f) {
            Set<String> aliases = new HashSet<>();
            f.aliases().forEach(alias -> aliases.add(text(alias)));
            return new Finding(text(f.tool()), text(f.toolVersion()), f.kind(), text(f.id()), aliases, f.severity(), text(f.severitySource()),
                    text(f.cvssVersion()), f.cvssScore(), text(f.component()), text(f.path()), f.line(), f.fingerprint(), text(f.suppressedBy()),
                    text(f.message()), shown);
        }

        private String text(String value) {
            return value == null ? null : texts.computeIfAbsent(value, same -> same);
        }

        @Override
        public void vexStatement(VexStatement statement) {
            vex.add(statement);
        }

        @Override
        public void tool(String name, String version) {
            if (!named && name != null) {
                tool = name;
                toolVersion = version;
                named = true;
            } else if (named && name != null && !tool.contains(name)) {
                tool = tool + ", " + name; // a SARIF log of several tools' runs
            }
        }
    }
}
