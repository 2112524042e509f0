package dev.securebuild.shared.yaml;

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
 * A YAML or JSON value as a tree that remembers where each key and value stood, so that every validation error can
 * name the line and column (Jackson's {@code JsonNode} forgets them), and that refuses a key given twice in one mapping.
 * Built from the tokens of Jackson's JSON or YAML parser. The files read this way (allow-lists, policies) are small, so
 * the whole tree is held. Each reader makes its own exception through an {@link ErrorFactory}, so that its messages
 * keep naming the file the way that reader's users know.
 */
public final class PositionedNode {

    public enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** Makes the caller's exception for an error in {@code file} at {@code location}; {@code expected} says what went wrong. */
    @FunctionalInterface
    public interface ErrorFactory<E extends Exception> {
        E at(String file, JsonLocation location, String expected);
    }

    private final Type type;
    private final JsonLocation location;
    private final String text;
    private final boolean booleanValue;
    private final Map<String, PositionedNode> fields;
    private final Map<String, JsonLocation> keyLocations;
    private final List<PositionedNode> items;

    private PositionedNode(Type type, JsonLocation location, String text, boolean booleanValue, Map<String, PositionedNode> fields,
                           Map<String, JsonLocation> keyLocations, List<PositionedNode> items) {
        this.type = type;
        this.location = location;
        this.text = text;
        this.booleanValue = booleanValue;
        this.fields = fields;
        this.keyLocations = keyLocations;
        this.items = items;
    }

    /**
     * Reads the value whose first token is the parser's current token, leaving the parser on its last token. A key
     * given twice, the end of the input where a value belongs, and a token that is no plain value (YAML's
     * {@code !!binary}) are errors made by {@code errors}.
     */
    public static <E extends Exception> PositionedNode read(JsonParser parser, String file, ErrorFactory<E> errors) throws IOException, E {
        JsonToken token = parser.currentToken();
        JsonLocation location = parser.currentTokenLocation();
        if (token == null) {
            throw errors.at(file, location, "expected a value, found the end of the file");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, PositionedNode> fields = new LinkedHashMap<>();
                Map<String, JsonLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (keys.containsKey(key)) {
                        throw errors.at(file, keyLocation, "key \"" + key + "\" is given twice (first at line "
                                + keys.get(key).getLineNr() + "); expected each key once");
                    }
                    parser.nextToken();
                    keys.put(key, keyLocation);
                    fields.put(key, read(parser, file, errors));
                }
                return new PositionedNode(Type.OBJECT, location, null, false, Collections.unmodifiableMap(fields),
                        Collections.unmodifiableMap(keys), List.of());
            case START_ARRAY:
                List<PositionedNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, errors));
                }
                return new PositionedNode(Type.ARRAY, location, null, false, Map.of(), Map.of(), Collections.unmodifiableList(items));
            case VALUE_STRING:
                return scalar(Type.STRING, location, parser.getText(), false);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return scalar(Type.NUMBER, location, parser.getText(), false);
            case VALUE_TRUE:
            case VALUE_FALSE:
                // The token, not the text, says which: YAML also writes true as yes, on or True.
                return scalar(Type.BOOLEAN, location, parser.getText(), token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return scalar(Type.NULL, location, null, false);
            default:
                throw errors.at(file, location, "expected a value, found " + token);
        }
    }

    private static PositionedNode scalar(Type type, JsonLocation location, String text, boolean booleanValue) {
        return new PositionedNode(type, location, text, booleanValue, Map.of(), Map.of(), List.of());
    }

    public Type type() {
        return type;
    }

    /** Where the value starts: its first character, or the opening of a mapping or list. */
    public JsonLocation location() {
        return location;
    }

    /** The scalar as written ({@code 1.10} stays {@code "1.10"}), null for mappings, lists and null. */
    public String text() {
        return text;
    }

    /** For a boolean, whether it is true; false for every other value. */
    public boolean booleanValue() {
        return booleanValue;
    }

    /** The entries of a mapping in the order written; empty for every other value. */
    public Map<String, PositionedNode> fields() {
        return fields;
    }

    /** Where each key of a mapping stands; empty for every other value. */
    public Map<String, JsonLocation> keyLocations() {
        return keyLocations;
    }

    /** The items of a list; empty for every other value. */
    public List<PositionedNode> items() {
        return items;
    }

    public boolean isObject() {
        return type == Type.OBJECT;
    }

    public boolean isArray() {
        return type == Type.ARRAY;
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    /** How the value is named in messages: its text, or what kind of value it is. */
    public String describe() {
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
