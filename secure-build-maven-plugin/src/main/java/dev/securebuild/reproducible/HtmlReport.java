package dev.securebuild.reproducible;

import java.nio.charset.StandardCharsets;

import dev.securebuild.shared.html.Html;
import dev.securebuild.shared.text.Printable;

/** One self-contained HTML page (no scripts, no external resources): the text report with structure and colour. */
public final class HtmlReport {

    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}"
            + "h1{font-size:1.4em}table{border-collapse:collapse;margin:1em 0}td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #ddd;overflow-wrap:break-word}"
            + "h2,p,div{overflow-wrap:break-word}"
            + ".OK{color:#1a7f37;font-weight:600}.DIFFERENT,.MISSING{color:#cf222e;font-weight:600}.IGNORED{color:#9a6700;font-weight:600}"
            + "section{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.5em 1em}"
            + ".kind{font-weight:600}.where{font-family:monospace;color:#555}.cause{margin:.3em 0 0 1em}.fix{margin:.1em 0 .6em 1em;color:#0550ae}"
            + "pre{background:#f6f8fa;padding:.5em;overflow:auto;font-size:12px;margin:.3em 0 .3em 1em}";

    private HtmlReport() {}

    public static byte[] render(ComparisonReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>secure-build ")
                .append(escape(report.goal())).append(" report</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>secure-build ").append(escape(report.goal())).append(": ").append(report.differs() ? "the builds differ" : "reproducible")
                .append("</h1>\n<p>Left: <code>").append(breakable(report.left())).append("</code><br>Right: <code>").append(breakable(report.right()))
                .append("</code><br>").append(escape(report.summaryLine())).append("<br>Made ").append(escape(report.created().toString()))
                .append("</p>\n");
        for (String note : report.notes()) {
            html.append("<p class=\"note\">Note: ").append(escape(note)).append("</p>\n");
        }
        html.append("<table><tr><th>status</th><th>output</th><th>differences</th></tr>\n");
        for (ArtifactComparison artifact : report.artifacts()) {
            html.append("<tr><td class=\"").append(artifact.status()).append("\">").append(artifact.status()).append("</td><td><a href=\"#")
                    .append(anchor(artifact.name())).append("\">").append(breakable(artifact.name())).append("</a></td><td>")
                    .append(artifact.differences().size()).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (ArtifactComparison artifact : report.artifacts()) {
            if (artifact.differences().isEmpty()) {
                continue;
            }
            html.append("<section id=\"").append(anchor(artifact.name())).append("\"><h2><span class=\"").append(artifact.status()).append("\">")
                    .append(artifact.status()).append("</span> ").append(breakable(artifact.name())).append("</h2>\n");
            if (artifact.ignoredBecause() != null) {
                html.append("<p>Ignored: ").append(escape(artifact.ignoredBecause())).append("</p>\n");
            }
            for (Difference difference : artifact.differences()) {
                html.append("<div><span class=\"kind\">").append(escape(difference.kind().label())).append("</span> <span class=\"where\">")
                        .append(breakable(difference.location())).append("</span>: ").append(breakable(difference.summary())).append("</div>\n");
                if (!difference.details().isEmpty()) {
                    html.append("<pre>").append(difference.details().stream().map(HtmlReport::escape)
                            .collect(java.util.stream.Collectors.joining("\n"))).append("</pre>\n");
                }
                if (difference.explanation() != null) {
                    html.append("<div class=\"cause\">Cause: ").append(escape(difference.explanation().cause())).append("</div>")
                            .append("<div class=\"fix\">Fix: ").append(escape(difference.explanation().fix())).append("</div>\n");
                }
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String anchor(String name) {
        return "a-" + Integer.toHexString(name.hashCode());
    }

    /** As in the text report, control characters are shown escaped: a name cannot break a line of the page either. */
    static String escape(String text) {
        return Html.escape(Printable.of(text));
    }

    /** As {@link #escape}, and a long name or path wraps between its parts ({@link Html#breakable}). */
    private static String breakable(String text) {
        return Html.breakable(Printable.of(text));
    }
}
