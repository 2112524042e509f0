package dev.securebuild.shared.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides what must not be recorded: provenance, the deployment ledger and the security event log
 * ask it before they write a property, a setting or an environment variable. A value is withheld whole when its name
 * says it holds a secret; otherwise the pieces of it that look like secrets (tokens of known formats, private keys,
 * passwords in URLs or in {@code -Dname=value}) are replaced. Redacting too much is the safe mistake.
 */
public final class Redaction {

    /** What a withheld value, or a withheld piece of one, becomes. */
    public static final String REDACTED = "[redacted]";

    /** Names that hold a secret: whole segments or suffixes such as {@code GITHUB_TOKEN}, {@code gpg.passphrase}, {@code SIGNING_KEY}. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(?:password|passwd|passphrase|secret|token|credential|apikey|api[_.-]key|private[_.-]?key|auth)s?(?:[_.-].*)?"
                    + "|(?:.*[_.-])?(?:key|pin|pat|pwd)");
    private static final SecretScanner SCANNER = new SecretScanner();
    /** The shell's working folders, whose names end like a password's ({@code pwd}); Maven copies them as {@code env.PWD}. */
    private static final Pattern WORKING_FOLDER = Pattern.compile("(?:env\\.)?(?:OLD)?PWD");

    private Redaction() {}

    /** Whether the name alone says that its value is a secret (case-insensitive). */
    public static boolean isSecretName(String name) {
        return name != null && !WORKING_FOLDER.matcher(name).matches() && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value as it may be recorded: {@link #REDACTED} for a secret name, else with each secret-looking piece replaced. */
    public static String redact(String name, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (isSecretName(name)) {
            return REDACTED;
        }
        return redactPieces(value);
    }

    /** The text with each piece that looks like a secret replaced, line by line; a text that holds a private key is withheld whole. */
    public static String redactPieces(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.contains("PRIVATE KEY")) {
            return REDACTED;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        // Each line keeps its own line break, so the text's shape is kept.
        for (String line : text.split("(?<=\n)")) {
            String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            int at = 0;
            for (int[] span : SCANNER.spans(body)) {
                redacted.append(body, at, span[0]).append(REDACTED);
                at = span[1];
            }
            redacted.append(body.substring(at)).append(line.endsWith("\n") ? "\n" : "");
        }
        return redacted.toString();
    }
}
