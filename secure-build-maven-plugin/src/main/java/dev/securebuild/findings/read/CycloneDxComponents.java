package dev.securebuild.findings.read;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a CycloneDX reader keeps of a BOM's components: only bom-ref to package URL, not the components themselves,
 * so that a BOM of thousands of components costs a few strings each. A component without a purl is named by its
 * group, name and version instead ({@code Django@2.2.18}): not a purl, but what a person can recognise in a report.
 */
final class CycloneDxComponents {

    private final Map<String, String> purlByBomRef = new HashMap<>();

    /** Records one component; one without a bom-ref cannot be referred to and is not kept. */
    void add(String bomRef, String purl, String group, String name, String version) {
        if (bomRef != null && !bomRef.isBlank()) {
            purlByBomRef.put(bomRef, name(purl, group, name, version));
        }
    }

    /** The purl of a component, else its group/name@version, else null when it has neither. */
    static String name(String purl, String group, String name, String version) {
        if (purl != null && !purl.isBlank()) {
            return purl.strip();
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String groupPart = group == null || group.isBlank() ? "" : group.strip() + "/";
        String versionPart = version == null || version.isBlank() ? "" : "@" + version.strip();
        return groupPart + name.strip() + versionPart;
    }

    /**
     * The component an {@code affects[].ref} names: a bom-ref of this BOM, a BOM-Link ({@code urn:cdx:serial/version#bom-ref},
     * whose bom-ref is looked up here and taken as a purl when it is one), or a purl written directly. A ref that is
     * none of these (a bom-ref of a BOM we do not have) is kept as written, so that the finding still says what it is about.
     */
    String resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String trimmed = ref.strip();
        String known = purlByBomRef.get(trimmed);
        if (known != null) {
            return known;
        }
        if (trimmed.startsWith("urn:cdx:") && trimmed.indexOf('#') > 0) {
            String fragment = trimmed.substring(trimmed.indexOf('#') + 1);
            known = purlByBomRef.get(fragment);
            if (known == null && !fragment.startsWith("pkg:")) {
                // BOM-Link percent-encodes the bom-ref; a purl fragment is kept as written, its own encoding intact.
                known = purlByBomRef.get(decoded(fragment));
            }
            return known != null ? known : fragment;
        }
        return trimmed;
    }

    private static String decoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            // Percent-decoding only: URLDecoder's form decoding would also turn '+' into a space.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
