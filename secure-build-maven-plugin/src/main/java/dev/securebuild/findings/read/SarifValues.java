package dev.securebuild.findings.read;

import static dev.securebuild.findings.read.ReportJson.firstText;
import static dev.securebuild.findings.read.ReportJson.text;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.text.Printable;

/**
 * What SARIF 2.1.0 says a value must be, where a value outside it would otherwise pass unseen: the enumerations a
 * finding's severity and fate depend on (level, kind, suppression status), whether a tool's invocation succeeded, and
 * which suppressions clear a result.
 */
final class SarifValues {

    static final List<String> LEVELS = List.of("none", "note", "warning", "error");
    static final List<String> KINDS = List.of("pass", "open", "informational", "notApplicable", "review", "fail");
    private static final List<String> SUPPRESSION_STATUSES = List.of("accepted", "underReview", "rejected");
    private static final int MAX_SHOWN = 300;
    private static final int MAX_NOTIFICATIONS = 3;

    private SarifValues() {}

    /**
     * The value of {@code field}, one of {@code allowed} as the specification spells it (case matters); null when the
     * field is absent or null. Anything else is an error at {@code at}: a level "ERROR" or "critical" read as unknown
     * would let a finding pass.
     */
    static String enumerated(JsonNode node, String field, List<String> allowed, String file, JsonLocation at, String whose)
            throws ReportParseException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual() && allowed.contains(value.asText())) {
            return value.asText();
        }
        throw ReportParseException.at(file, at, whose + " \"" + field + "\" is " + shown(value) + "; expected one of "
                + String.join(", ", allowed) + " (SARIF 2.1.0, spelled as written there)");
    }

    /**
     * An invocation with {@code executionSuccessful: false} is an error naming the run and the tool's own error
     * notifications (escaped, cut): the tool says it did not finish its analysis.
     */
    static void checkSucceeded(JsonNode invocation, String file, JsonLocation run, String runName) throws ReportParseException {
        JsonNode successful = invocation.path("executionSuccessful");
        if (successful.isMissingNode() || successful.isNull() || successful.isBoolean() && successful.booleanValue()) {
            return;
        }
        if (!successful.isBoolean()) {
            throw ReportParseException.at(file, run, runName + ": an invocation's \"executionSuccessful\" is " + shown(successful)
                    + "; expected true or false");
        }
        List<String> errors = new ArrayList<>();
        for (String notifications : List.of("toolExecutionNotifications", "toolConfigurationNotifications")) {
            for (JsonNode notification : invocation.path(notifications)) {
                String level = firstText(text(notification, "level"), "warning");
                String message = text(notification.path("message"), "text");
                if (level.equals("error") && message != null && errors.size() < MAX_NOTIFICATIONS) {
                    errors.add("\"" + cut(message) + "\"");
                }
            }
        }
        String exitCode = text(invocation, "exitCode");
        throw ReportParseException.at(file, run, runName + ": the tool reports that it did not run successfully (\"executionSuccessful\": false"
                + (exitCode == null ? "" : ", exit code " + Printable.of(exitCode)) + ")"
                + (errors.isEmpty() ? ", without an error message" : "; its errors: " + String.join("; ", errors))
                + ". Its results are not a complete scan: fix what stopped it and run it again");
    }

    /**
     * As the SARIF SDK decides: a result is suppressed when at least one suppression is accepted (a suppression
     * without status is accepted) and none is rejected or under review. The accepted one's justification, else null.
     */
    static String suppression(JsonNode result, String file, JsonLocation at) throws ReportParseException {
        String accepted = null;
        boolean open = false;
        for (JsonNode suppression : result.path("suppressions")) {
            String status = enumerated(suppression, "status", SUPPRESSION_STATUSES, file, at, "a suppression's");
            if (status == null || status.equals("accepted")) {
                if (accepted == null) {
                    accepted = firstText(text(suppression, "justification"),
                            "suppressed in the report (" + firstText(text(suppression, "kind"), "inSource") + ")");
                }
            } else {
                open = true;
            }
        }
        return open ? null : accepted;
    }

    /** A value from the report as a message may show it: escaped, and cut when long. */
    private static String shown(JsonNode value) {
        return value.isTextual() ? "\"" + cut(value.asText()) + "\"" : cut(value.toString());
    }

    private static String cut(String text) {
        String shown = Printable.of(text);
        return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "..." : shown;
    }
}
