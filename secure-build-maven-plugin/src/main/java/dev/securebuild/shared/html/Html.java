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
}
