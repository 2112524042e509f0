package dev.securebuild.provenance.gate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.shared.html.Html;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.text.Markdown;
import dev.securebuild.shared.text.Printable;

/**
 * The release gate's outputs, each written atomically: {@code release-gate.json} for tools, {@code release-gate.md}
 * for a pull request or a release page, and a self-contained {@code release-gate.html} (no external resource; its
 * content security policy forbids loading any).
 */
public final class GateReports {

    public static final String JSON_FILE = "release-gate.json";
    public static final String MARKDOWN_FILE = "release-gate.md";
    public static final String HTML_FILE = "release-gate.html";
    /** The value of the JSON report's {@code format} field. */
    public static final String FORMAT = "secure-build-release-gate/1";

    private static final JsonFactory JSON = new JsonFactory();

    private GateReports() {}

    public static void writeAll(GateDecision decision, Path folder, KnownSecrets secrets) throws IOException {
        AtomicFiles.write(folder.resolve(JSON_FILE), secrets.redacting(out -> json(decision, out)));
        AtomicFiles.writeString(folder.resolve(MARKDOWN_FILE), secrets.redact(markdown(decision)));
        AtomicFiles.writeString(folder.resolve(HTML_FILE), secrets.redact(html(decision)));
    }

    static void json(GateDecision d, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("decision", d.decision().label());
            json.writeBooleanField("blocked", d.blocked());
            json.writeStringField("project", d.project());
            json.writeStringField("version", d.version());
            json.writeStringField("time", d.time().toString());
            json.writeStringField("policy", d.policy());
            json.writeObjectFieldStart("approval");
            json.writeBooleanField("required", d.approval().required());
            json.writeStringField("ticket", d.approval().ticket());
            json.writeStringField("approvedBy", d.approval().approvedBy());
            json.writeStringField("status", approvalStatus(d));
            json.writeEndObject();
            json.writeArrayFieldStart("reasons");
            for (String reason : d.reasons()) {
                json.writeString(reason);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("warnings");
            for (String warning : d.warnings()) {
                json.writeString(warning);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("modules");
            for (GateDecision.Module module : d.modules()) {
                json.writeStartObject();
                json.writeStringField("module", module.module());
                json.writeArrayFieldStart("checks");
                for (GateDecision.Check check : module.checks()) {
                    json.writeStartObject();
                    json.writeStringField("check", check.check());
                    json.writeStringField("status", check.status().label());
                    json.writeStringField("verdict", check.verdict() == null ? null : check.verdict().label());
                    json.writeBooleanField("required", check.required());
                    json.writeArrayFieldStart("goals");
                    for (String goal : check.goals()) {
                        json.writeString(goal);
                    }
                    json.writeEndArray();
                    json.writeStringField("summary", check.summary());
                    json.writeArrayFieldStart("details");
                    for (String detail : check.details()) {
                        json.writeString(detail);
                    }
                    json.writeEndArray();
                    json.writeStringField("waiver", check.waiver());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("exceptions");
            for (GateDecision.Exception e : d.exceptions()) {
                json.writeStartObject();
                json.writeStringField("module", e.module());
                json.writeStringField("check", e.check());
                json.writeStringField("id", e.id());
                json.writeStringField("reason", e.reason());
                json.writeStringField("approvedBy", e.approvedBy());
                json.writeStringField("expires", e.expires());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notGated");
            for (GateDecision.NotGated module : d.notGated()) {
                json.writeStartObject();
                json.writeStringField("module", module.module());
                json.writeStringField("why", module.why());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /**
     * "Not gated: a (why), b (why)": the reactor's modules the decision does not cover, so that their absence from the
     * table is not read as a pass.
     */
    static String notGatedSentence(GateDecision d) {
        StringBuilder sentence = new StringBuilder("Not gated: ");
        for (int i = 0; i < d.notGated().size(); i++) {
            GateDecision.NotGated module = d.notGated().get(i);
            sentence.append(i == 0 ? "" : ", ").append(module.module()).append(" (").append(module.why()).append(')');
        }
        return sentence.toString();
    }

    /** approved, missing (required and not given), not-required, or not-needed (no exceptions to approve). */
    public static String approvalStatus(GateDecision d) {
        if (d.decision() != GateDecision.Decision.GO_WITH_EXCEPTIONS) {
            return "not-needed";
        }
        if (d.approval().given()) {
            return "approved";
        }
        return d.approval().required() ? "missing" : "not-required";
    }

    /** One line for the log and the headline of the reports. */
    public static String headline(GateDecision d) {
        String base = "Release gate: " + d.decision().label();
        if (d.decision() == GateDecision.Decision.GO_WITH_EXCEPTIONS) {
            base += switch (approvalStatus(d)) {
                case "approved" -> ", approved by " + d.approval().approvedBy() + " (" + d.approval().ticket() + ")";
                case "missing" -> ", blocked: the policy requires an approval (-Dsecure-build.approval=<ticket>)";
                default -> "";
            };
        }
        return base;
    }

    static String markdown(GateDecision d) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(d.blocked() ? "⛔ " : d.decision() == GateDecision.Decision.GO ? "✅ " : "⚠️ ").append(cell(headline(d))).append("\n\n");
        md.append(Markdown.code(d.project())).append(' ').append(Markdown.inline(d.version())).append(" · ").append(d.time())
                .append(" · policy: ").append(cell(d.policy())).append("\n\n");
        if (!d.reasons().isEmpty()) {
            md.append("### Reasons\n\n");
            d.reasons().forEach(reason -> md.append("- ").append(cell(reason)).append('\n'));
            md.append('\n');
        }
        if (!d.warnings().isEmpty()) {
            md.append("### Policy warnings\n\n");
            d.warnings().forEach(warning -> md.append("- ").append(cell(warning)).append('\n'));
            md.append('\n');
        }
        List<String> checks = d.checkNames();
        md.append("### Checks\n\n| Module |");
        checks.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n| --- |");
        checks.forEach(c -> md.append(" --- |"));
        md.append('\n');
        for (GateDecision.Module module : d.modules()) {
            md.append("| ").append(Markdown.code(module.module())).append(" |");
            for (String name : checks) {
                GateDecision.Check check = module.check(name);
                md.append(' ').append(check == null ? "" : mark(check.status()) + " " + check.status().label()).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        if (!d.notGated().isEmpty()) {
            md.append(cell(notGatedSentence(d))).append("\n\n");
        }
        boolean anyWaived = d.modules().stream().flatMap(m -> m.checks().stream()).anyMatch(c -> c.waiver() != null);
        if (anyWaived) {
            md.append("### Waived\n\n| Module | Check | Reason |\n| --- | --- | --- |\n");
            for (GateDecision.Module module : d.modules()) {
                for (GateDecision.Check check : module.checks()) {
                    if (check.waiver() != null) {
                        md.append("| ").append(Markdown.code(module.module())).append(" | ").append(cell(check.check())).append(" | ").append(cell(check.waiver())).append(" |\n");
                    }
                }
            }
            md.append('\n');
        }
        if (!d.exceptions().isEmpty()) {
            md.append("### Exceptions\n\n| Module | Check | Exception | Reason | Approved by | Expires |\n| --- | --- | --- | --- | --- | --- |\n");
            for (GateDecision.Exception e : d.exceptions()) {
                md.append("| ").append(Markdown.code(e.module())).append(" | ").append(cell(e.check())).append(" | ").append(cell(e.id())).append(" | ")
                        .append(cell(e.reason())).append(" | ").append(cell(e.approvedBy())).append(" | ").append(cell(e.expires())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("Approval: ").append(approvalStatus(d));
        if (d.approval().given()) {
            md.append(" (ticket ").append(cell(d.approval().ticket())).append(", by ").append(cell(d.approval().approvedBy())).append(')');
        } else if (d.approval().required()) {
            md.append(" (the policy requires one for a release with exceptions)");
        }
        md.append('\n');
        return md.toString();
    }

    private static String mark(GateDecision.Status status) {
        return switch (status) {
            case PASS -> "✅";
            case EXCEPTIONS -> "⚠️";
            case FAIL, MISSING -> "❌";
            case WAIVED -> "➖";
            case NOT_APPLICABLE -> "⚪";
        };
    }

    /**
     * Text in a Markdown table cell or list item: no line breaks, no cell separators, no HTML, and no other control
     * character (escaped as the log shows them; a backslash doubled, which Markdown shows as one).
     */
    /** Text from results and policies: Markdown's syntax escaped ({@link Markdown}), since the job summary shows this file. */
    private static String cell(String text) {
        return Markdown.text(text);
    }

    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}"
            + "h1{font-size:1.4em;margin:0}h2{font-size:1.15em}table{border-collapse:collapse;margin:1em 0;width:100%}"
            + "td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}th{background:#f6f8fa}"
            + "section{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.5em 1em}"
            + ".verdict{border-radius:6px;padding:1em 1.5em;color:#fff}.verdict.go{background:#1a7f37}.verdict.no-go{background:#cf222e}"
            + ".verdict.go-with-exceptions{background:#9a6700}.verdict.blocked{background:#cf222e}.verdict p{margin:.3em 0 0}"
            + ".fail,.missing{color:#cf222e;font-weight:600}.exceptions{color:#9a6700;font-weight:600}.pass{color:#1a7f37}.waived,.not-applicable{color:#555}"
            + ".mono{font-family:monospace;color:#555}td{overflow-wrap:break-word}td.module{min-width:8em}"
            + ".meta{color:#555;font-size:12px;margin-top:.2em}";

    static String html(GateDecision d) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(headline(d) + " · " + d.project())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        String css = d.decision().label().toLowerCase(java.util.Locale.ROOT) + (d.blocked() ? " blocked" : "");
        html.append("<header id=\"decision\" class=\"verdict ").append(css).append("\"><h1>").append(Html.escape(headline(d))).append("</h1>")
                .append("<p>").append(Html.escape(d.project() + " " + (d.version() == null ? "" : d.version()))).append(" · ")
                .append(Html.escape(d.time().toString())).append(" · policy ").append(Html.escape(d.policy())).append("</p></header>\n");
        if (!d.reasons().isEmpty()) {
            html.append("<section id=\"reasons\"><h2>Reasons</h2><ul>");
            d.reasons().forEach(r -> html.append("<li>").append(Html.escape(r)).append("</li>"));
            html.append("</ul></section>\n");
        }
        if (!d.warnings().isEmpty()) {
            html.append("<section id=\"warnings\"><h2>Policy warnings</h2><ul>");
            d.warnings().forEach(w -> html.append("<li>").append(Html.escape(w)).append("</li>"));
            html.append("</ul></section>\n");
        }
        List<String> checks = d.checkNames();
        html.append("<section id=\"checks\"><h2>Checks</h2><table><thead><tr><th>Module</th>");
        checks.forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (GateDecision.Module module : d.modules()) {
            html.append("<tr><td class=\"mono module\">").append(Html.breakable(module.module())).append("</td>");
            for (String name : checks) {
                GateDecision.Check check = module.check(name);
                if (check == null) {
                    html.append("<td></td>");
                } else {
                    String title = check.waiver() != null ? "waived: " + check.waiver() : check.summary();
                    html.append("<td class=\"").append(check.status().label()).append("\" title=\"").append(Html.escape(title)).append("\">")
                            .append(Html.escape(check.status().label())).append("</td>");
                }
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (!d.notGated().isEmpty()) {
            html.append("<p id=\"not-gated\">").append(Html.escape(notGatedSentence(d))).append("</p>");
        }
        html.append("</section>\n");
        // Four columns, the goals and the report under what the check said: six did not fit 800 pixels.
        html.append("<section id=\"details\"><h2>What each check said</h2><table><thead><tr><th>Module</th><th>Check</th><th>Status</th>")
                .append("<th>What it said</th></tr></thead><tbody>");
        for (GateDecision.Module module : d.modules()) {
            for (GateDecision.Check check : module.checks()) {
                html.append("<tr><td class=\"mono module\">").append(Html.breakable(module.module())).append("</td><td>").append(Html.escape(check.check()))
                        .append("</td><td class=\"").append(check.status().label()).append("\">").append(Html.escape(check.status().label()))
                        .append(check.required() ? "" : " (not required)").append("</td><td>")
                        .append(Html.breakable(check.waiver() != null ? "waived: " + check.waiver() + ". " + check.summary() : check.summary()));
                if (!check.goals().isEmpty() || !check.details().isEmpty()) {
                    html.append("<div class=\"meta\">");
                    if (!check.goals().isEmpty()) {
                        html.append("by ").append(Html.breakable(String.join(", ", check.goals())));
                    }
                    if (!check.details().isEmpty()) {
                        html.append(check.goals().isEmpty() ? "" : " · ").append("report <span class=\"mono\">")
                                .append(String.join(", ", check.details().stream().map(Html::path).toList())).append("</span>");
                    }
                    html.append("</div>");
                }
                html.append("</td></tr>");
            }
        }
        html.append("</tbody></table></section>\n");
        if (!d.exceptions().isEmpty()) {
            html.append("<section id=\"exceptions\"><h2>Exceptions</h2><table><thead><tr><th>Module</th><th>Check</th><th>Exception</th>")
                    .append("<th>Reason</th><th>Approved by</th><th>Expires</th></tr></thead><tbody>");
            for (GateDecision.Exception e : d.exceptions()) {
                html.append("<tr><td class=\"mono module\">").append(Html.breakable(e.module())).append("</td><td>").append(Html.escape(e.check()))
                        .append("</td><td>").append(Html.breakable(e.id())).append("</td><td>").append(Html.breakable(e.reason())).append("</td><td>")
                        .append(Html.escape(e.approvedBy())).append("</td><td>").append(Html.escape(e.expires())).append("</td></tr>");
            }
            html.append("</tbody></table></section>\n");
        }
        html.append("<section id=\"approval\"><h2>Approval</h2><p>").append(Html.escape(approvalStatus(d)));
        if (d.approval().given()) {
            html.append(": ticket ").append(Html.escape(d.approval().ticket())).append(", by ").append(Html.escape(d.approval().approvedBy()));
        } else if (d.approval().required()) {
            html.append(" (the policy requires one for a release with exceptions)");
        }
        html.append("</p></section>\n</body></html>\n");
        return html.toString();
    }
}
