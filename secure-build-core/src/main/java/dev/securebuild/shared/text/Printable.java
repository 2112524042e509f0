package dev.securebuild.shared.text;

/**
 * The one way a string taken from an input (an archive entry's name, a file name, a rule id, a message or URI from a
 * scanner report, a YAML key) is made safe to print in the Maven log or a text report. An input must not be able to
 * forge a line ({@code x\n[INFO] BUILD SUCCESS}), move the cursor or recolour the terminal (ANSI escapes), or hide text
 * (bidirectional overrides, zero-width characters): each such character is shown as a Java escape, {@code \n},
 * {@code \u001b}, and a backslash as {@code \\}, so that the escaped text names the input unambiguously.
 *
 * <p>JSON, XML, SARIF and HTML writers escape with their own encoders instead; this is for plain text.
 */
public final class Printable {

    private Printable() {}

    /** The text with every control, format, separator, unassigned or private-use character and every lone surrogate escaped; {@code null} stays {@code null}. */
    public static String of(CharSequence text) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            int width = Character.charCount(codePoint);
            if (isPlain(codePoint)) {
                escaped.appendCodePoint(codePoint);
            } else if (codePoint == '\\') {
                escaped.append("\\\\");
            } else if (codePoint == '\n') {
                escaped.append("\\n");
            } else if (codePoint == '\r') {
                escaped.append("\\r");
            } else if (codePoint == '\t') {
                escaped.append("\\t");
            } else {
                for (int j = i; j < i + width; j++) {
                    escaped.append(String.format("\\u%04x", (int) text.charAt(j)));
                }
            }
            i += width;
        }
        return escaped.toString();
    }

    /**
     * A value quoted in a one-line message: escaped as by {@link #of}, and when longer than 200 characters only its
     * start, followed by its length, so that a hostile input of millions of characters does not become the message.
     */
    public static String abbreviated(CharSequence text) {
        return of(shortened(text));
    }

    /**
     * The text whole when it has 200 characters or fewer, else its first 200 followed by its length; not escaped, for a
     * message that is escaped whole afterwards.
     */
    public static String shortened(CharSequence text) {
        if (text == null || text.length() <= 200) {
            return text == null ? null : text.toString();
        }
        return text.subSequence(0, 200) + "... (" + text.length() + " characters)";
    }

    /** Whether the text prints as itself: nothing that {@link #of} would escape. */
    public static boolean isPrintable(CharSequence text) {
        return text == null || firstToEscape(text) < 0;
    }

    private static int firstToEscape(CharSequence text) {
        int i = 0;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            if (!isPlain(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    private static boolean isPlain(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return codePoint != '\\';
        }
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return false;
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL: // C1 controls, such as U+009B, the one-character CSI
            case Character.FORMAT: // bidirectional overrides, zero-width characters, the BOM, tag characters
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE: // only a lone one reaches here: codePointAt joins a pair
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
                return false;
            default:
                return true;
        }
    }
}
