package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenVEX documents (0.2.0, and the older {@code https://openvex.dev/ns} and 0.0.x contexts, whose vulnerabilities
 * and products may be plain strings): one VEX statement per statement, no findings. A statement's products are the
 * products' {@code @id}s, their {@code identifiers.purl} and their subcomponents' ids, all as one set; a statement
 * without products speaks for every product. A {@code not_affected} statement with neither a justification nor an
 * impact statement is invalid per the specification and is rejected rather than allowed to clear a finding.
 *
 * <p>Statements are read one at a time. When they come before {@code @context} the file is read a second time for
 * them, once the context says the file is OpenVEX, rather than holding them in memory.
 */
public final class OpenVexReader implements ReportReader {

    private static final String CONTEXT = "https://openvex.dev/ns";
    private static final String EXPECTED = "expected an OpenVEX document with @context " + CONTEXT + "...";
    private static final Map<String, VexStatus> STATUSES = Map.of(
            "not_affected", VexStatus.NOT_AFFECTED,
            "affected", VexStatus.AFFECTED,
            "fixed", VexStatus.FIXED,
            "under_investigation", VexStatus.UNDER_INVESTIGATION);

    private final JsonFactory json;

    /** Within the default limits. */
    public OpenVexReader() {
        this(ReportLimits.DEFAULT);
    }

    public OpenVexReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.OPENVEX;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        String author = null;
        boolean statementsDeferred = false;
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentTokenLocation(), EXPECTED);
            }
            JsonLocation start = parser.currentTokenLocation();
            boolean openVex = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "@context" -> {
                        JsonNode context = parser.readValueAsTree();
                        if (!isOpenVex(context)) {
                            throw ReportParseException.at(name, parser.currentTokenLocation(), EXPECTED + "; found @context " + context);
                        }
                        openVex = true;
                    }
                    case "author" -> author = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "statements" -> {
                        if (openVex) {
                            readStatements(parser, name, source(name, author), sink);
                        } else {
                            expectStatements(parser, name);
                            parser.skipChildren();
                            statementsDeferred = true;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!openVex) {
                throw ReportParseException.at(name, start, EXPECTED + "; it has no @context");
            }
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
        if (statementsDeferred) {
            readStatementsAgain(file, source(name, author), sink);
        }
    }

    /** A string context, or a JSON-LD array of contexts, one of which is OpenVEX's. */
    private static boolean isOpenVex(JsonNode context) {
        if (context.isTextual()) {
            return context.asText().startsWith(CONTEXT);
        }
        for (JsonNode entry : context) {
            if (entry.isTextual() && entry.asText().startsWith(CONTEXT)) {
                return true;
            }
        }
        return false;
    }

    private void readStatementsAgain(Path file, String source, ReportSink sink) throws IOException {
        ReportJson.readFieldAgain(json, file, "statements", parser -> readStatements(parser, file.toString(), source, sink));
    }

    private static void readStatements(JsonParser parser, String file, String source, ReportSink sink) throws IOException {
        expectStatements(parser, file);
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            index++;
            JsonLocation at = parser.currentTokenLocation();
            if (token != JsonToken.START_OBJECT) {
                throw ReportParseException.at(file, at, "statement " + index + ": expected a statement, a JSON object");
            }
            sink.vexStatement(statement(parser.readValueAsTree(), index, file, at, source));
        }
    }

    private static void expectStatements(JsonParser parser, String file) throws ReportParseException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), "\"statements\" must be an array of VEX statements");
        }
    }

    private static VexStatement statement(JsonNode node, int index, String file, JsonLocation at, String source) throws ReportParseException {
        String where = "statement " + index + ": ";
        JsonNode vulnerability = node.path("vulnerability");
        String id = vulnerability.isTextual() ? vulnerability.asText() : firstText(text(vulnerability, "name"), text(vulnerability, "@id"));
        if (id == null) {
            throw ReportParseException.at(file, at, where + "expected a vulnerability with a name or @id");
        }
        Set<String> aliases = new LinkedHashSet<>();
        vulnerability.path("aliases").forEach(alias -> addText(aliases, alias));
        String atId = text(vulnerability, "@id");
        if (atId != null && !atId.contains("://")) {
            aliases.add(atId);
        }
        aliases.remove(id);

        String statusText = text(node, "status");
        VexStatus status = statusText == null ? null : STATUSES.get(statusText.strip());
        if (status == null) {
            throw ReportParseException.at(file, at, where + "status " + (statusText == null ? "missing" : "\"" + statusText + "\"")
                    + "; expected one of not_affected, affected, fixed, under_investigation");
        }
        String justification = text(node, "justification");
        String impact = text(node, "impact_statement");
        if (status == VexStatus.NOT_AFFECTED && justification == null && impact == null) {
            throw ReportParseException.at(file, at, where + "status not_affected for " + id
                    + " needs a justification or an impact_statement (OpenVEX); expected one of them");
        }

        Set<String> products = new LinkedHashSet<>();
        for (JsonNode product : node.path("products")) {
            addProduct(products, product);
            product.path("subcomponents").forEach(subcomponent -> addProduct(products, subcomponent));
        }
        // OpenVEX 0.0.x put subcomponents beside the products, as strings.
        node.path("subcomponents").forEach(subcomponent -> addProduct(products, subcomponent));

        String statement = firstText(impact, text(node, "status_notes"), text(node, "action_statement"));
        return new VexStatement(id, aliases, products, status, justification, statement, source);
    }

    /** A product or subcomponent: a string (0.0.x), or an object with an @id and identifiers.purl. */
    private static void addProduct(Set<String> products, JsonNode product) {
        if (product.isTextual()) {
            addText(products, product);
            return;
        }
        addText(products, product.path("@id"));
        addText(products, product.path("identifiers").path("purl"));
    }

    private static void addText(Set<String> into, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            into.add(node.asText().strip());
        }
    }

    private static String source(String file, String author) {
        return author == null || author.isBlank() ? file : file + " (" + author.strip() + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
