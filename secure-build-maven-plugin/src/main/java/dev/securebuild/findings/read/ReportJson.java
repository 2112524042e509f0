package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.digest.DigestAlgorithm;

/**
 * What the JSON scanner readers share: reading fields of a tree, one-line messages, fingerprints made when a tool has
 * none, and the second pass over a report whose fields came in an order
 * that the first could not use.
 */
final class ReportJson {

    private static final int MAX_MESSAGE = 200;

    private ReportJson() {}

    /** The field's value as text when it is a scalar, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The first non-blank line, at most 200 characters: findings are listed one a line. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 3) + "..." : line;
    }

    /** A line-independent fingerprint of the parts, for findings whose tool gives none. */
    static String fingerprint(String... parts) {
        var digest = DigestAlgorithm.SHA256.newMessageDigest();
        digest.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
        return "sb:" + HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** "3.1" of {@code CVSS:3.1/AV:N/...}; "2.0" of a vector without prefix (CVSS v2 has none); null for no vector. */
    static String cvssVersionOf(String vector) {
        if (vector == null || vector.isBlank()) {
            return null;
        }
        if (vector.startsWith("CVSS:")) {
            int slash = vector.indexOf('/');
            return slash > 5 ? vector.substring(5, slash) : null;
        }
        return vector.contains("Au:") ? "2.0" : null;
    }

    /** Reads the value of a top-level field; the parser is on the value's first token and must end on its last. */
    interface FieldReader {
        void read(JsonParser parser) throws IOException;
    }

    /**
     * A second pass over {@code file}, whose first pass passed over {@code field} because it came before what reading
     * it needs: {@code reader} is given the value of each top-level {@code field}, everything else is skipped.
     */
    static void readFieldAgain(JsonFactory factory, Path file, String field, FieldReader reader) throws IOException {
        JsonParser parser = factory.createParser(file.toFile());
        try (parser) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(field)) {
                    reader.read(parser);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(file.toString(), e, parser);
        }
    }

    /** After the root value: nothing but white space may follow. */
    static void expectEnd(JsonParser parser, String file) throws IOException {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), "expected the end of the file after the report, found more JSON");
        }
    }
}
