package dev.securebuild.reproducible;

import java.util.Locale;

final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 || value == Math.floor(value) ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
