package dev.securebuild.shared.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.text.Printable;

/**
 * A YAML or JSON value as a tree that remembers where each key and value stood, so that every validation error can
 * name the line and column (Jackson's {@code JsonNode} forgets them), and that refuses a key given twice in one mapping.
 * Built from the tokens of Jackson's JSON or YAML parser. The files read this way (allow-lists, policies) are small, so
 * the whole tree is held. Each reader makes its own exception through an {@link ErrorFactory}, so that its messages
 * keep naming the file the way that reader's users know.
 */
public final class PositionedNode {

    public enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /**
     * The most a file read this way may hold. SnakeYAML slows down quadratically on a long scalar, before any limit of
     * Jackson's applies (a string of 30 million characters took over 20 seconds), so the bytes are bounded before
     * parsing. An allow-list of 20,000 entries fits.
     */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

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

    /** The bytes of a file read this way, refused (the caller's error, naming the file) beyond {@link #MAX_DOCUMENT_BYTES}. */
    public static <E extends Exception> byte[] readBounded(InputStream in, String file, ErrorFactory<E> errors) throws IOException, E {
        byte[] bytes = BoundedFiles.readAtMost(in, MAX_DOCUMENT_BYTES);
        if (bytes == null) {
            throw errors.at(file, null, "the file is larger than " + MAX_DOCUMENT_BYTES + " bytes, far more than it should hold; it was not read");
        }
        return bytes;
    }

    /**
     * Reads one document, one mapping, from {@code in}: JSON when {@code file} ends in {@code .json}, else YAML; refused
     * unread beyond {@link #MAX_DOCUMENT_BYTES} (SnakeYAML's time grows with the square of a long value's length), then
     * as {@link #readDocument(JsonParser, String, String, String, String, ErrorFactory)} reads it.
     */
    public static <E extends Exception> PositionedNode readDocument(InputStream in, String file, String what, String document,
                                                                    ErrorFactory<E> errors) throws IOException, E {
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        byte[] bytes = readBounded(in, file, errors);
        try (JsonParser parser = (json ? JSON : YAML).createParser(bytes)) {
            return readDocument(parser, file, json ? "JSON" : "YAML", what, document, errors);
        }
    }

    /**
     * Reads a whole file that holds one document, one mapping (an allow-list, a policy): an empty file, a second
     * document, and whatever the parser refuses (bad syntax, or its limits: nesting depth, string length) become the
     * caller's error, naming the file and the position (where the parser stopped when its complaint has none).
     *
     * @param format   {@code JSON} or {@code YAML}, as messages name it
     * @param what     what the file should hold, for an empty file ({@code a release gate policy})
     * @param document how the end is named ({@code the policy})
     */
    public static <E extends Exception> PositionedNode readDocument(JsonParser parser, String file, String format, String what, String document,
                                                                    ErrorFactory<E> errors) throws IOException, E {
        try {
            if (parser.nextToken() == null) {
                throw errors.at(file, parser.currentLocation(), "the file is empty; expected " + what + ", a mapping that starts with version: 1");
            }
            PositionedNode root = read(parser, file, errors);
            if (parser.nextToken() != null) {
                throw errors.at(file, parser.currentTokenLocation(), "expected the end of " + document + " (one document, one mapping)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw errors.at(file, e.getLocation() != null ? e.getLocation() : parser.currentLocation(),
                    "not valid " + format + " (" + parserProblem(e) + ")");
        }
    }

    /**
     * The one form of a loader's error: {@code FILE at line L, column C: EXPECTED}, escaped as a whole, for the
     * expectation may quote a key or a value of the file, and the file's name is an input too.
     */
    public static String message(String file, JsonLocation location, String expected) {
        String where = location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return Printable.of(file + where + ": " + expected);
    }

    /**
     * What the parser (Jackson, or SnakeYAML through it) said, as one line: SnakeYAML's excerpt of the input below its
     * words (indented lines, and the mark {@code in 'reader', line L, column C}) is left out; the position is named by
     * {@link #message} from the exception's location.
     */
    public static String parserProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        List<String> words = new ArrayList<>();
        for (String line : original.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                words.add(line.strip());
            }
        }
        return String.join("; ", words);
    }

    /** How the value is named in messages: its text (the start of a long one), or what kind of value it is. */
    public String describe() {
        switch (type) {
            case OBJECT:
                return "a mapping";
            case ARRAY:
                return "a list";
            case NULL:
                return "nothing (null)";
            case STRING:
                return "\"" + Printable.shortened(text) + "\"";
            default:
                return Printable.shortened(text);
        }
    }
}
