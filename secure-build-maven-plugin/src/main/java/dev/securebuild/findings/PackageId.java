package dev.securebuild.findings;

import java.util.Locale;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * A package's identity, normalized so that the same package named by different tools compares equal: a package URL
 * ({@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar}) or a Maven coordinate
 * ({@code org.apache.logging.log4j:log4j-core:2.14.1}, with optional type and classifier) both become
 * {@code maven org.apache.logging.log4j/log4j-core 2.14.1}. Qualifiers and subpaths are dropped: they name a file
 * of the package, not another package.
 *
 * @param type       the purl type ({@code maven}, {@code npm}, {@code pypi}...), lower case
 * @param namespace  group, scope or vendor; empty when the type has none
 * @param name       the package name
 * @param version    empty when not given
 */
public record PackageId(String type, String namespace, String name, String version) {

    /** The identity of a purl or Maven coordinate, or null when the text is neither. */
    public static PackageId parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("pkg:")) {
            try {
                PackageURL purl = new PackageURL(trimmed);
                String type = purl.getType().toLowerCase(Locale.ROOT);
                String namespace = purl.getNamespace() == null ? "" : purl.getNamespace();
                String name = purl.getName();
                // Ecosystems whose registries ignore case: compare them without it.
                if (type.equals("pypi") || type.equals("npm")) {
                    namespace = namespace.toLowerCase(Locale.ROOT);
                    name = name.toLowerCase(Locale.ROOT);
                }
                if (type.equals("pypi")) {
                    name = name.replace('_', '-').replace('.', '-');
                }
                return new PackageId(type, namespace, name, purl.getVersion() == null ? "" : purl.getVersion());
            } catch (MalformedPackageURLException e) {
                return null;
            }
        }
        String[] parts = trimmed.split(":");
        if (parts.length >= 2 && parts.length <= 5 && !trimmed.contains("/") && !trimmed.contains(" ")) {
            // groupId:artifactId[:version] | g:a:type:version | g:a:type:classifier:version
            String version = parts.length == 2 ? "" : parts[parts.length - 1];
            return new PackageId("maven", parts[0], parts[1], version);
        }
        return null;
    }

    /** Type, namespace and name, without the version: two versions of one package share it. */
    public String packageKey() {
        return type + ":" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    /** The package and its version: findings about the same version of the same package share it. */
    public String key() {
        return packageKey() + "@" + version;
    }

    @Override
    public String toString() {
        return key();
    }
}
