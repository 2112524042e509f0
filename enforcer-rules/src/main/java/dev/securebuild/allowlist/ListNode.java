package dev.securebuild.allowlist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * An allow-list file as a tree that remembers where each key and value stood, so that every validation error can
 * name the line and column (Jackson's {@code JsonNode} forgets them). A list is small, so the whole tree is held.
 */
final class ListNode {

    enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    final Type type;
    final JsonLocation location;
    /** The scalar as written ({@code 1.10} stays {@code "1.10"}), null for mappings, lists and null. */
    final String text;
    final Map<String, ListNode> fields;
    final Map<String, JsonLocation> keyLocations;
    final List<ListNode> items;

    private ListNode(Type type, JsonLocation location, String text, Map<String, ListNode> fields, Map<String, JsonLocation> keyLocations,
                     List<ListNode> items) {
        this.type = type;
        this.location = location;
        this.text = text;
        this.fields = fields;
        this.keyLocations = keyLocations;
        this.items = items;
    }

    /** Reads the value whose first token is the parser's current token. */
    static ListNode read(JsonParser parser, String file) throws IOException, InvalidAllowListException {
        JsonToken token = parser.currentToken();
        JsonLocation location = parser.currentTokenLocation();
        if (token == null) {
            throw InvalidAllowListException.at(file, location, "expected a value, found the end of the file");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, ListNode> fields = new LinkedHashMap<>();
                Map<String, JsonLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (keys.containsKey(key)) {
                        throw InvalidAllowListException.at(file, keyLocation, "key \"" + key + "\" is given twice (first at line "
                                + keys.get(key).getLineNr() + "); expected each key once");
                    }
                    parser.nextToken();
                    keys.put(key, keyLocation);
                    fields.put(key, read(parser, file));
                }
                return new ListNode(Type.OBJECT, location, null, fields, keys, List.of());
            case START_ARRAY:
                List<ListNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new ListNode(Type.ARRAY, location, null, Map.of(), Map.of(), items);
            case VALUE_STRING:
                return scalar(Type.STRING, location, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return scalar(Type.NUMBER, location, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(Type.BOOLEAN, location, parser.getText());
            case VALUE_NULL:
                return scalar(Type.NULL, location, null);
            default:
                throw InvalidAllowListException.at(file, location, "expected a value, found " + token);
        }
    }

    private static ListNode scalar(Type type, JsonLocation location, String text) {
        return new ListNode(type, location, text, Map.of(), Map.of(), List.of());
    }

    boolean isNull() {
        return type == Type.NULL;
    }

    /** How the value is named in messages: its text, or what kind of value it is. */
    String describe() {
        switch (type) {
            case OBJECT:
                return "a mapping";
            case ARRAY:
                return "a list";
            case NULL:
                return "nothing (null)";
            case STRING:
                return "\"" + text + "\"";
            default:
                return text;
        }
    }
}
