package dev.securebuild.reproducible;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the rebuild's environment differs from this build's, on purpose: each setting that leaks into outputs more
 * often than it should, changed, so that the comparison finds the leak. Another absolute path always differs.
 */
public record Variations(boolean timeZone, boolean locale, boolean umask, boolean userName, boolean unsetSourceDateEpoch) {

    public static final Variations ALL = new Variations(true, true, true, true, true);

    /** What the rebuild gets, worked out against this build's own settings. */
    public record Applied(Map<String, String> environment, List<String> unsetEnvironment, List<String> jvmOptions, String umask,
                          List<String> description) {}

    /**
     * @param currentZone   this build's time zone
     * @param currentLocale this build's locale
     * @param currentUmask  this build's umask as octal ("0022"), or null when unknown
     */
    public Applied apply(ZoneId currentZone, Locale currentLocale, String currentUmask) {
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        List<String> jvm = new ArrayList<>();
        List<String> description = new ArrayList<>();
        description.add("another absolute path");
        if (timeZone) {
            String other = otherZone(currentZone);
            environment.put("TZ", other);
            jvm.add("-Duser.timezone=" + other);
            description.add("time zone " + other + " (this build: " + currentZone.getId() + ")");
        }
        if (locale) {
            // Turkish: its dotless i breaks toUpperCase/toLowerCase without a locale, a classic leak.
            boolean turkish = "tr".equals(currentLocale.getLanguage());
            String language = turkish ? "de" : "tr";
            String country = turkish ? "DE" : "TR";
            environment.put("LANG", language + "_" + country + ".UTF-8");
            environment.put("LC_ALL", language + "_" + country + ".UTF-8");
            jvm.add("-Duser.language=" + language);
            jvm.add("-Duser.country=" + country);
            description.add("locale " + language + "_" + country + " (this build: " + currentLocale + ")");
        }
        String umaskValue = null;
        if (umask) {
            umaskValue = "0002".equals(currentUmask) ? "0022" : "0002";
            description.add("umask " + umaskValue + " (this build: " + (currentUmask == null ? "unknown" : currentUmask) + ")");
        }
        if (userName) {
            jvm.add("-Duser.name=secure-build-rebuild");
            description.add("user.name secure-build-rebuild");
        }
        if (unsetSourceDateEpoch) {
            unset.add("SOURCE_DATE_EPOCH");
            description.add("no SOURCE_DATE_EPOCH");
        }
        return new Applied(environment, unset, jvm, umaskValue, description);
    }

    /** The Java system properties the varied rebuild sets itself (a user property of the same name would undo it). */
    public Set<String> systemProperties() {
        Set<String> names = new TreeSet<>();
        if (timeZone) {
            names.add("user.timezone");
        }
        if (locale) {
            names.addAll(List.of("user.language", "user.country"));
        }
        if (userName) {
            names.add("user.name");
        }
        return names;
    }

    /** Far from the current zone: UTC+14 unless already there or near, then UTC-10. */
    static String otherZone(ZoneId current) {
        int offsetHours = current.getRules().getOffset(Instant.now()).getTotalSeconds() / 3600;
        return offsetHours >= 4 ? "Pacific/Honolulu" : "Pacific/Kiritimati";
    }
}
