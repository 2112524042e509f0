package dev.securebuild.findings.check;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/** Ages as users write them ({@code 24h}, {@code 7d}, {@code 30m}, or ISO-8601 {@code P1D}) and as messages show them. */
public final class Ages {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    private Ages() {}

    public static Duration parse(String text) throws InvalidSettingException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException | NumberFormatException | ArithmeticException e) {
            // Not an age, or one too long for a Duration: either way the setting is the user's to fix.
            throw InvalidSettingException.about(Setting.MAX_REPORT_AGE, "\"" + text + "\" is not an age: write it as 30m, 24h, 7d or ISO-8601 (P1D)", null);
        }
    }

    public static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 120) {
            return minutes + " minute" + (minutes == 1 ? "" : "s");
        }
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + " hours";
        }
        return duration.toDays() + " days";
    }
}
