package dev.securebuild.allowlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

import com.fasterxml.jackson.core.JsonLocation;

import dev.securebuild.shared.yaml.PositionedNode;

/**
 * Reads an allow-list, YAML or JSON (a source whose name ends in {@code .json} is read as JSON, every other as YAML),
 * and validates it strictly: an unknown key, a wrong type, a bad date, a bad version range or pattern, an approval
 * without reason or owner, a denial without reason is an {@link InvalidAllowListException} naming the file, the line
 * and column and what was expected. The schema is documented in docs/allowlist.md.
 */
public final class AllowListLoader {

    private static final List<String> TOP_KEYS = List.of("version", "layer", "approved", "denied", "settings");
    private static final List<String> SETTINGS_KEYS = List.of("expiringWithinDays", "allowLicenses", "failOnUnlisted");
    private static final List<String> APPROVED_KEYS = List.of("groupId", "artifactId", "versions", "scopes", "licenses", "reason", "owner",
            "ticket", "approvedOn", "expires");
    private static final List<String> DENIED_KEYS = List.of("groupId", "artifactId", "versions", "scopes", "licenses", "reason", "owner",
            "ticket", "approvedOn", "replacement");
    private static final List<String> SCOPES = List.of("compile", "provided", "runtime", "test", "system", "import");

    private AllowListLoader() {}

