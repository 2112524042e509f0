package dev.securebuild.shared.html;

/** What every self-contained HTML report of secure-build shares. */
public final class Html {

    private Html() {}

    /** Text as HTML text or attribute value: nothing a report shows can open a tag or end an attribute. Null is empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Characters after which a long token (a path, coordinates, a rule id) may wrap. */
    private static final String BREAK_AFTER = "/\\.:_-@,";

    /**
     * Text that may hold long tokens (a path, coordinates, a rule id), escaped, with a line-break opportunity
     * ({@code <wbr>}) after each separator: a narrow column wraps {@code dev.securebuild:app} between its parts, never
     * one letter a line.
     */
    public static String breakable(String text) {
        String escaped = escape(text);
        StringBuilder out = new StringBuilder(escaped.length() + 16);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            out.append(c);
            if (BREAK_AFTER.indexOf(c) >= 0 && i + 1 < escaped.length() && escaped.charAt(i + 1) != ' ') {
                out.append("<wbr>");
            }
        }
        return out.toString();
    }

    /** Paths longer than this are shortened for display. */
    public static final int SHOWN_PATH = 40;

    /**
     * A path (or a location {@code path:line}, a package URL) in a table: as {@link #breakable}, and when longer than
     * {@link #SHOWN_PATH} characters only its last two segments after an ellipsis, with the whole path in a tooltip.
     * Only the display is shortened: the machine-readable outputs have the whole path.
     */
    public static String path(String text) {
        if (text == null || text.length() <= SHOWN_PATH) {
            return breakable(text);
        }
        int cut = text.lastIndexOf('/', text.lastIndexOf('/') - 1);
        if (cut <= 0) {
            return "<span title=\"" + escape(text) + "\">" + breakable(text) + "</span>";
        }
        return "<span title=\"" + escape(text) + "\">…" + breakable(text.substring(cut)) + "</span>";
    }
}
