package dev.securebuild.allowlist;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The decisions of the allow-lists for every component of a reactor, one per distinct component (g:a:v and scope)
 * with the modules that use it, and the lint of the lists ({@link ListLint}); written as JSON (format
 * {@value #FORMAT}) and as a short table for the log, the failing decisions first.
 */
public final class AllowListReport {

    public static final String FORMAT = "secure-build-allowlist-report/1";

    /** The order of the table and of the JSON's decisions: failing, then warning, then allowed. */
    private static final List<Decision.Status> STATUS_ORDER = List.of(Decision.Status.DENIED, Decision.Status.EXPIRED,
            Decision.Status.UNLISTED, Decision.Status.EXPIRING, Decision.Status.ALLOWED);
    /** Modules named in a row of the table; the others are counted. */
    static final int MODULES_SHOWN = 3;
    private static final JsonFactory JSON = new JsonFactory();

    /** One distinct component: its decision (made for the first module that uses it) and every module that uses it. */
    public static final class Row {
        private final Decision decision;
        private final Set<String> modules = new LinkedHashSet<>();

        Row(Decision decision) {
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }

        /** The modules that use the component, in reactor order. */
        public Set<String> modules() {
            return modules;
        }
    }

    private final List<AllowList> lists;
    private final AllowListDecider decider;
    private final LocalDate today;
    private final Set<String> modules = new LinkedHashSet<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private List<LintFinding> lint;

    public AllowListReport(List<AllowList> lists, LocalDate today) {
        this.lists = List.copyOf(lists);
        this.decider = new AllowListDecider(lists);
        this.today = today;
    }

    /** Decides the components of one module ({@code groupId:artifactId}); call in reactor order. */
    public void add(String module, List<Component> components) {
        modules.add(module);
        for (Component component : components) {
            rows.computeIfAbsent(component.toString(), key -> new Row(decider.decide(component, today))).modules.add(module);
        }
        lint = null;
    }

    public List<AllowList> lists() {
        return lists;
    }

    public Set<String> modules() {
        return modules;
    }

    public LocalDate today() {
        return today;
    }

    /** One row per distinct component: failing first, then warnings, then allowed; by component within a status. */
    public List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt((Row row) -> STATUS_ORDER.indexOf(row.decision.status()))
                .thenComparing(row -> row.decision.component().toString()));
        return sorted;
    }

    /** The lint of the lists against this reactor's decisions. */
    public List<LintFinding> lint() {
        if (lint == null) {
            List<Decision> decisions = new ArrayList<>();
            rows.values().forEach(row -> decisions.add(row.decision));
            lint = ListLint.lint(lists, decisions, today);
        }
        return lint;
    }

    /** How many distinct components got each status, every status present (0 when none). */
    public Map<Decision.Status, Integer> statusCounts() {
        Map<Decision.Status, Integer> counts = new EnumMap<>(Decision.Status.class);
        for (Decision.Status status : Decision.Status.values()) {
            counts.put(status, 0);
        }
        rows.values().forEach(row -> counts.merge(row.decision.status(), 1, Integer::sum));
        return counts;
    }

    /** One line for the log: how many components of how many modules got each status, and how many lint findings. */
    public String summary() {
        List<String> counts = new ArrayList<>();
        statusCounts().forEach((status, count) -> counts.add(count + " " + id(status)));
        return "Decided " + rows.size() + " component(s) of " + modules.size() + " module(s) (" + String.join(", ", counts) + ") against "
                + lists.size() + " list(s); " + lint().size() + " lint finding(s)";
    }

    /** Writes the JSON report (UTF-8, indented); the caller writes it atomically. */
    public void writeJson(OutputStream out) throws IOException {
        List<Row> sorted = rows();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("date", today.toString());
            writeLists(json);
            writeSummary(json, sorted);
            json.writeArrayFieldStart("decisions");
            for (Row row : sorted) {
                writeDecision(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("lint");
            for (LintFinding finding : lint()) {
                json.writeStartObject();
                json.writeStringField("kind", finding.kind().id());
                json.writeStringField("layer", finding.layer());
                json.writeStringField("entry", finding.location());
                json.writeStringField("coordinates", finding.coordinates());
                json.writeStringField("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private void writeLists(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("lists");
        for (AllowList list : lists) {
            json.writeStartObject();
            json.writeStringField("layer", list.layer());
            json.writeStringField("source", list.source());
            json.writeNumberField("approved", list.approved().size());
            json.writeNumberField("denied", list.denied().size());
            json.writeNumberField("expiringWithinDays", list.expiringWithinDays());
            json.writeBooleanField("failOnUnlisted", list.failOnUnlisted());
            json.writeArrayFieldStart("allowLicenses");
            for (String license : list.allowLicenses()) {
                json.writeString(license);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeSummary(JsonGenerator json, List<Row> sorted) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("modules", modules.size());
        json.writeNumberField("components", sorted.size());
        json.writeObjectFieldStart("statuses");
        for (Map.Entry<Decision.Status, Integer> count : statusCounts().entrySet()) {
            json.writeNumberField(id(count.getKey()), count.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("failing", (int) sorted.stream().filter(row -> row.decision.fails()).count());
        json.writeNumberField("warnings", (int) sorted.stream().filter(row -> row.decision.warns()).count());
        json.writeObjectFieldStart("lint");
        for (LintFinding.Kind kind : LintFinding.Kind.values()) {
            json.writeNumberField(kind.id(), (int) lint().stream().filter(finding -> finding.kind() == kind).count());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeDecision(JsonGenerator json, Row row) throws IOException {
        Decision decision = row.decision;
        Component component = decision.component();
        json.writeStartObject();
        json.writeStringField("component", component.coordinates());
        json.writeStringField("scope", component.scope());
        json.writeStringField("status", id(decision.status()));
        json.writeBooleanField("fails", decision.fails());
        json.writeStringField("layer", decision.layer());
        json.writeStringField("entry", decision.entry() == null ? null : decision.entry().location());
        json.writeStringField("explanation", decision.explanation());
        json.writeArrayFieldStart("licenses");
        for (String license : component.licenses()) {
            json.writeString(license);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("nearMisses");
        for (String nearMiss : decision.nearMisses()) {
            json.writeString(nearMiss);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("modules");
        for (String module : row.modules) {
            json.writeString(module);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("path");
        for (String node : component.path()) {
            json.writeString(node);
        }
        json.writeEndArray();
        json.writeStringField("pasteReadyEntry", decision.pasteReadyEntry());
        json.writeEndObject();
    }

    /**
     * The table for the log: a header and one line per component (status, component, the entry that decided it, the
     * modules that use it), failing first; after {@code maxRows} components, one line says how many more the JSON has.
     */
    public List<String> table(int maxRows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"STATUS", "COMPONENT", "DECIDED BY", "MODULES"});
        List<Row> sorted = rows();
        for (Row row : sorted.subList(0, Math.min(Math.max(maxRows, 0), sorted.size()))) {
            cells.add(new String[] {row.decision.status().name(), row.decision.component().toString(), decidedBy(row.decision),
                    modulesText(row.modules)});
        }
        int[] widths = new int[3];
        for (String[] line : cells) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                text.append(String.format(Locale.ROOT, "%-" + widths[column] + "s  ", line[column]));
            }
            lines.add(text.append(line[3]).toString());
        }
        int more = sorted.size() - (cells.size() - 1);
        if (more > 0) {
            lines.add("... and " + more + " more component(s), in the JSON report");
        }
        return lines;
    }

    /** The layer and the entry's file name and line; for a license, the list whose allowLicenses allowed it. */
    static String decidedBy(Decision decision) {
        if (decision.list() == null) {
            return "no entry";
        }
        if (decision.entry() == null) {
            return decision.layer() + " settings.allowLicenses";
        }
        String file = decision.entry().file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return decision.layer() + " " + file.substring(slash + 1) + ":" + decision.entry().line();
    }

    /** The modules' artifactIds, the first few and a count of the rest. */
    private static String modulesText(Set<String> modules) {
        List<String> names = new ArrayList<>();
        for (String module : modules) {
            if (names.size() == MODULES_SHOWN) {
                names.add("+" + (modules.size() - MODULES_SHOWN) + " more");
                break;
            }
            names.add(module.substring(module.lastIndexOf(':') + 1));
        }
        return String.join(", ", names);
    }

    /** A status as the JSON and {@code failOn} name it: {@code unlisted}. */
    static String id(Decision.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