    public static AllowList load(Path file, String layer) throws IOException, InvalidAllowListException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), layer);
        }
    }

    /** Reads a list from a stream; {@code sourceName} names it in messages and chooses JSON when it ends in .json. */
    public static AllowList load(InputStream in, String sourceName, String layer) throws IOException, InvalidAllowListException {
        PositionedNode root = PositionedNode.readDocument(in, sourceName, "an allow-list", "the allow-list", InvalidAllowListException::at);
        return new Validation(sourceName).list(root, layer);
    }

    /** The checks of one file, each naming the file and the position of what it rejects. */
    private static final class Validation {

        private final String file;

        Validation(String file) {
            this.file = file;
        }

        AllowList list(PositionedNode root, String layer) throws InvalidAllowListException {
            object(root, "the allow-list", "a mapping with version, approved, denied and settings");
            keys(root, "the allow-list", TOP_KEYS);
            PositionedNode version = root.fields().get("version");
            if (version == null) {
                throw error(root.location(), "expected \"version: 1\" (the allow-list schema version) in the allow-list");
            }
            if (version.type() != PositionedNode.Type.NUMBER || !version.text().equals("1")) {
                throw error(version.location(), "version: expected 1, the only allow-list schema version; got " + version.describe());
            }
            PositionedNode name = root.fields().get("layer");
            String layerName = name == null || name.isNull() ? null
                    : scalar(name, "layer", "the name of the list's layer, such as organization, team or project");
            if (layerName != null && !layerName.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")) {
                throw error(name.location(), "layer: expected a short name (letters, digits, blanks, '.', '_' or '-'; at most 40) such as organization; got \"" + layerName + "\"");
            }
            List<Entry> approved = entries(root.fields().get("approved"), Entry.Kind.APPROVED);
            List<Entry> denied = entries(root.fields().get("denied"), Entry.Kind.DENIED);
            int expiringWithinDays = AllowList.DEFAULT_EXPIRING_WITHIN_DAYS;
            List<String> allowLicenses = List.of();
            boolean failOnUnlisted = true;
            PositionedNode settings = root.fields().get("settings");
            if (settings != null && !settings.isNull()) {
                object(settings, "settings", "a mapping of expiringWithinDays, allowLicenses and failOnUnlisted");
                keys(settings, "settings", SETTINGS_KEYS);
                PositionedNode days = settings.fields().get("expiringWithinDays");
                if (days != null) {
                    expiringWithinDays = days(days, "settings.expiringWithinDays");
                }
                PositionedNode licenses = settings.fields().get("allowLicenses");
                if (licenses != null) {
                    allowLicenses = strings(licenses, "settings.allowLicenses", "a list of SPDX license ids such as [Apache-2.0, MIT]");
                }
                PositionedNode unlisted = settings.fields().get("failOnUnlisted");
                if (unlisted != null) {
                    if (unlisted.type() != PositionedNode.Type.BOOLEAN) {
                        throw error(unlisted.location(), "settings.failOnUnlisted: expected true or false; got " + unlisted.describe());
                    }
                    failOnUnlisted = unlisted.booleanValue();
                }
            }
            return new AllowList(file, layerName == null ? layer : layerName, layerName != null, approved, denied, expiringWithinDays, allowLicenses, failOnUnlisted);
        }

        private List<Entry> entries(PositionedNode node, Entry.Kind kind) throws InvalidAllowListException {
            String section = kind == Entry.Kind.APPROVED ? "approved" : "denied";
            List<Entry> entries = new ArrayList<>();
            // "approved:" with nothing under it is an empty list in YAML: read as no entries.
            if (node == null || node.isNull()) {
                return entries;
            }
            if (node.type() != PositionedNode.Type.ARRAY) {
                throw error(node.location(), section + ": expected a list of entries (each a mapping with groupId, artifactId, ...); got " + node.describe());
            }
            for (int i = 0; i < node.items().size(); i++) {
                entries.add(entry(node.items().get(i), kind, section + " #" + (i + 1)));
            }
            return entries;
        }

        private Entry entry(PositionedNode node, Entry.Kind kind, String where) throws InvalidAllowListException {
            boolean approval = kind == Entry.Kind.APPROVED;
            object(node, where, "a mapping with groupId, artifactId, reason" + (approval ? ", owner" : "") + " and optional keys");
            keys(node, where, approval ? APPROVED_KEYS : DENIED_KEYS);
            CoordinatePattern groupId = pattern(node, "groupId", where);
            CoordinatePattern artifactId = pattern(node, "artifactId", where);
            String versions = null;
            VersionRange range = null;
            PositionedNode versionsNode = node.fields().get("versions");
            if (versionsNode != null && !versionsNode.isNull()) {
                versions = scalar(versionsNode, where + ".versions", "a Maven version range such as \"[3.0,4.0)\" or an exact version such as \"1.2\"");
                range = range(versions, versionsNode, where + ".versions");
            }
            List<String> scopes = List.of();
            PositionedNode scopesNode = node.fields().get("scopes");
            if (scopesNode != null) {
                scopes = strings(scopesNode, where + ".scopes", "a list of Maven scopes such as [compile, runtime]");
                for (int i = 0; i < scopes.size(); i++) {
                    if (!SCOPES.contains(scopes.get(i))) {
                        PositionedNode item = scopesNode.type() == PositionedNode.Type.ARRAY ? scopesNode.items().get(i) : scopesNode;
                        throw error(item.location(), where + ".scopes: expected one of " + String.join(", ", SCOPES) + "; got " + item.describe());
                    }
                }
            }
            List<String> licenses = List.of();
            PositionedNode licensesNode = node.fields().get("licenses");
            if (licensesNode != null) {
                licenses = strings(licensesNode, where + ".licenses", "a list of SPDX license ids or expressions such as [Apache-2.0, MIT]");
            }
            String reason = text(node, "reason", where, true);
            String owner = text(node, "owner", where, approval);
            String ticket = text(node, "ticket", where, false);
            LocalDate approvedOn = date(node, "approvedOn", where);
            LocalDate expires = approval ? date(node, "expires", where) : null;
            if (approvedOn != null && expires != null && approvedOn.isAfter(expires)) {
                throw error(node.fields().get("approvedOn").location(), where + ".approvedOn: " + approvedOn + " is after expires " + expires
                        + "; expected the day of approval, on or before the expiry");
            }
            String replacement = approval ? null : text(node, "replacement", where, false);
            return new Entry(kind, groupId, artifactId, versions, range, scopes, licenses, reason, owner, ticket, approvedOn, expires,
                    replacement, file, node.location().getLineNr());
        }

        private CoordinatePattern pattern(PositionedNode entry, String key, String where) throws InvalidAllowListException {
            PositionedNode node = entry.fields().get(key);
            if (node == null) {
                throw error(entry.location(), where + ": expected " + key + " (a name, or a pattern with * wildcards)");
            }
            String text = scalar(node, where + "." + key, "a name, or a pattern with * wildcards such as \"org.apache.*\"");
            if (!CoordinatePattern.ALLOWED.matcher(text).matches()) {
                throw error(node.location(), where + "." + key + ": expected letters, digits, '.', '_', '-' and '*' wildcards only (no regular"
                        + " expressions); got " + node.describe());
            }
            return new CoordinatePattern(text);
        }

        private VersionRange range(String versions, PositionedNode node, String where) throws InvalidAllowListException {
            String spec = versions.strip();
            boolean bracketed = spec.startsWith("[") || spec.startsWith("(");
            if (spec.isEmpty() || !bracketed && !spec.matches("[^\\[\\](),\\s]+")) {
                throw error(node.location(), where + ": expected a Maven version range such as \"[3.0,4.0)\" or an exact version such as \"1.2\"; got "
                        + node.describe());
            }
            try {
                // A bare version means exactly that version, not "that version or later" as in a POM.
                return VersionRange.createFromVersionSpec(bracketed ? spec : "[" + spec + "]");
            } catch (InvalidVersionSpecificationException e) {
                throw error(node.location(), where + ": expected a Maven version range such as \"[3.0,4.0)\" or an exact version such as \"1.2\"; got "
                        + node.describe() + " (" + e.getMessage() + ")");
            }
        }

        private String text(PositionedNode entry, String key, String where, boolean required) throws InvalidAllowListException {
            PositionedNode node = entry.fields().get(key);
            if (node == null || node.isNull()) {
                if (required) {
                    throw error(node == null ? entry.location() : node.location(), where + ": expected " + key + " (" + why(key) + ")");
                }
                return null;
            }
            String text = scalar(node, where + "." + key, "text");
            if (text.isBlank()) {
                if (required) {
                    throw error(node.location(), where + "." + key + ": expected " + why(key) + "; got an empty text");
                }
                return null;
            }
            return text.strip();
        }

        private static String why(String key) {
            switch (key) {
                case "reason":
                    return "why the entry is there, in words";
                case "owner":
                    return "who approved it and answers for it";
                default:
                    return "text";
            }
        }

        private LocalDate date(PositionedNode entry, String key, String where) throws InvalidAllowListException {
            PositionedNode node = entry.fields().get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.type() == PositionedNode.Type.STRING) {
                try {
                    return LocalDate.parse(node.text().strip());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw error(node.location(), where + "." + key + ": expected a date as YYYY-MM-DD; got " + node.describe());
        }

        private int days(PositionedNode node, String where) throws InvalidAllowListException {
            if (node.type() == PositionedNode.Type.NUMBER && node.text().matches("\\d{1,4}")) {
                return Integer.parseInt(node.text());
            }
            throw error(node.location(), where + ": expected a whole number of days from 0 to 9999; got " + node.describe());
        }

        /** A string, or a number kept as written (YAML reads an unquoted 1.2 as a number). */
        private String scalar(PositionedNode node, String where, String expected) throws InvalidAllowListException {
            if (node.type() == PositionedNode.Type.STRING || node.type() == PositionedNode.Type.NUMBER) {
                return node.text();
            }
            throw error(node.location(), where + ": expected " + expected + "; got " + node.describe());
        }

        /** A list of non-empty strings; a single string is read as a list of one. */
        private List<String> strings(PositionedNode node, String where, String expected) throws InvalidAllowListException {
            List<PositionedNode> items = node.type() == PositionedNode.Type.ARRAY ? node.items() : List.of(node);
            List<String> values = new ArrayList<>();
            for (PositionedNode item : items) {
                String value = scalar(item, where, expected).strip();
                if (value.isEmpty()) {
                    throw error(item.location(), where + ": expected " + expected + "; got an empty text");
                }
                values.add(value);
            }
            return values;
        }

        private void object(PositionedNode node, String where, String expected) throws InvalidAllowListException {
            if (node.type() != PositionedNode.Type.OBJECT) {
                throw error(node.location(), where + ": expected " + expected + "; got " + node.describe());
            }
        }

        private void keys(PositionedNode node, String where, List<String> allowed) throws InvalidAllowListException {
            for (String key : node.fields().keySet()) {
                if (!allowed.contains(key)) {
                    throw error(node.keyLocations().get(key), where + ": unknown key \"" + key + "\"; expected one of " + String.join(", ", allowed));
                }
            }
        }

        private InvalidAllowListException error(JsonLocation location, String expected) {
            return InvalidAllowListException.at(file, location, expected);
        }
    }
}
