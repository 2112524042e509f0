package dev.securebuild.findings.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.ReadReport;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.html.Html;

/**
 * {@code report.html}: the go/no-go view in one self-contained file that opens without a network (its content security
 * policy forbids loading anything). The verdict first, then what fails the policy, charts of the counts, the findings
 * table, the exceptions with their expiry and the reports read. A small inline script filters the table; without
 * scripts the page shows everything. Stable ids for tools and tests: {@code #verdict}, {@code #violations},
 * {@code #warnings}, {@code #charts}, {@code #findings} (the table, one {@code tbody} row per finding),
 * {@code #exceptions}, {@code #reports}. Same fonts and colours as the reproducibility report.
 */
public final class HtmlFindingsReport {

    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}"
            + "h1{font-size:1.4em;margin:0}h2{font-size:1.15em}table{border-collapse:collapse;margin:1em 0;width:100%}"
            + "td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}th{background:#f6f8fa}"
            + ".scroll{overflow-x:auto}"
            + "section{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.5em 1em}"
            + ".verdict{border-radius:6px;padding:1em 1.5em;color:#fff}.verdict.pass{background:#1a7f37}.verdict.fail{background:#cf222e}"
            + ".verdict p{margin:.3em 0 0}.verdict b{font-size:1.1em}"
            + ".blocking,.expired,.violation{color:#cf222e;font-weight:600}.warning,.expiring{color:#9a6700;font-weight:600}"
            + ".excepted,.not_affected,.suppressed,.unused{color:#555}.used{color:#1a7f37}"
            + ".sev{font-weight:600}.sev.critical{color:#82071e}.sev.high{color:#cf222e}.sev.medium{color:#bc4c00}.sev.low{color:#9a6700}"
            + ".sev.info{color:#0550ae}.sev.unknown{color:#555}"
            + ".where,.mono{font-family:monospace;color:#555}td,th{overflow-wrap:break-word}td.where{min-width:10em}"
            + "td.sev,td.date,.outcome{white-space:nowrap}td.id{min-width:7em}td.reason{min-width:12em}"
            + ".meta{color:#555;font-size:12px;font-family:system-ui,sans-serif;margin-top:.2em}"
            + ".ids{color:#555;font-size:12px;white-space:normal}"
            + ".charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}figcaption{font-weight:600}"
            + "details{margin-top:.3em}summary{cursor:pointer;color:#0550ae}details ul{margin:.2em 0;padding-left:1.2em;font-size:12px}"
            + "#filters{margin:.5em 0}#filters input,#filters select{font:inherit;margin-right:.8em}";

    /** Bar colours per severity, from the same palette. */
    private static final Map<Severity, String> SEVERITY_COLOURS = Map.of(Severity.CRITICAL, "#82071e", Severity.HIGH, "#cf222e",
            Severity.MEDIUM, "#bc4c00", Severity.LOW, "#9a6700", Severity.INFO, "#0550ae", Severity.UNKNOWN, "#6e7781");
    private static final String BAR = "#0550ae";

    /** Filters the table; the form stays hidden when scripts do not run, and the table shows every row. */
    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('filters');
              var text = document.getElementById('filter-text');
              var severity = document.getElementById('filter-severity');
              var outcome = document.getElementById('filter-outcome');
              var shown = document.getElementById('shown');
              var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
              function apply() {
                var wanted = text.value.toLowerCase();
                var count = 0;
                rows.forEach(function (row) {
                  var visible = (!wanted || row.textContent.toLowerCase().indexOf(wanted) >= 0)
                      && (!severity.value || row.getAttribute('data-severity') === severity.value)
                      && (!outcome.value || row.getAttribute('data-outcome') === outcome.value);
                  row.hidden = !visible;
                  if (visible) { count++; }
                });
                shown.textContent = count + ' of ' + rows.length + ' findings shown';
              }
              [text, severity, outcome].forEach(function (input) {
                input.addEventListener('input', apply);
                input.addEventListener('change', apply);
              });
              form.hidden = false;
              apply();
            })();
            """;

    private HtmlFindingsReport() {}

    public static void write(CheckResult result, OutputStream out) throws IOException {
        out.write(render(result).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(CheckResult result) {
        FindingsSummary summary = FindingsSummary.of(result);
        String verdict = result.passed() ? "PASS" : "FAIL";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>secure-build findings: ").append(verdict).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        verdict(html, result, summary, verdict);
        messages(html, "violations", "Policy violations", "violation", result.violations().toArray(String[]::new));
        messages(html, "warnings", "Warnings", "warning", result.warnings().toArray(String[]::new));
        charts(html, summary);
        findings(html, result);
        exceptions(html, result);
        reports(html, result);
        html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void verdict(StringBuilder html, CheckResult result, FindingsSummary summary, String verdict) {
        html.append("<header id=\"verdict\" class=\"verdict ").append(result.verdict()).append("\"><h1>").append(verdict)
                .append(result.passed() ? ": nothing blocks the build" : ": the build is blocked").append("</h1>\n<p class=\"counts\"><b id=\"count-raw\">")
                .append(summary.raw()).append("</b> findings read, <b id=\"count-merged\">").append(summary.merged())
                .append("</b> after merging, <b id=\"count-blocking\">").append(summary.count(Outcome.BLOCKING)).append("</b> blocking, ")
                .append(summary.count(Outcome.WARNING)).append(" warnings, ").append(summary.count(Outcome.EXCEPTED)).append(" excepted, ")
                .append(summary.count(Outcome.NOT_AFFECTED)).append(" not affected, ").append(summary.count(Outcome.SUPPRESSED))
                .append(" suppressed; policy violations: ").append(result.violations().size()).append(".</p>\n<p>Policy: ")
                .append(escape(result.policy())).append(". Checked ").append(escape(String.valueOf(result.checkedAt()))).append(".</p></header>\n");
    }

    private static void messages(StringBuilder html, String id, String title, String cssClass, String[] messages) {
        if (messages.length == 0) {
            return;
        }
        html.append("<section id=\"").append(id).append("\"><h2>").append(title).append(" (").append(messages.length).append(")</h2><ul>\n");
        for (String message : messages) {
            html.append("<li class=\"").append(cssClass).append("\">").append(escape(message)).append("</li>\n");
        }
        html.append("</ul></section>\n");
    }

    private static void charts(StringBuilder html, FindingsSummary summary) {
        html.append("<section id=\"charts\"><h2>Findings after merging</h2><div class=\"charts\">\n");
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        summary.bySeverity().forEach((severity, count) -> {
            bySeverity.put(Labels.of(severity), count);
            colours.put(Labels.of(severity), SEVERITY_COLOURS.get(severity));
        });
        chart(html, "chart-severity", "By severity", bySeverity, colours);
        chart(html, "chart-tool", "By tool", summary.byTool(), Map.of());
        Map<String, Integer> byKind = new LinkedHashMap<>();
        summary.byKind().forEach((kind, count) -> byKind.put(Labels.of(kind), count));
        chart(html, "chart-kind", "By kind", byKind, Map.of());
        html.append("</div></section>\n");
    }

    /** A horizontal bar chart as inline SVG: a label, a bar as long as the count allows, the count. */
    private static void chart(StringBuilder html, String id, String title, Map<String, Integer> counts, Map<String, String> colours) {
        int row = 22;
        int labelWidth = 150;
        int barWidth = 200;
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        int height = Math.max(1, counts.size()) * row + 4;
        html.append("<figure id=\"").append(id).append("\"><figcaption>").append(title).append("</figcaption>")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + barWidth + 50).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(escape(title)).append("\">");
        if (counts.isEmpty()) {
            html.append("<text x=\"0\" y=\"16\" font-size=\"13\" fill=\"#555\">none</text>");
        }
        int y = 2;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int width = entry.getValue() == 0 ? 0 : Math.max(2, entry.getValue() * barWidth / max);
            html.append("<g><title>").append(escape(entry.getKey())).append(": ").append(entry.getValue()).append("</title>")
                    .append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"13\" fill=\"#222\">")
                    .append(escape(shortened(entry.getKey(), 20))).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"").append(row - 6).append("\" fill=\"").append(colours.getOrDefault(entry.getKey(), BAR)).append("\"/>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 15).append("\" font-size=\"13\" fill=\"#222\">")
                    .append(entry.getValue()).append("</text></g>");
            y += row;
        }
        html.append("</svg></figure>\n");
    }

    private static void findings(StringBuilder html, CheckResult result) {
        html.append("<section id=\"findings-section\"><h2>Findings (").append(result.merged()).append(")</h2>\n")
                .append("<form id=\"filters\" hidden><input id=\"filter-text\" type=\"search\" placeholder=\"filter by text\" aria-label=\"filter by text\">")
                .append("<select id=\"filter-severity\" aria-label=\"severity\"><option value=\"\">every severity</option>");
        for (Severity severity : Severity.values()) {
            html.append("<option value=\"").append(Labels.of(severity)).append("\">").append(Labels.of(severity)).append("</option>");
        }
        html.append("</select><select id=\"filter-outcome\" aria-label=\"outcome\"><option value=\"\">every outcome</option>");
        for (Outcome outcome : Outcome.values()) {
            html.append("<option value=\"").append(Labels.of(outcome)).append("\">").append(Labels.words(outcome)).append("</option>");
        }
        html.append("</select><span id=\"shown\"></span></form>\n<div class=\"scroll\"><table id=\"findings\"><thead><tr><th>id</th><th>severity</th><th>where</th>")
                .append("<th>decision</th></tr></thead><tbody>\n");
        for (Decision decision : result.decisions()) {
            MergedFinding finding = decision.finding();
            String severity = Labels.of(finding.severity());
            String outcome = Labels.of(decision.outcome());
            html.append("<tr class=\"finding\" data-severity=\"").append(severity).append("\" data-outcome=\"").append(outcome).append("\"><td class=\"id\">")
                    .append(Html.breakable(finding.id()));
            if (finding.ids().size() > 1) {
                html.append("<div class=\"ids\">").append(escape(String.join(", ", finding.ids()))).append("</div>");
            }
            // Four columns, the tools under where and the outcome before its reason: six did not fit 800 pixels.
            html.append("</td><td class=\"sev ").append(severity).append("\">").append(severity).append("</td><td class=\"where\">")
                    .append(Html.path(finding.where())).append("<div class=\"meta\">").append(Html.breakable(String.join(", ", finding.tools())))
                    .append("</div></td><td class=\"reason\"><span class=\"outcome ").append(outcome).append("\">").append(Labels.words(decision.outcome()))
                    .append("</span>: ").append(Html.breakable(decision.reason()));
            if (decision.exceptionId() != null) {
                html.append(" <span class=\"mono\">(exception ").append(escape(decision.exceptionId())).append(")</span>");
            }
            evidence(html, finding);
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table></div></section>\n");
    }

    /** What each tool said, folded: open without scripts. */
    /** The most reports of one merged finding listed in the page and in the JUnit XML; findings.json has them all. */
    static final int EVIDENCE_SHOWN = 20;

    private static void evidence(StringBuilder html, MergedFinding finding) {
        html.append("<details><summary>evidence from ").append(finding.evidence().size()).append(finding.evidence().size() == 1 ? " finding" : " findings")
                .append("</summary><ul>");
        // A finding a tool repeated thousands of times would make a page no browser opens: the first ones, then a count.
        for (Finding evidence : finding.evidence().subList(0, Math.min(EVIDENCE_SHOWN, finding.evidence().size()))) {
            html.append("<li><b>").append(escape(evidence.tool()));
            if (evidence.toolVersion() != null) {
                html.append(' ').append(escape(evidence.toolVersion()));
            }
            html.append("</b>: ").append(escape(evidence.id())).append(", ").append(Labels.of(evidence.severity()));
            if (evidence.severitySource() != null) {
                html.append(" (").append(escape(evidence.severitySource())).append(')');
            }
            if (evidence.message() != null && !evidence.message().isBlank()) {
                html.append(": ").append(escape(evidence.message()));
            }
            if (evidence.report() != null) {
                html.append(" <span class=\"mono\">").append(escape(evidence.report())).append("</span>");
            }
            html.append("</li>");
        }
        if (finding.evidence().size() > EVIDENCE_SHOWN) {
            html.append("<li>and ").append(finding.evidence().size() - EVIDENCE_SHOWN).append(" more: every one is in findings.json</li>");
        }
        html.append("</ul></details>");
    }

    private static void exceptions(StringBuilder html, CheckResult result) {
        html.append("<section id=\"exceptions\"><h2>Exceptions (").append(result.exceptions().size()).append(")</h2>\n");
        if (result.exceptions().isEmpty()) {
            html.append("<p>The policy has no exceptions.</p></section>\n");
            return;
        }
        // Five columns, what an exception matches under its id and how many it matched under its state: seven did not fit.
        html.append("<table><thead><tr><th>id</th><th>state</th><th>expires</th><th>approved by</th><th>reason</th></tr></thead><tbody>\n");
        for (ExceptionStatus exception : result.exceptions()) {
            String state = Labels.of(exception.state());
            html.append("<tr class=\"exception\" data-state=\"").append(state).append("\"><td class=\"mono id\">").append(Html.breakable(exception.id()))
                    .append("<div class=\"meta\">matches ").append(Html.breakable(exception.matches())).append("</div></td><td class=\"").append(state)
                    .append("\">").append(state);
            if (exception.violation()) {
                html.append(" (violation)");
            }
            if (exception.message() != null) {
                html.append("<div class=\"ids\">").append(escape(exception.message())).append("</div>");
            }
            html.append("<div class=\"meta\">matched ").append(exception.matched()).append(exception.matched() == 1 ? " finding" : " findings")
                    .append("</div></td><td class=\"date\">").append(escape(exception.expires() == null ? "never" : exception.expires().toString()))
                    .append("</td><td>").append(Html.breakable(exception.approvedBy())).append("</td><td>").append(Html.breakable(exception.reason()));
            if (exception.justification() != null) {
                html.append(" <span class=\"mono\">(").append(Html.breakable(exception.justification())).append(")</span>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void reports(StringBuilder html, CheckResult result) {
        html.append("<section id=\"reports\"><h2>Reports read (").append(result.reports().size()).append(")</h2>\n")
                .append("<table><thead><tr><th>path</th><th>format</th><th>tool</th><th>findings</th><th>VEX statements</th></tr></thead><tbody>\n");
        for (ReadReport report : result.reports()) {
            String tool = report.toolVersion() == null ? report.tool() : report.tool() + " " + report.toolVersion();
            html.append("<tr><td class=\"mono\">").append(Html.path(report.path())).append("</td><td>")
                    .append(escape(report.format() == null ? null : report.format().label())).append("</td><td>").append(escape(tool))
                    .append("</td><td>").append(report.findings()).append("</td><td>").append(report.vexStatements()).append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
