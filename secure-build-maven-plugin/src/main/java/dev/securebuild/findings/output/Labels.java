package dev.securebuild.findings.output;

import java.util.Locale;

/** How enum values appear in the outputs: lower case, as in {@code not_affected}, {@code critical}, {@code dependency}. */
final class Labels {

    private Labels() {}

    static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** For people: {@code not affected}. */
    static String words(Enum<?> value) {
        return of(value).replace('_', ' ');
    }
}
