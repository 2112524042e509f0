package dev.securebuild.reproducible;

import java.util.Map;

/**
 * The plugin execution that wrote an output, as this build's plan had it, or {@link #UNKNOWN} when the plan does not
 * tell.
 *
 * @param groupId    the plugin's groupId (null when only a text is known)
 * @param plugin     the plugin's artifactId, null when unknown
 * @param version    the plugin's version as it ran
 * @param execution  the execution id ({@code default-jar}, {@code dist})
 * @param text       what to say when no plugin is named ({@code unknown}, or "the project's POM file")
 */
public record Producer(String groupId, String plugin, String version, String execution, String text) {

    public static final Producer UNKNOWN = new Producer(null, null, null, null, "unknown");

    /**
     * The first version of each archiver plugin that honours {@code project.build.outputTimestamp}: the list of
     * maven-artifact-plugin's check-buildplan (not-reproducible-plugins.properties), by artifactId.
     */
    private static final Map<String, String> HONOURS_OUTPUT_TIMESTAMP_SINCE = Map.ofEntries(
            Map.entry("maven-assembly-plugin", "3.2.0"), Map.entry("maven-jar-plugin", "3.2.0"),
            Map.entry("maven-source-plugin", "3.2.1"), Map.entry("maven-war-plugin", "3.3.1"),
            Map.entry("maven-ear-plugin", "3.1.0"), Map.entry("maven-ejb-plugin", "3.1.0"),
            Map.entry("maven-rar-plugin", "3.0.0"), Map.entry("maven-shade-plugin", "3.2.3"),
            Map.entry("maven-plugin-plugin", "3.5.1"), Map.entry("maven-bundle-plugin", "5.1.9"),
            Map.entry("spring-boot-maven-plugin", "2.7.1"));

    public static Producer execution(String groupId, String plugin, String version, String execution) {
        return new Producer(groupId, plugin, version, execution, null);
    }

    /** A producer known only by a text (no plugin, or a description of one). */
    public static Producer described(String text) {
        return new Producer(null, null, null, null, text);
    }

    public boolean known() {
        return plugin != null;
    }

    /** "maven-assembly-plugin 3.7.1, execution dist", or the text. */
    public String describe() {
        if (plugin == null) {
            return text;
        }
        return plugin + (version == null ? "" : " " + version) + (execution == null ? "" : ", execution " + execution);
    }

    /** The first version that honours project.build.outputTimestamp, when this plugin is one of the known archivers. */
    public String honoursOutputTimestampSince() {
        return plugin == null ? null : HONOURS_OUTPUT_TIMESTAMP_SINCE.get(plugin);
    }

    /** This plugin is a known archiver whose version is older than its first that honours project.build.outputTimestamp. */
    public boolean predatesOutputTimestamp() {
        String since = honoursOutputTimestampSince();
        return since != null && version != null && compareVersions(version, since) < 0;
    }

    /** Compares dotted versions by their numbers (3.10.0 after 3.9.1); a qualifier ranks below its release. */
    static int compareVersions(String left, String right) {
        String[] l = left.split("[.-]");
        String[] r = right.split("[.-]");
        for (int i = 0; i < Math.max(l.length, r.length); i++) {
            String a = i < l.length ? l[i] : "0";
            String b = i < r.length ? r[i] : "0";
            boolean aNumber = a.matches("\\d{1,9}");
            boolean bNumber = b.matches("\\d{1,9}");
            int order;
            if (aNumber && bNumber) {
                order = Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
            } else if (aNumber != bNumber) {
                order = aNumber ? 1 : -1;   // 3.2.0 after 3.2-beta
            } else {
                order = a.compareTo(b);
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
