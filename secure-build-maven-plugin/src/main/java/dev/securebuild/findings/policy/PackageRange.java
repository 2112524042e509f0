package dev.securebuild.findings.policy;

import org.apache.maven.artifact.versioning.ArtifactVersion;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

import dev.securebuild.findings.PackageId;

/**
 * The {@code package} selector of an exception: a package URL or a Maven coordinate {@code groupId:artifactId}, with
 * an optional version that is either exact ({@code 2.14.1}: that version only, never "2.14.1 or later") or a Maven
 * version range ({@code [2.0,2.15)}). Versions are compared by Maven's version order, whatever the package type.
 */
public final class PackageRange {

    private final String text;
    private final PackageId packageId;
    private final String exactVersion;
    private final VersionRange range;

    private PackageRange(String text, PackageId packageId, String exactVersion, VersionRange range) {
        this.text = text;
        this.packageId = packageId;
        this.exactVersion = exactVersion;
        this.range = range;
    }

    /** Parses the selector; the exception's message says what was expected. */
    public static PackageRange parse(String text) {
        String trimmed = text.strip();
        String name;
        String version;
        if (trimmed.startsWith("pkg:")) {
            // The version sits after the '@' that follows the last '/' of the name, before qualifiers and subpath.
            int end = firstOf(trimmed, '?', '#');
            String withoutQualifiers = trimmed.substring(0, end);
            int at = withoutQualifiers.indexOf('@', withoutQualifiers.lastIndexOf('/') + 1);
            name = at < 0 ? trimmed : withoutQualifiers.substring(0, at) + trimmed.substring(end);
            version = at < 0 ? "" : withoutQualifiers.substring(at + 1);
        } else {
            String[] parts = trimmed.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("expected a package URL (pkg:maven/group/artifact@[1.0,2.0)) or groupId:artifactId[:version or range]");
            }
            name = parts[0] + ":" + parts[1];
            version = parts.length == 3 ? parts[2] : "";
        }
        PackageId id = PackageId.parse(name);
        if (id == null) {
            throw new IllegalArgumentException("expected a valid package URL (pkg:type/namespace/name@version) or groupId:artifactId[:version or range]");
        }
        id = new PackageId(id.type(), id.namespace(), id.name(), "");
        if (version.isBlank()) {
            return new PackageRange(trimmed, id, null, null);
        }
        if (version.startsWith("[") || version.startsWith("(")) {
            try {
                return new PackageRange(trimmed, id, null, VersionRange.createFromVersionSpec(version));
            } catch (InvalidVersionSpecificationException e) {
                throw new IllegalArgumentException("expected a Maven version range such as [2.0,2.15) or (,1.2]; " + e.getMessage());
            }
        }
        if (version.contains(",") || version.endsWith("]") || version.endsWith(")")) {
            throw new IllegalArgumentException("expected a version or a Maven version range that starts with [ or (; got \"" + version + "\"");
        }
        return new PackageRange(trimmed, id, version, null);
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j < 0 ? text.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /** Whether the component (purl or Maven coordinate) is this package in an accepted version. */
    public boolean matches(String component) {
        PackageId candidate = PackageId.parse(component);
        if (candidate == null || !candidate.packageKey().equals(packageId.packageKey())) {
            return false;
        }
        if (exactVersion == null && range == null) {
            return true;
        }
        // A selector with a version cannot match a component of unknown version.
        if (candidate.version().isEmpty()) {
            return false;
        }
        ArtifactVersion version = new DefaultArtifactVersion(candidate.version());
        if (range != null) {
            return range.containsVersion(version);
        }
        return version.compareTo(new DefaultArtifactVersion(exactVersion)) == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
