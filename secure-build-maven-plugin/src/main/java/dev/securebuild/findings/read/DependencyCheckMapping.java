package dev.securebuild.findings.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.PackageId;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.text.Printable;

/**
 * What the XML and JSON reports of OWASP Dependency-Check have in common, as the readers collect it, and how it maps to
 * {@link Finding}s. A dependency is held until its end, then yields one finding per vulnerability it lists, suppressed
 * or not.
 */
final class DependencyCheckMapping {

    static final String TOOL = "OWASP Dependency-Check";
    static final String SUPPRESSED = "suppressed by a Dependency-Check suppression file";

    private DependencyCheckMapping() {}

    /** A CVSS base score as the report writes it, with the version the report gives (null when it gives none). */
    record Cvss(String score, String version) {}

    /** One vulnerability (or suppressed vulnerability) of a dependency. */
    static final class Vulnerability {
        String name;
        String severity;
        Cvss cvssV2;
        Cvss cvssV3;
        Cvss cvssV4;
        String description;
        String notes;
        final boolean suppressed;

        Vulnerability(boolean suppressed) {
            this.suppressed = suppressed;
        }
    }

    /** One scanned file: where it is, what package it is, what it is vulnerable to. */
    static final class Dependency {
        String fileName;
        String filePath;
        /** {@code packages/package/id}: package URLs in current reports. */
        final List<String> packageIds = new ArrayList<>();
        /** Old reports' {@code identifiers/identifier}: type ({@code maven}, {@code npm}, {@code cpe}) and name. */
        final List<String[]> typedIdentifiers = new ArrayList<>();
        final List<Vulnerability> vulnerabilities = new ArrayList<>();
    }

    static void emit(Dependency dependency, String engineVersion, String report, Consumer<Finding> sink) {
        if (dependency.vulnerabilities.isEmpty()) {
            return;
        }
        String component = component(dependency);
        for (Vulnerability vulnerability : dependency.vulnerabilities) {
            sink.accept(finding(vulnerability, component, dependency.filePath, engineVersion, report));
        }
    }

    static Finding finding(Vulnerability v, String component, String path, String engineVersion, String report) {
        String id = blankToNull(v.name) == null ? "unnamed-vulnerability" : v.name.strip();
        Severity severity;
        String source;
        String cvssVersion = null;
        Double cvssScore = null;
        // The newest CVSS version the report scores wins: v4 over v3 over v2.
        Cvss cvss = firstScored(v.cvssV4, v.cvssV3, v.cvssV2);
        if (cvss != null) {
            cvssScore = score(cvss);
            cvssVersion = cvss == v.cvssV4 ? orDefault(cvss.version(), "4.0")
                    : cvss == v.cvssV3 ? orDefault(cvss.version(), "3.x")
                    : orDefault(cvss.version(), "2.0");
            severity = Severity.fromScore(cvssScore);
            source = "CVSS " + cvssVersion + " base score " + cvss.score().strip() + " (Dependency-Check)";
        } else if (blankToNull(v.severity) != null) {
            String text = v.severity.strip();
            severity = Severity.fromText(text); // known: the readers refuse any other word (unknownSeverity)
            source = "Dependency-Check severity " + text;
        } else {
            severity = Severity.UNKNOWN;
            source = "no severity in the report (Dependency-Check)";
        }
        String suppressedBy = null;
        if (v.suppressed) {
            String notes = oneLine(v.notes, 300);
            suppressedBy = notes.isEmpty() ? SUPPRESSED : SUPPRESSED + ": " + notes;
        }
        String message = firstLine(v.description);
        // Dependency-Check names no other id of a vulnerability (CWEs are weaknesses, not aliases; references are
        // links, not ids), so the aliases are left to the tools that give them.
        return new Finding(TOOL, engineVersion, FindingKind.DEPENDENCY, id, Set.of(), severity, source, cvssVersion, cvssScore,
                component, blankToNull(path) == null ? null : path.strip(), 0, "dependency-check:" + id + "|" + component, suppressedBy,
                message.isEmpty() ? id : message, report);
    }

    /**
     * The package URL of the dependency (a Maven one first), else the Maven coordinate or npm package old reports give
     * as identifiers, else the file name.
     */
    static String component(Dependency dependency) {
        String anyPurl = null;
        for (String id : dependency.packageIds) {
            String trimmed = id.strip();
            if (trimmed.startsWith("pkg:maven/")) {
                return trimmed;
            }
            if (anyPurl == null && trimmed.startsWith("pkg:")) {
                anyPurl = trimmed;
            }
        }
        if (anyPurl != null) {
            return anyPurl;
        }
        for (String id : dependency.packageIds) {
            PackageId parsed = PackageId.parse(id);
            if (parsed != null && parsed.type().equals("maven")) {
                return id.strip();
            }
        }
        String npm = null;
        for (String[] identifier : dependency.typedIdentifiers) {
            String type = identifier[0] == null ? "" : identifier[0].strip().toLowerCase(Locale.ROOT);
            String name = unwrap(identifier[1]);
            if (type.equals("maven") && PackageId.parse(name) != null) {
                return name;
            }
            if (type.equals("npm") && npm == null) {
                npm = npmPurl(name);
            }
        }
        if (npm != null) {
            return npm;
        }
        String file = blankToNull(dependency.fileName) != null ? dependency.fileName.strip() : blankToNull(dependency.filePath);
        return file == null ? "unknown-file" : file.strip();
    }

    /** Old reports write an identifier as {@code (group:artifact:version)}; current ones without the parentheses. */
    private static String unwrap(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.startsWith("(") && trimmed.endsWith(")")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    /** {@code @scope/name:version} or {@code name:version}, as old reports name npm packages, as a package URL. */
    private static String npmPurl(String name) {
        int colon = name.lastIndexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            return null;
        }
        String packageName = name.substring(0, colon);
        String version = name.substring(colon + 1);
        String namespace = null;
        int slash = packageName.indexOf('/');
        if (packageName.startsWith("@") && slash > 0) {
            namespace = packageName.substring(0, slash);
            packageName = packageName.substring(slash + 1);
        }
        try {
            return new PackageURL("npm", namespace, packageName, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    private static Cvss firstScored(Cvss... candidates) {
        for (Cvss candidate : candidates) {
            if (candidate != null && score(candidate) != null) {
                return candidate;
            }
        }
        return null;
    }

    private static Double score(Cvss cvss) {
        if (cvss.score() == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(cvss.score().strip());
            return score >= 0 && score <= 10 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first non-blank line, at most 200 characters. */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    /** Whitespace (line breaks of a suppression's notes) collapsed to single spaces, at most {@code max} characters. */
    private static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > max ? line.substring(0, max - 3) + "..." : line;
    }

    private static String orDefault(String value, String otherwise) {
        return blankToNull(value) == null ? otherwise : value.strip();
    }

    /**
     * What is wrong with a vulnerability's severity word, or null when it names a severity (or there is none): a word
     * no tool writes would count as unknown severity and pass.
     */
    static String unknownSeverity(String text) {
        if (blankToNull(text) == null || Severity.fromText(text) != null) {
            return null;
        }
        return "a vulnerability's severity \"" + Printable.of(text.strip()) + "\" is not a severity; expected one of CRITICAL, HIGH, MEDIUM "
                + "(or MODERATE), LOW, INFO, UNKNOWN";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
