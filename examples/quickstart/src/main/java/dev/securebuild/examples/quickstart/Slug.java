package dev.securebuild.examples.quickstart;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/** Turns a title into a URL slug: "Héllo, World!" becomes "hello-world". */
public final class Slug {

    private Slug() {}

    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String ascii = decomposed.replaceAll("\\p{M}+", "");
        String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return dashed.replaceAll("^-+|-+$", "");
    }

    /**
     * A slug with a four-digit suffix, for titles that repeat: "Hello, World!" becomes "hello-world-4821".
     * The suffix only keeps repeated titles apart; it is not a secret.
     */
    public static String unique(String text) {
        // A deliberate weakness, left for the quickstart's scanner gate: SpotBugs reports this line twice (a Random used
        // once; Math.abs of a random int, negative for Integer.MIN_VALUE). security-policy.yaml says what is done about it.
        return of(text) + "-" + (1000 + Math.abs(new Random().nextInt()) % 9000);
    }
}
