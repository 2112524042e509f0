package dev.securebuild.allowlist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a license as a POM writes it ({@code <name>} and {@code <url>}) into an SPDX id, so that allow-lists can name
 * licenses by SPDX id only. The table is small on purpose: the names and URLs seen most often in Maven Central.
 *
 * <ul>
 * <li>A name that is already a known SPDX id, or an expression of known ids ({@code OR}, {@code AND}, {@code WITH},
 * parentheses), is kept, in the SPDX spelling ({@code apache-2.0} becomes {@code Apache-2.0}).</li>
 * <li>Otherwise the name is compared with the table after lower-casing and dropping "the", "version", "v", punctuation
 * and "licence"/"license" spelling differences; then the URL (scheme, {@code www.}, {@code .txt}/{@code .html} and a
 * trailing slash ignored).</li>
 * <li>A GNU license named without "or later" is read as {@code -only}, the narrower grant.</li>
 * <li>Ambiguous names stay unknown: "BSD License" (2- or 3-clause?), "Public Domain" (no SPDX id), "GPL" without a
 * version. An unknown license is returned as written (its name, else its URL), so messages show it and an allow-list
 * may still accept it by writing it exactly.</li>
 * </ul>
 */
public final class SpdxNames {

    /** Known SPDX license ids, keyed by their lower-case form. */
    private static final Map<String, String> IDS = new TreeMap<>();
    /** Known SPDX exception ids (after WITH), keyed by their lower-case form. */
    private static final Map<String, String> EXCEPTIONS = new TreeMap<>();
    /** Normalized POM names to SPDX. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** Normalized URLs to SPDX. */
    private static final Map<String, String> URLS = new LinkedHashMap<>();

    private static final String GPL2_CPE = "GPL-2.0-only WITH Classpath-exception-2.0";

    static {
        for (String id : List.of("0BSD", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause",
                "BSL-1.0", "CC-BY-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "EPL-1.0", "EPL-2.0", "EUPL-1.2", "GPL-2.0-only", "GPL-2.0-or-later",
                "GPL-3.0-only", "GPL-3.0-or-later", "ISC", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "MIT",
                "MIT-0", "MPL-1.1", "MPL-2.0", "Unlicense", "UPL-1.0", "Zlib",
                // Deprecated ids still common in POMs: kept as written, not guessed to -only or -or-later.
                "GPL-2.0", "GPL-3.0", "LGPL-2.1", "LGPL-3.0", "AGPL-3.0")) {
            IDS.put(id.toLowerCase(Locale.ROOT), id);
        }
        for (String id : List.of("Classpath-exception-2.0", "LLVM-exception")) {
            EXCEPTIONS.put(id.toLowerCase(Locale.ROOT), id);
        }
        name("Apache-2.0", "apache license 2.0", "apache software license 2.0", "apache 2.0", "apache 2", "apache license 2",
                "apache public license 2.0", "asl 2.0", "al 2.0", "asf 2.0");
        name("MIT", "mit license", "mit", "expat license");
        name("BSD-3-Clause", "bsd 3 clause", "bsd 3 clause license", "new bsd license", "modified bsd license", "revised bsd license",
                "3 clause bsd license", "edl 1.0", "eclipse distribution license 1.0");
        name("BSD-2-Clause", "bsd 2 clause", "bsd 2 clause license", "simplified bsd license", "freebsd license", "2 clause bsd license");
        name("EPL-1.0", "eclipse public license 1.0", "epl 1.0");
        name("EPL-2.0", "eclipse public license 2.0", "epl 2.0");
        name("LGPL-2.1-only", "lgpl 2.1", "gnu lesser general public license 2.1", "gnu library general public license 2.1");
        name("LGPL-2.1-or-later", "lgpl 2.1 or later", "gnu lesser general public license 2.1 or later");
        name("LGPL-3.0-only", "lgpl 3.0", "lgpl 3", "gnu lesser general public license 3.0", "gnu lesser general public license 3");
        name("LGPL-3.0-or-later", "lgpl 3.0 or later", "gnu lesser general public license 3.0 or later");
        name("GPL-2.0-only", "gpl 2.0", "gpl 2", "gnu general public license 2.0", "gnu general public license 2");
        name("GPL-3.0-only", "gpl 3.0", "gpl 3", "gnu general public license 3.0", "gnu general public license 3");
        name(GPL2_CPE, "gpl2 w cpe", "gpl 2 w cpe", "gpl 2.0 w cpe", "gpl2 with classpath exception", "gpl 2.0 with classpath exception",
                "gnu general public license 2 with gnu classpath exception", "gnu general public license 2.0 with gnu classpath exception",
                "gnu general public license 2 with classpath exception", "gnu general public license 2.0 with classpath exception");
        name("CDDL-1.0", "cddl 1.0", "common development and distribution license 1.0", "cddl");
        name("CDDL-1.1", "cddl 1.1", "common development and distribution license 1.1");
        name("MPL-2.0", "mpl 2.0", "mozilla public license 2.0");
        name("MPL-1.1", "mpl 1.1", "mozilla public license 1.1");
        name("CC0-1.0", "cc0", "cc0 1.0", "cc0 1.0 universal", "creative commons zero", "cc0 1.0 universal public domain dedication");
        name("ISC", "isc license");
        name("BSL-1.0", "boost software license 1.0");
        name("UPL-1.0", "universal permissive license 1.0");

        url("Apache-2.0", "apache.org/licenses/license-2.0", "opensource.org/licenses/apache-2.0");
        url("MIT", "opensource.org/licenses/mit", "opensource.org/licenses/mit-license");
        url("BSD-3-Clause", "opensource.org/licenses/bsd-3-clause", "eclipse.org/org/documents/edl-v10");
        url("BSD-2-Clause", "opensource.org/licenses/bsd-2-clause");
        url("EPL-1.0", "eclipse.org/legal/epl-v10", "opensource.org/licenses/epl-1.0");
        url("EPL-2.0", "eclipse.org/legal/epl-2.0", "eclipse.org/legal/epl-v20", "opensource.org/licenses/epl-2.0");
        url("LGPL-2.1-only", "gnu.org/licenses/old-licenses/lgpl-2.1", "opensource.org/licenses/lgpl-2.1");
        url("LGPL-3.0-only", "gnu.org/licenses/lgpl-3.0", "opensource.org/licenses/lgpl-3.0");
        url("GPL-2.0-only", "gnu.org/licenses/old-licenses/gpl-2.0");
        url("GPL-3.0-only", "gnu.org/licenses/gpl-3.0");
        url(GPL2_CPE, "openjdk.java.net/legal/gplv2+ce", "openjdk.org/legal/gplv2+ce");
        url("CDDL-1.0", "opensource.org/licenses/cddl1", "opensource.org/licenses/cddl-1.0");
        url("CDDL-1.1", "oss.oracle.com/licenses/cddl-1.1");
        url("MPL-2.0", "mozilla.org/mpl/2.0", "opensource.org/licenses/mpl-2.0");
        url("CC0-1.0", "creativecommons.org/publicdomain/zero/1.0", "creativecommons.org/publicdomain/zero/1.0/legalcode");
    }

