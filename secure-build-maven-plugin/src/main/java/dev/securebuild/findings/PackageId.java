package dev.securebuild.findings;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern MAVEN_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern MAVEN_VERSION = Pattern.compile("[^\\s/\\\\:]+");
    private static final Pattern PYPI_SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern UNENCODED_SCOPE = Pattern.compile("^(pkg:[A-Za-z.+-]+/)@");
    private static final Set<String> MAVEN_SCOPES = Set.of("compile", "provided", "runtime", "test", "system", "import");

    /** The identity of a purl or Maven coordinate, or null when the text is neither. */
    public static PackageId parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("pkg:")) {
            try {
                // Tools write npm scopes as "@scope" unencoded; the purl parser then takes the "@" for the version's.
                PackageURL purl = new PackageURL(UNENCODED_SCOPE.matcher(trimmed).replaceFirst("$1%40"));
                String type = purl.getType().toLowerCase(Locale.ROOT);
                String namespace = purl.getNamespace() == null ? "" : purl.getNamespace();
                String name = purl.getName();
                // Ecosystems whose registries ignore case: compare them without it.
                if (type.equals("pypi") || type.equals("npm")) {
                    namespace = namespace.toLowerCase(Locale.ROOT);
                    name = name.toLowerCase(Locale.ROOT);
                }
                if (type.equals("pypi")) {
                    // PEP 503: a run of "-", "_" and "." is one "-".
                    name = PYPI_SEPARATORS.matcher(name).replaceAll("-");
                }
                return new PackageId(type, namespace, name, purl.getVersion() == null ? "" : purl.getVersion());
            } catch (MalformedPackageURLException e) {
                return null;
            }
        }
        return parseMavenCoordinate(trimmed);
    }

    /**
     * {@code groupId:artifactId[:version]}, {@code g:a:type:version} or {@code g:a:type:classifier:version}, as Maven
     * writes them; a trailing scope ({@code g:a:jar:1.0:compile}, as dependency:tree prints) is dropped. Null for
     * anything else: a file name, a Windows path, a CPE, an empty part.
     */
    private static PackageId parseMavenCoordinate(String text) {
        String[] parts = text.split(":", -1);
        int length = parts.length;
        if (length >= 5 && MAVEN_SCOPES.contains(parts[length - 1])) {
            length--;
        }
        if (length < 2 || length > 5) {
            return null;
        }
        for (int i = 0; i < length - 1; i++) {
            if (!MAVEN_ID.matcher(parts[i]).matches()) {
                return null;
            }
        }
        String last = parts[length - 1];
        if (length == 2) {
            return MAVEN_ID.matcher(last).matches() ? new PackageId("maven", parts[0], last, "") : null;
        }
        return MAVEN_VERSION.matcher(last).matches() ? new PackageId("maven", parts[0], parts[1], last) : null;
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
