package dev.securebuild.shared.settings;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.text.Printable;

/**
 * A setting that is missing, malformed or cannot be used, said in the capability's own words: the setting, its value
 * (shown safely, never a secret's), what was expected and the cause. The text mentions settings by {@link Setting}, so
 * that the layer facing the user renders each under the name the user gives it ({@link #render}); {@link #getMessage()}
 * renders them in plain words.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final Pattern MENTION = Pattern.compile("\\{([A-Z0-9_]+)(?:\\.(element|property))?}");

    private final Setting setting;
    private final String value;
    private final String template;

    private InvalidSettingException(Setting setting, String value, String template, Throwable cause) {
        this(setting, value, template, render(template, value, (s, form) -> s.words()), cause);
    }

    private InvalidSettingException(Setting setting, String value, String template, String message, Throwable cause) {
        super(message, cause);
        this.setting = Objects.requireNonNull(setting, "setting");
        this.value = value;
        this.template = template;
    }

    /** The setting has {@code value}, which is not what was expected. A secret setting's value is not shown. */
    public static InvalidSettingException invalid(Setting setting, String value, String expected, Throwable cause) {
        if (setting.isSecret()) {
            return new InvalidSettingException(setting, null, setting.mention() + " is set: expected " + expected, cause);
        }
        return new InvalidSettingException(setting, Printable.abbreviated(value), setting.mention() + " is '{value}': expected " + expected, cause);
    }

    /** The setting is not given and is needed: {@code why} says what to give. */
    public static InvalidSettingException notSet(Setting setting, String why) {
        return new InvalidSettingException(setting, null, setting.mention() + " is not set: " + why, null);
    }

    /** The setting's value cannot be used, for {@code why}; the value itself is not shown (it may hold a secret). */
    public static InvalidSettingException unusable(Setting setting, String why, Throwable cause) {
        return new InvalidSettingException(setting, null, setting.mention() + " cannot be used: " + why, cause);
    }

    /**
     * Any other wording: {@code text} mentions settings through {@link Setting#mention()} and the like, and holds no
     * secret value (values in it are the caller's to make printable).
     */
    public static InvalidSettingException about(Setting setting, String text, Throwable cause) {
        return new InvalidSettingException(setting, null, text, cause);
    }

    public Setting setting() {
        return setting;
    }

    /** The offending value as shown in messages: printable and shortened; null when not set or secret. */
    public String shownValue() {
        return value;
    }

    /**
     * The message with every mentioned setting named by {@code names}, given the setting and which of its names is
     * asked for: {@code null} (the usual one), {@code "element"} or {@code "property"}.
     */
    public String render(BiFunction<Setting, String, String> names) {
        return render(template, value, names);
    }

    /**
     * This error with its message rendered by {@code names} (as {@link #render}), the same setting, value, cause and
     * stack trace: what the layer facing the user chains to its own error, so that the message is not shown twice.
     */
    public InvalidSettingException named(BiFunction<Setting, String, String> names) {
        InvalidSettingException named = new InvalidSettingException(setting, value, template, render(names), getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    private static String render(String template, String value, BiFunction<Setting, String, String> names) {
        Matcher matcher = MENTION.matcher(template);
        StringBuilder rendered = new StringBuilder();
        int end = 0;
        while (matcher.find()) {
            rendered.append(template, end, matcher.start());
            rendered.append(nameOf(matcher, names));
            end = matcher.end();
        }
        rendered.append(template, end, template.length());
        // The value goes in last, so that braces in it are never read as mentions.
        return value == null ? rendered.toString() : rendered.toString().replace("{value}", value);
    }

    private static String nameOf(Matcher matcher, BiFunction<Setting, String, String> names) {
        Setting mentioned;
        try {
            mentioned = Setting.valueOf(matcher.group(1));
        } catch (IllegalArgumentException e) {
            return matcher.group();
        }
        return names.apply(mentioned, matcher.group(2));
    }
}
