package dev.securebuild.findings.read;

import java.util.Locale;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * Package URLs built from what scanners give when they give no purl: a purl type, a package name as the ecosystem
 * writes it ({@code org.slf4j:slf4j-api}, {@code @babel/core}, {@code github.com/foo/bar}) and a version. A name that
 * makes no valid purl of its type becomes a {@code pkg:generic} one, so that a finding still names its package.
 */
final class EcosystemPurls {

    private EcosystemPurls() {}

    /** The purl of {@code name} in the ecosystem of {@code purlType}; null when there is no name. */
    static String of(String purlType, String name, String version) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String namespace = null;
        String simpleName = name.strip();
        switch (purlType) {
            case "maven" -> {
                // Trivy, OSV and the Maven world write groupId:artifactId.
                int colon = simpleName.indexOf(':');
                if (colon <= 0 || colon == simpleName.length() - 1) {
                    return generic(name, version);
                }
                namespace = simpleName.substring(0, colon);
                simpleName = simpleName.substring(colon + 1);
            }
            case "npm", "composer", "golang", "swift" -> {
                // A scope, vendor or module path before the last slash.
                int slash = simpleName.lastIndexOf('/');
                if (slash > 0) {
                    namespace = simpleName.substring(0, slash);
                    simpleName = simpleName.substring(slash + 1);
                }
            }
            default -> {
                // The name is the whole name.
            }
        }
        return build(purlType, namespace, simpleName, version, name);
    }

    /** The purl of an operating-system package of the distribution {@code family} (alpine, debian, redhat...), else null. */
    static String osPackage(String family, String name, String version) {
        if (family == null || name == null || name.isBlank()) {
            return null;
        }
        String distro = family.strip().toLowerCase(Locale.ROOT);
        String[] typeAndNamespace = osTypeAndNamespace(distro);
        if (typeAndNamespace == null) {
            return null;
        }
        return build(typeAndNamespace[0], typeAndNamespace[1], name.strip(), version, name);
    }

    static String generic(String name, String version) {
        try {
            return new PackageURL("generic", null, name.strip(), blankToNull(version), null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    /** purl type and namespace of a distribution as Trivy, Grype and OSV name it ({@code opensuse.leap}, {@code Red Hat}). */
    private static String[] osTypeAndNamespace(String distro) {
        if (distro.startsWith("alpine")) {
            return new String[] {"apk", "alpine"};
        }
        if (distro.startsWith("wolfi") || distro.startsWith("chainguard")) {
            return new String[] {"apk", distro.startsWith("wolfi") ? "wolfi" : "chainguard"};
        }
        if (distro.startsWith("debian") || distro.startsWith("ubuntu")) {
            return new String[] {"deb", distro.startsWith("debian") ? "debian" : "ubuntu"};
        }
        if (distro.startsWith("opensuse")) {
            return new String[] {"rpm", "opensuse"};
        }
        if (distro.startsWith("suse") || distro.startsWith("sles")) {
            return new String[] {"rpm", "suse"};
        }
        if (distro.startsWith("red hat") || distro.startsWith("redhat") || distro.equals("rhel")) {
            return new String[] {"rpm", "redhat"};
        }
        for (String rpmDistro : new String[] {"centos", "rocky", "alma", "oracle", "amazon", "fedora", "photon", "mageia", "azurelinux",
                "cbl-mariner", "mariner", "openeuler"}) {
            if (distro.startsWith(rpmDistro)) {
                return new String[] {"rpm", rpmDistro.equals("alma") ? "almalinux" : rpmDistro.equals("cbl-mariner") ? "mariner" : rpmDistro};
            }
        }
        return null;
    }

    private static String build(String type, String namespace, String name, String version, String originalName) {
        try {
            return new PackageURL(type, blankToNull(namespace), name, blankToNull(version), null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return generic(originalName, version);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
