package dev.securebuild.findings.policy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.shared.events.EventLog;

/**
 * Writes how each policy exception stood to the security event log: one line per exception and check, of type
 * {@code exception.used}, {@code exception.expiring}, {@code exception.expired} or {@code exception.unused}.
 */
public final class ExceptionEvents {

    private ExceptionEvents() {}

    public static void append(EventLog log, String project, List<ExceptionStatus> statuses) throws IOException {
        for (ExceptionStatus status : statuses) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exception", status.id());
            fields.put("expires", status.expires());
            fields.put("approvedBy", status.approvedBy());
            fields.put("matched", status.matched());
            fields.put("violation", status.violation());
            log.append("exception." + status.state().name().toLowerCase(Locale.ROOT), project, fields, status.message());
        }
    }
}
