package dev.securebuild.allowlist;

import java.util.List;
import java.util.Objects;

/**
 * A dependency, plugin or extension to decide on: its coordinates, the scope it is used in (null when it has none,
 * such as a plugin), its declared licenses (SPDX ids or expressions; empty when unknown) and the path from the project
 * to it as {@code g:a:v} strings, the project first and the component last, for messages.
 */
public final class Component {

    private final String groupId;
    private final String artifactId;
    private final String version;
    private final String scope;
    private final List<String> licenses;
    private final List<String> path;

    public Component(String groupId, String artifactId, String version, String scope, List<String> licenses, List<String> path) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.artifactId = Objects.requireNonNull(artifactId, "artifactId");
        this.version = Objects.requireNonNull(version, "version");
        this.scope = scope;
        this.licenses = List.copyOf(licenses);
        this.path = List.copyOf(path);
    }

    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    public String version() {
        return version;
    }

    public String scope() {
        return scope;
    }

    public List<String> licenses() {
        return licenses;
    }

    public List<String> path() {
        return path;
    }

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    @Override
    public String toString() {
        return coordinates() + (scope == null ? "" : " (" + scope + ")");
    }
}
