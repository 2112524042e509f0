package dev.securebuild.examples.quickstart;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a title into a URL slug: "Héllo, World!" becomes "hello-world". */
public final class Slug {

    private Slug() {}

    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String ascii = decomposed.replaceAll("\\p{M}+", "");
        String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return dashed.replaceAll("^-+|-+$", "");
    }
}
