package dev.securebuild.findings.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A policy file as a tree that remembers where each key and value stood, so that every validation error can name the
 * line and column (Jackson's own {@code JsonNode} forgets them). Built from the tokens of Jackson's JSON or YAML
 * parser; a policy is small, so the whole tree is held.
 */
final class PolicyNode {

    enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    final Type type;
    final JsonLocation location;
    /** The scalar as written ({@code 4.0} stays {@code "4.0"}), null for objects, arrays and null. */
    final String text;
    final Map<String, PolicyNode> fields;
    final Map<String, JsonLocation> keyLocations;
    final List<PolicyNode> items;

    private PolicyNode(Type type, JsonLocation location, String text, Map<String, PolicyNode> fields, Map<String, JsonLocation> keyLocations,
                       List<PolicyNode> items) {
        this.type = type;
        this.location = location;
        this.text = text;
        this.fields = fields;
        this.keyLocations = keyLocations;
        this.items = items;
    }

    /** Reads the value whose first token is the parser's current token. */
    static PolicyNode read(JsonParser parser, String file) throws IOException {
        JsonToken token = parser.currentToken();
        JsonLocation location = parser.currentTokenLocation();
        if (token == null) {
            throw InvalidPolicyException.at(file, location, "expected a value, found the end of the file");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, PolicyNode> fields = new LinkedHashMap<>();
                Map<String, JsonLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (keys.containsKey(key)) {
                        throw InvalidPolicyException.at(file, keyLocation, "key \"" + key + "\" is given twice (first at line "
                                + keys.get(key).getLineNr() + "); expected each key once");
                    }
                    parser.nextToken();
                    keys.put(key, keyLocation);
                    fields.put(key, read(parser, file));
                }
                return new PolicyNode(Type.OBJECT, location, null, fields, keys, List.of());
            }
            case START_ARRAY -> {
                List<PolicyNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new PolicyNode(Type.ARRAY, location, null, Map.of(), Map.of(), items);
            }
            case VALUE_STRING -> {
                return scalar(Type.STRING, location, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return scalar(Type.NUMBER, location, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return scalar(Type.BOOLEAN, location, parser.getText());
            }
            case VALUE_NULL -> {
                return scalar(Type.NULL, location, null);
            }
            default -> throw InvalidPolicyException.at(file, location, "expected a value, found " + token);
        }
    }

    private static PolicyNode scalar(Type type, JsonLocation location, String text) {
        return new PolicyNode(type, location, text, Collections.emptyMap(), Collections.emptyMap(), List.of());
    }

    boolean isNull() {
        return type == Type.NULL;
    }

    /** How the value is named in messages: its text, or what kind of value it is. */
    String describe() {
        return switch (type) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case NULL -> "nothing (null)";
            case STRING -> "\"" + text + "\"";
            default -> text;
        };
    }
}
