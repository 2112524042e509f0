package dev.securebuild.provenance.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/**
 * Reads a release gate policy, YAML or JSON ({@code .json} files as JSON, every other as YAML), strictly: an unknown
 * key, a wrong type, an unknown check, a waiver without reason, a bad date is an {@link InvalidGatePolicyException}
 * naming the file, the line and column and what was expected there. A policy that cannot be read never turns into the
 * default one.
 *
 * <pre>
 * version: 1
 * required: [sign, findings, allowlist, provenance, reproducible]
 * waived:
 *   - check: reproducible
 *     reason: "The rebuild runs nightly, not in the release job"
 *     expires: 2027-06-30
 * approval:
 *   requiredForExceptions: true
 * </pre>
 */
public final class GatePolicyLoader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private GatePolicyLoader() {}

    public static GatePolicy load(Path file) throws IOException {
        String name = file.toString();
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        try (JsonParser parser = (json ? JSON : YAML).createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                throw InvalidGatePolicyException.at(name, parser.currentLocation(),
                        "the file is empty; expected a release gate policy, a mapping that starts with version: 1");
            }
            Node root = Node.read(parser, name);
            if (parser.nextToken() != null) {
                throw InvalidGatePolicyException.at(name, parser.currentTokenLocation(), "expected the end of the policy (one document, one mapping)");
            }
            return new Validation(name).policy(root);
        } catch (JsonProcessingException e) {
            throw InvalidGatePolicyException.at(name, e.getLocation(), "not valid " + (json ? "JSON" : "YAML") + " (" + e.getOriginalMessage() + ")");
        }
    }

    /** The file as a tree that remembers where each key and value stood. */
    private record Node(JsonToken token, JsonLocation location, String text, Map<String, Node> fields, Map<String, JsonLocation> keys,
                        List<Node> items) {

        static Node read(JsonParser parser, String file) throws IOException {
            JsonToken token = parser.currentToken();
            JsonLocation location = parser.currentTokenLocation();
            if (token == JsonToken.START_OBJECT) {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, JsonLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (keys.containsKey(key)) {
                        throw InvalidGatePolicyException.at(file, keyLocation, "key \"" + key + "\" is given twice (first at line "
                                + keys.get(key).getLineNr() + "); expected each key once");
                    }
                    parser.nextToken();
                    keys.put(key, keyLocation);
                    fields.put(key, read(parser, file));
                }
                return new Node(token, location, null, fields, keys, List.of());
            }
            if (token == JsonToken.START_ARRAY) {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new Node(token, location, null, Map.of(), Map.of(), items);
            }
            if (token == null || !token.isScalarValue()) {
                throw InvalidGatePolicyException.at(file, location, "expected a value, found " + token);
            }
            return new Node(token, location, token == JsonToken.VALUE_NULL ? null : parser.getText(), Map.of(), Map.of(), List.of());
        }

        boolean isObject() {
            return token == JsonToken.START_OBJECT;
        }

        boolean isArray() {
            return token == JsonToken.START_ARRAY;
        }

        String describe() {
            if (isObject()) {
                return "a mapping";
            }
            if (isArray()) {
                return "a list";
            }
            if (token == JsonToken.VALUE_NULL) {
                return "nothing (null)";
            }
            return token == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
        }
    }

    private static final class Validation {

        private final String file;

        Validation(String file) {
            this.file = file;
        }

        GatePolicy policy(Node root) throws InvalidGatePolicyException {
            object(root, "the policy", "a mapping with version, required, waived and approval");
            keys(root, "the policy", List.of("version", "required", "waived", "approval"));
            Node version = root.fields().get("version");
            if (version == null) {
                throw error(root.location(), "expected \"version: 1\" (the release gate policy schema version) in the policy");
            }
            if (version.token() != JsonToken.VALUE_NUMBER_INT || !version.text().equals("1")) {
                throw error(version.location(), "version: expected 1, the only schema version; got " + version.describe());
            }
            List<String> required = GatePolicy.DEFAULT_REQUIRED;
            Node requiredNode = root.fields().get("required");
            if (requiredNode != null) {
                required = checks(requiredNode, "required");
            }
            Map<String, GatePolicy.Waiver> waived = new LinkedHashMap<>();
            Node waivedNode = root.fields().get("waived");
            if (waivedNode != null && waivedNode.token() != JsonToken.VALUE_NULL) {
                if (!waivedNode.isArray()) {
                    throw error(waivedNode.location(), "waived: expected a list of {check, reason, expires}; got " + waivedNode.describe());
                }
                for (int i = 0; i < waivedNode.items().size(); i++) {
                    Node item = waivedNode.items().get(i);
                    String where = "waived #" + (i + 1);
                    object(item, where, "a mapping of check, reason and (optional) expires");
                    keys(item, where, List.of("check", "reason", "expires"));
                    Node checkNode = required(item, "check", where);
                    String check = check(checkNode, where + ".check");
                    if (waived.containsKey(check)) {
                        throw error(checkNode.location(), where + ".check: \"" + check + "\" is waived twice; expected each check once");
                    }
                    String reason = text(required(item, "reason", where), where + ".reason");
                    Node expiresNode = item.fields().get("expires");
                    waived.put(check, new GatePolicy.Waiver(check, reason, expiresNode == null ? null : date(expiresNode, where + ".expires")));
                }
            }
            boolean approval = false;
            Node approvalNode = root.fields().get("approval");
            if (approvalNode != null) {
                object(approvalNode, "approval", "a mapping with requiredForExceptions");
                keys(approvalNode, "approval", List.of("requiredForExceptions"));
                Node flag = approvalNode.fields().get("requiredForExceptions");
                if (flag != null) {
                    if (flag.token() != JsonToken.VALUE_TRUE && flag.token() != JsonToken.VALUE_FALSE) {
                        throw error(flag.location(), "approval.requiredForExceptions: expected true or false; got " + flag.describe());
                    }
                    approval = flag.token() == JsonToken.VALUE_TRUE;
                }
            }
            return new GatePolicy(file, required, waived, approval);
        }

        private List<String> checks(Node node, String where) throws InvalidGatePolicyException {
            if (!node.isArray()) {
                throw error(node.location(), where + ": expected a list of checks among " + String.join(", ", GatePolicy.CHECKS) + "; got " + node.describe());
            }
            List<String> checks = new ArrayList<>();
            for (Node item : node.items()) {
                String check = check(item, where);
                if (checks.contains(check)) {
                    throw error(item.location(), where + ": \"" + check + "\" is listed twice; expected each check once");
                }
                checks.add(check);
            }
            return checks;
        }

        private String check(Node node, String where) throws InvalidGatePolicyException {
            if (node.token() != JsonToken.VALUE_STRING || !GatePolicy.CHECKS.contains(node.text())) {
                throw error(node.location(), where + ": expected one of " + String.join(", ", GatePolicy.CHECKS) + "; got " + node.describe());
            }
            return node.text();
        }

        private Node required(Node node, String key, String where) throws InvalidGatePolicyException {
            Node value = node.fields().get(key);
            if (value == null) {
                throw error(node.location(), where + ": expected \"" + key + "\" (a waiver names its check and says why)");
            }
            return value;
        }

        private String text(Node node, String where) throws InvalidGatePolicyException {
            if (node.token() != JsonToken.VALUE_STRING || node.text().isBlank()) {
                throw error(node.location(), where + ": expected a non-empty text; got " + node.describe());
            }
            return node.text().strip();
        }

        private LocalDate date(Node node, String where) throws InvalidGatePolicyException {
            if (node.token() == JsonToken.VALUE_STRING) {
                try {
                    return LocalDate.parse(node.text().strip());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw error(node.location(), where + ": expected a date as YYYY-MM-DD; got " + node.describe());
        }

        private void object(Node node, String where, String expected) throws InvalidGatePolicyException {
            if (!node.isObject()) {
                throw error(node.location(), where + ": expected " + expected + "; got " + node.describe());
            }
        }

        private void keys(Node node, String where, List<String> allowed) throws InvalidGatePolicyException {
            for (String key : node.fields().keySet()) {
                if (!allowed.contains(key)) {
                    throw error(node.keys().get(key), where + ": unknown key \"" + key + "\"; expected one of " + String.join(", ", allowed));
                }
            }
        }

        private InvalidGatePolicyException error(JsonLocation location, String expected) {
            return InvalidGatePolicyException.at(file, location, expected);
        }
    }

    /** A policy file that cannot be used as it is. */
    public static final class InvalidGatePolicyException extends IOException {

        public InvalidGatePolicyException(String message) {
            super(message);
        }

        static InvalidGatePolicyException at(String file, JsonLocation location, String expected) {
            String where = location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new InvalidGatePolicyException(file + where + ": " + expected);
        }
    }
}
