package dev.securebuild.findings.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;

import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.yaml.PositionedNode;

/**
 * Reads a policy file, YAML or JSON ({@code .json} files are read as JSON, every other as YAML), and validates it
 * strictly: an unknown key, a wrong type, a bad date or severity, an exception without reason, approver or expiry is an
 * {@link InvalidPolicyException} naming the file, the line and column and what was expected. A policy that cannot be
 * read is never replaced by the default policy. The schema is documented in docs/policy.md.
 */
public final class PolicyLoader {

    /** OpenVEX justifications, CycloneDX analysis justifications, and two of secure-build's own for risk acceptance. */
    public static final Set<String> JUSTIFICATIONS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "component_not_present", "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path",
            "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist",
            "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
            "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
            "false_positive", "risk_accepted")));

    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info", "none");
    private static final List<String> CVSS_VERSIONS = List.of("4.0", "3.1", "3.0", "2.0", Threshold.UNVERSIONED);
    private static final List<String> THRESHOLD_KEYS = List.of("severity", "cvss", "cvssVersion", "unscored", "unknownSeverity");
    private static final List<String> SELECTORS = List.of("id", "package", "rule", "path", "fingerprint");

    private PolicyLoader() {}

    public static Policy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /** Reads a policy from a stream; {@code name} names it in messages and chooses JSON when it ends in .json. */
    public static Policy load(InputStream in, String name) throws IOException {
        PositionedNode root = PositionedNode.readDocument(in, name, "a policy", "the policy", InvalidPolicyException::at);
        return new Validation(name).policy(root);
    }

    /** The checks of one file, each naming the file and the position of what it rejects. */
    private static final class Validation {

        private final String file;

        Validation(String file) {
            this.file = file;
        }

        Policy policy(PositionedNode root) throws InvalidPolicyException {
            object(root, "the policy", "a mapping with version, failOn and exceptions");
            if (root.fields().containsKey("warnOn")) {
                throw error(root.keyLocations().get("warnOn"), "unknown key \"warnOn\": every finding below failOn is a warning already (warnings are never"
                        + " hidden), so there is no second threshold; expected one of version, failOn, exceptions");
            }
            keys(root, "the policy", List.of("version", "failOn", "exceptions"));
            PositionedNode version = root.fields().get("version");
            if (version == null) {
                throw error(root.location(), "expected \"version: 1\" (the policy schema version) in the policy");
            }
            if (version.type() != PositionedNode.Type.NUMBER || !version.text().equals("1")) {
                throw error(version.location(), "version: expected 1, the only policy schema version; got " + version.describe());
            }
            PositionedNode failOn = root.fields().get("failOn");
            PositionedNode exceptions = root.fields().get("exceptions");
            return new Policy(file, failOn == null ? FailOn.DEFAULT : failOn(failOn),
                    exceptions == null ? ExceptionRules.NONE : exceptions(exceptions));
        }

        private FailOn failOn(PositionedNode node) throws InvalidPolicyException {
            object(node, "failOn", "a mapping of severity, cvss, cvssVersion, unscored, unknownSeverity and kinds");
            List<String> allowed = new ArrayList<>(THRESHOLD_KEYS);
            allowed.add("kinds");
            keys(node, "failOn", allowed);
            Threshold all = threshold(node, "failOn", Threshold.DEFAULT);
            Map<FindingKind, Threshold> kinds = new EnumMap<>(FindingKind.class);
            PositionedNode kindsNode = node.fields().get("kinds");
            if (kindsNode != null) {
                object(kindsNode, "failOn.kinds", "a mapping from a kind (code, dependency, secret, configuration, license) to its thresholds");
                for (Map.Entry<String, PositionedNode> entry : kindsNode.fields().entrySet()) {
                    FindingKind kind = kind(entry.getKey(), kindsNode.keyLocations().get(entry.getKey()));
                    String where = "failOn.kinds." + entry.getKey();
                    object(entry.getValue(), where, "a mapping of severity, cvss, cvssVersion, unscored and unknownSeverity");
                    keys(entry.getValue(), where, THRESHOLD_KEYS);
                    kinds.put(kind, threshold(entry.getValue(), where, all));
                }
            }
            return new FailOn(all, kinds);
        }

        private FindingKind kind(String key, JsonLocation location) throws InvalidPolicyException {
            for (FindingKind kind : FindingKind.values()) {
                if (kind.name().equalsIgnoreCase(key)) {
                    return kind;
                }
            }
            throw error(location, "failOn.kinds: unknown kind \"" + key + "\"; expected one of code, dependency, secret, configuration, license");
        }

        /** The thresholds the node gives, the others taken from {@code base}. */
        private Threshold threshold(PositionedNode node, String where, Threshold base) throws InvalidPolicyException {
            Severity severity = base.severity();
            PositionedNode severityNode = node.fields().get("severity");
            if (severityNode != null) {
                String word = word(severityNode, where + ".severity", SEVERITIES);
                severity = word.equals("none") ? null : Severity.valueOf(word.toUpperCase(Locale.ROOT));
            }
            Double cvss = base.cvss();
            PositionedNode cvssNode = node.fields().get("cvss");
            if (cvssNode != null) {
                cvss = cvssNode.isNull() ? null : score(cvssNode, where + ".cvss");
            }
            List<String> versions = base.cvssVersions();
            PositionedNode versionsNode = node.fields().get("cvssVersion");
            if (versionsNode != null) {
                versions = cvssVersions(versionsNode, where + ".cvssVersion");
            }
            Threshold.Unscored unscored = base.unscored();
            PositionedNode unscoredNode = node.fields().get("unscored");
            if (unscoredNode != null) {
                unscored = Threshold.Unscored.valueOf(word(unscoredNode, where + ".unscored", List.of("fail", "warn", "severity")).toUpperCase(Locale.ROOT));
            }
            Threshold.UnknownSeverity unknown = base.unknownSeverity();
            PositionedNode unknownNode = node.fields().get("unknownSeverity");
            if (unknownNode != null) {
                unknown = Threshold.UnknownSeverity.valueOf(word(unknownNode, where + ".unknownSeverity", List.of("fail", "warn")).toUpperCase(Locale.ROOT));
            }
            return new Threshold(severity, cvss, versions, unscored, unknown);
        }

        private double score(PositionedNode node, String where) throws InvalidPolicyException {
            if (node.type() == PositionedNode.Type.NUMBER) {
                double score = Double.parseDouble(node.text());
                if (score >= 0.0 && score <= 10.0) {
                    return score;
                }
            }
            throw error(node.location(), where + ": expected a CVSS score from 0.0 to 10.0 (findings scored at or above it fail); got " + node.describe());
        }

        private List<String> cvssVersions(PositionedNode node, String where) throws InvalidPolicyException {
            List<PositionedNode> items = node.type() == PositionedNode.Type.ARRAY ? node.items() : List.of(node);
            if (items.isEmpty()) {
                throw error(node.location(), where + ": expected a list of CVSS versions, most preferred first, such as [\"4.0\", \"3.1\"]; got an empty list");
            }
            List<String> versions = new ArrayList<>();
            for (PositionedNode item : items) {
                boolean scalar = item.type() == PositionedNode.Type.STRING || item.type() == PositionedNode.Type.NUMBER;
                String version = scalar ? item.text().strip().toLowerCase(Locale.ROOT) : null;
                if (version == null || !CVSS_VERSIONS.contains(version)) {
                    throw error(item.location(), where + ": expected CVSS versions among " + String.join(", ", CVSS_VERSIONS) + "; got " + item.describe());
                }
                if (versions.contains(version)) {
                    throw error(item.location(), where + ": CVSS version " + version + " is listed twice; expected each version once");
                }
                versions.add(version);
            }
            return versions;
        }

        private ExceptionRules exceptions(PositionedNode node) throws InvalidPolicyException {
            object(node, "exceptions", "a mapping of expiringWithinDays, failOnUnused, maxLifetimeDays and entries");
            keys(node, "exceptions", List.of("expiringWithinDays", "failOnUnused", "maxLifetimeDays", "entries"));
            int expiringWithinDays = ExceptionRules.DEFAULT_EXPIRING_WITHIN_DAYS;
            PositionedNode expiring = node.fields().get("expiringWithinDays");
            if (expiring != null) {
                expiringWithinDays = days(expiring, "exceptions.expiringWithinDays", 0);
            }
            boolean failOnUnused = false;
            PositionedNode unused = node.fields().get("failOnUnused");
            if (unused != null) {
                if (unused.type() != PositionedNode.Type.BOOLEAN) {
                    throw error(unused.location(), "exceptions.failOnUnused: expected true or false; got " + unused.describe());
                }
                failOnUnused = unused.booleanValue();
            }
            Map<Severity, Integer> lifetimes = new EnumMap<>(Severity.class);
            PositionedNode lifetimesNode = node.fields().get("maxLifetimeDays");
            if (lifetimesNode != null) {
                object(lifetimesNode, "exceptions.maxLifetimeDays", "a mapping from a severity to a number of days, such as {critical: 30, high: 90}");
                List<String> severities = List.of("critical", "high", "medium", "low", "info", "unknown");
                keys(lifetimesNode, "exceptions.maxLifetimeDays", severities);
                for (Map.Entry<String, PositionedNode> entry : lifetimesNode.fields().entrySet()) {
                    lifetimes.put(Severity.valueOf(entry.getKey().toUpperCase(Locale.ROOT)),
                            days(entry.getValue(), "exceptions.maxLifetimeDays." + entry.getKey(), 1));
                }
            }
            List<ExceptionEntry> entries = List.of();
            PositionedNode entriesNode = node.fields().get("entries");
            if (entriesNode != null) {
                if (entriesNode.type() != PositionedNode.Type.ARRAY) {
                    throw error(entriesNode.location(), "exceptions.entries: expected a list of exceptions; got " + entriesNode.describe());
                }
                entries = entries(entriesNode.items(), lifetimes);
            }
            return new ExceptionRules(expiringWithinDays, failOnUnused, lifetimes, entries);
        }

        private List<ExceptionEntry> entries(List<PositionedNode> nodes, Map<Severity, Integer> lifetimes) throws InvalidPolicyException {
            List<ExceptionEntry> entries = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                entries.add(entry(nodes.get(i), "exceptions.entries #" + (i + 1), lifetimes));
            }
            // Names are unique: a given name may be used once; a name made from a selector shared by several entries
            // gets the entry's number.
            Map<String, Integer> uses = new HashMap<>();
            entries.forEach(entry -> uses.merge(entry.name(), 1, Integer::sum));
            List<ExceptionEntry> named = new ArrayList<>();
            Map<String, Integer> givenNames = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                ExceptionEntry entry = entries.get(i);
                PositionedNode nameNode = nodes.get(i).fields().get("name");
                if (nameNode != null) {
                    Integer first = givenNames.putIfAbsent(entry.name(), i + 1);
                    if (first != null) {
                        throw error(nameNode.location(), "exceptions.entries #" + (i + 1) + ".name: \"" + entry.name() + "\" is the name of entry #" + first
                                + " too; expected a unique name");
                    }
                    named.add(entry);
                } else if (uses.get(entry.name()) > 1) {
                    named.add(new ExceptionEntry(entry.name() + " #" + (i + 1), entry.id(), entry.packageRange(), entry.rule(), entry.path(),
                            entry.fingerprint(), entry.justification(), entry.reason(), entry.approvedBy(), entry.approvedOn(), entry.expires(),
                            entry.ticket()));
                } else {
                    named.add(entry);
                }
            }
            return named;
        }

        private ExceptionEntry entry(PositionedNode node, String where, Map<Severity, Integer> lifetimes) throws InvalidPolicyException {
            object(node, where, "a mapping with selectors (id, package, rule, path, fingerprint), justification, reason, approvedBy and expires");
            List<String> allowed = new ArrayList<>(List.of("name"));
            allowed.addAll(SELECTORS);
            allowed.addAll(List.of("justification", "reason", "approvedBy", "approvedOn", "expires", "ticket"));
            keys(node, where, allowed);
            if (SELECTORS.stream().noneMatch(node.fields()::containsKey)) {
                throw error(node.location(), where + ": expected at least one selector (id, package, rule, path or fingerprint); an exception that names"
                        + " nothing would accept every finding");
            }
            String id = optionalText(node, "id", where);
            String rule = optionalText(node, "rule", where);
            String fingerprint = optionalText(node, "fingerprint", where);
            PackageRange packageRange = null;
            String packageText = optionalText(node, "package", where);
            if (packageText != null) {
                try {
                    packageRange = PackageRange.parse(packageText);
                } catch (IllegalArgumentException e) {
                    throw error(node.fields().get("package").location(), where + ".package: " + e.getMessage() + "; got \"" + packageText + "\"");
                }
            }
            PathGlob path = null;
            String pathText = optionalText(node, "path", where);
            if (pathText != null) {
                try {
                    path = PathGlob.compile(pathText);
                } catch (IllegalArgumentException e) {
                    throw error(node.fields().get("path").location(), where + ".path: " + e.getMessage() + "; got \"" + pathText + "\"");
                }
            }
            String justification = word(required(node, "justification", where, "the VEX justification word"), where + ".justification",
                    List.copyOf(JUSTIFICATIONS));
            String reason = text(required(node, "reason", where, "why the finding is accepted, in words"), where + ".reason");
            String approvedBy = text(required(node, "approvedBy", where, "who approved the exception"), where + ".approvedBy");
            PositionedNode expiresNode = required(node, "expires", where, "the last day the exception is in force, YYYY-MM-DD");
            LocalDate expires = date(expiresNode, where + ".expires");
            LocalDate approvedOn = null;
            PositionedNode approvedOnNode = node.fields().get("approvedOn");
            if (approvedOnNode != null) {
                approvedOn = date(approvedOnNode, where + ".approvedOn");
                if (expires.isBefore(approvedOn)) {
                    throw error(expiresNode.location(), where + ".expires: expected a date on or after approvedOn " + approvedOn + "; got " + expires);
                }
            }
            if (!lifetimes.isEmpty()) {
                if (approvedOn == null) {
                    throw error(node.location(), where + ": expected \"approvedOn\" (YYYY-MM-DD): exceptions.maxLifetimeDays limits how long an exception"
                            + " lasts after its approval");
                }
                int longest = Collections.max(lifetimes.values());
                long lifetime = ChronoUnit.DAYS.between(approvedOn, expires);
                if (lifetime > longest) {
                    throw error(expiresNode.location(), where + ".expires: expected at most " + longest + " days after approvedOn " + approvedOn
                            + " (the longest of exceptions.maxLifetimeDays), that is " + approvedOn.plusDays(longest) + " or earlier; got " + expires
                            + ", " + lifetime + " days");
                }
            }
            String name = optionalText(node, "name", where);
            if (name == null) {
                name = ExceptionEntry.defaultName(id, rule, packageRange, fingerprint, path);
            }
            return new ExceptionEntry(name, id, packageRange, rule, path, fingerprint, justification, reason, approvedBy, approvedOn, expires,
                    optionalText(node, "ticket", where));
        }

        private PositionedNode required(PositionedNode node, String key, String where, String what) throws InvalidPolicyException {
            PositionedNode value = node.fields().get(key);
            if (value == null) {
                throw error(node.location(), where + ": expected \"" + key + "\", " + what + " (every exception needs justification, reason,"
                        + " approvedBy and expires)");
            }
            return value;
        }

        private String optionalText(PositionedNode node, String key, String where) throws InvalidPolicyException {
            PositionedNode value = node.fields().get(key);
            return value == null ? null : text(value, where + "." + key);
        }

        private String text(PositionedNode node, String where) throws InvalidPolicyException {
            if (node.type() != PositionedNode.Type.STRING || node.text().isBlank()) {
                throw error(node.location(), where + ": expected a non-empty text (quote numbers); got " + node.describe());
            }
            return node.text().strip();
        }

        private String word(PositionedNode node, String where, List<String> words) throws InvalidPolicyException {
            if (node.type() == PositionedNode.Type.STRING) {
                String word = node.text().strip().toLowerCase(Locale.ROOT);
                if (words.contains(word)) {
                    return word;
                }
            }
            throw error(node.location(), where + ": expected one of " + String.join(", ", words) + "; got " + node.describe());
        }

        private LocalDate date(PositionedNode node, String where) throws InvalidPolicyException {
            if (node.type() == PositionedNode.Type.STRING) {
                try {
                    return LocalDate.parse(node.text().strip());
                } catch (DateTimeParseException e) {
                    // falls through to the message below
                }
            }
            throw error(node.location(), where + ": expected a date as YYYY-MM-DD; got " + node.describe());
        }

        private int days(PositionedNode node, String where, int minimum) throws InvalidPolicyException {
            if (node.type() == PositionedNode.Type.NUMBER && node.text().matches("\\d{1,5}")) {
                int days = Integer.parseInt(node.text());
                if (days >= minimum) {
                    return days;
                }
            }
            throw error(node.location(), where + ": expected a whole number of days, " + minimum + " or more; got " + node.describe());
        }

        private void object(PositionedNode node, String where, String expected) throws InvalidPolicyException {
            if (node.type() != PositionedNode.Type.OBJECT) {
                throw error(node.location(), where + ": expected " + expected + "; got " + node.describe());
            }
        }

        private void keys(PositionedNode node, String where, List<String> allowed) throws InvalidPolicyException {
            for (String key : node.fields().keySet()) {
                if (!allowed.contains(key)) {
                    throw error(node.keyLocations().get(key), where + ": unknown key \"" + key + "\"; expected one of " + String.join(", ", allowed));
                }
            }
        }

        private InvalidPolicyException error(JsonLocation location, String expected) {
            return InvalidPolicyException.at(file, location, expected);
        }
    }
}