    private SpdxNames() {}

    private static void name(String spdx, String... names) {
        for (String name : names) {
            NAMES.put(name, spdx);
        }
    }

    private static void url(String spdx, String... urls) {
        for (String url : urls) {
            URLS.put(url, spdx);
        }
    }

    /**
     * The SPDX id (or expression) for a POM's {@code <license>}, or the license as written (name, else URL) when it is
     * not known; null when both are blank.
     */
    public static String toSpdx(String name, String url) {
        String spdx = known(name, url);
        if (spdx != null) {
            return spdx;
        }
        if (name != null && !name.isBlank()) {
            return name.strip().replaceAll("\\s+", " ");
        }
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** The SPDX id (or expression) for a name and URL, or null when neither is known. */
    public static String known(String name, String url) {
        if (name != null && !name.isBlank()) {
            String expression = expression(name.strip());
            if (expression != null) {
                return expression;
            }
            String byName = NAMES.get(normalizeName(name));
            if (byName != null) {
                return byName;
            }
        }
        return url == null || url.isBlank() ? null : URLS.get(normalizeUrl(url));
    }

    /** The text in SPDX spelling when it is a known id or an expression of known ids, else null. */
    static String expression(String text) {
        String[] tokens = text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
        StringBuilder spelled = new StringBuilder();
        boolean afterWith = false;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            String spelling;
            if (token.equals("(") || token.equals(")")) {
                spelling = token;
            } else if (lower.equals("or") || lower.equals("and") || lower.equals("with")) {
                spelling = lower.toUpperCase(Locale.ROOT);
                if (!token.equals(spelling) && tokens.length > 1) {
                    return null; // "Apache and MIT" in prose is not an SPDX expression
                }
            } else {
                spelling = (afterWith ? EXCEPTIONS : IDS).get(lower);
                if (spelling == null) {
                    return null;
                }
            }
            afterWith = spelling.equals("WITH");
            if (spelled.length() > 0 && !spelling.equals(")") && spelled.charAt(spelled.length() - 1) != '(') {
                spelled.append(' ');
            }
            spelled.append(spelling);
        }
        return spelled.length() == 0 ? null : spelled.toString();
    }

    static String normalizeName(String name) {
        String text = name.toLowerCase(Locale.ROOT).replace("licence", "license");
        text = text.replaceAll("[,;:()\\[\\]/\"'_-]", " ");
        // "v2.0", "v. 2.0", "version 2.0" -> "2.0"
        text = text.replaceAll("\\bv\\.?\\s*(?=\\d)", " ").replaceAll("\\b(the|version|v)\\b", " ");
        return text.replaceAll("\\s+", " ").trim();
    }

    static String normalizeUrl(String url) {
        String text = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        text = text.replaceAll("/+$", "").replaceFirst("\\.(txt|html?|php)$", "").replaceAll("/+$", "");
        return text;
    }
}
