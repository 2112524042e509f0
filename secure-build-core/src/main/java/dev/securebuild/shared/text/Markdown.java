package dev.securebuild.shared.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from an input made safe for Markdown that GitHub or GitLab renders (a job summary, a report): what Markdown
 * reads as syntax is escaped, so that a scanner's message cannot add a link, an image that calls home, emphasis, a
 * heading or a table cell, and HTML is shown, not rendered. Line breaks become spaces: a value is one line. Punctuation
 * that is syntax only at the start of a line ({@code #}, {@code -}, {@code 1.}) is escaped there only, so that the
 * text still reads well in the file.
 */
public final class Markdown {

    /** Characters that start inline syntax anywhere: emphasis, code, links and images, table cells, strikethrough. */
    private static final String INLINE = "\\`*[]|~";

    /** Characters that start a block at the start of a line: a heading, a list, a setext underline. */
    private static final String BLOCK = "#-+=";

    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d{1,9})([.)])");

    private Markdown() {}

    /** The text, printable (as {@link Printable}), on one line, with Markdown's syntax escaped; null is empty. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String printable = Printable.of(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder escaped = new StringBuilder(printable.length() + 16);
        Matcher ordered = ORDERED_LIST.matcher(printable);
        int start = 0;
        if (ordered.find()) {
            escaped.append(ordered.group(1)).append('\\').append(ordered.group(2));
            start = ordered.end();
        } else if (!printable.isEmpty() && BLOCK.indexOf(printable.charAt(0)) >= 0) {
            escaped.append('\\').append(printable.charAt(0));
            start = 1;
        }
        for (int i = start; i < printable.length(); i++) {
            char c = printable.charAt(i);
            if (c == '<') {
                escaped.append("&lt;");
            } else if (c == '>') {
                escaped.append("&gt;");
            } else if (c == '&') {
                escaped.append("&amp;");
            } else {
                // An underscore between letters (GITHUB_ACTOR) is no emphasis in GitHub's Markdown: left as it is.
                boolean intraword = c == '_' && i > 0 && i + 1 < printable.length() && Character.isLetterOrDigit(printable.charAt(i - 1))
                        && Character.isLetterOrDigit(printable.charAt(i + 1));
                if (INLINE.indexOf(c) >= 0 || (c == '_' && !intraword)) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Text that follows other text on its line (never a line's start): as {@link #text}, without the escapes of a line's start. */
    public static String inline(String text) {
        String escaped = text("x" + (text == null ? "" : text));
        return escaped.substring(1);
    }

    /** In a code span, as coordinates and paths read best; text with a backtick is escaped as {@link #text} instead. */
    public static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String printable = Printable.of(text.replace('\n', ' ').replace('\r', ' '));
        return printable.indexOf('`') >= 0 ? text(printable) : "`" + printable.replace("|", "\\|") + "`";
    }
}
