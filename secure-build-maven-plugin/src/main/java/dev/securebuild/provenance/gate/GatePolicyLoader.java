package dev.securebuild.provenance.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;

import dev.securebuild.shared.yaml.PositionedNode;

/**
 * Reads a release gate policy, YAML or JSON ({@code .json} files as JSON, every other as YAML), strictly: an unknown
 * key, a wrong type, an unknown check, a waiver without reason, a module pattern that is none, a bad date is an {@link InvalidGatePolicyException}
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
 *   - check: findings
 *     modules: [parent, "*-docs"]
 *     reason: "No code: nothing a scanner could read"
 * approval:
 *   requiredForExceptions: true
 * requireCleanSource: true
 * </pre>
 */
public final class GatePolicyLoader {


    private GatePolicyLoader() {}

    public static GatePolicy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /** Reads a policy from a stream; {@code name} names it in messages and chooses JSON when it ends in .json. */
    public static GatePolicy load(InputStream in, String name) throws IOException {
        PositionedNode root = PositionedNode.readDocument(in, name, "a release gate policy", "the policy", InvalidGatePolicyException::at);
        return new Validation(name).policy(root);
    }

    private static final class Validation {

        private final String file;

        Validation(String file) {
            this.file = file;
        }

        GatePolicy policy(PositionedNode root) throws InvalidGatePolicyException {
            object(root, "the policy", "a mapping with version, required, waived, approval and requireCleanSource");
            keys(root, "the policy", List.of("version", "required", "waived", "approval", "requireCleanSource"));
            PositionedNode version = root.fields().get("version");
            if (version == null) {
                throw error(root.location(), "expected \"version: 1\" (the release gate policy schema version) in the policy");
            }
            if (version.type() != PositionedNode.Type.NUMBER || !version.text().equals("1")) {
                throw error(version.location(), "version: expected 1, the only schema version; got " + version.describe());
            }
            List<String> required = GatePolicy.DEFAULT_REQUIRED;
            PositionedNode requiredNode = root.fields().get("required");
            if (requiredNode != null) {
                required = checks(requiredNode, "required");
            }
            List<GatePolicy.Waiver> waived = new ArrayList<>();
            PositionedNode waivedNode = root.fields().get("waived");
            if (waivedNode != null && !waivedNode.isNull()) {
                if (!waivedNode.isArray()) {
                    throw error(waivedNode.location(), "waived: expected a list of {check, modules, reason, expires}; got " + waivedNode.describe());
                }
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (int i = 0; i < waivedNode.items().size(); i++) {
                    PositionedNode item = waivedNode.items().get(i);
                    String where = "waived #" + (i + 1);
                    object(item, where, "a mapping of check, reason, (optional) modules and (optional) expires");
                    keys(item, where, List.of("check", "modules", "reason", "expires"));
                    PositionedNode checkNode = required(item, "check", where);
                    String check = check(checkNode, where + ".check");
                    PositionedNode modulesNode = item.fields().get("modules");
                    List<GatePolicy.ModulePattern> modules = modulesNode == null ? List.of() : modules(modulesNode, where + ".modules");
                    String key = check + " " + modules.stream().map(GatePolicy.ModulePattern::text).sorted().toList();
                    Integer twice = seen.putIfAbsent(key, i + 1);
                    if (twice != null) {
                        throw error(checkNode.location(), where + ".check: \"" + check + "\" is waived twice for the same modules (also by waived #"
                                + twice + "); expected each check once per modules");
                    }
                    String reason = text(required(item, "reason", where), where + ".reason");
                    PositionedNode expiresNode = item.fields().get("expires");
                    waived.add(new GatePolicy.Waiver(check, modules, reason, expiresNode == null ? null : date(expiresNode, where + ".expires")));
                }
            }
            boolean approval = false;
            PositionedNode approvalNode = root.fields().get("approval");
            if (approvalNode != null) {
                object(approvalNode, "approval", "a mapping with requiredForExceptions");
                keys(approvalNode, "approval", List.of("requiredForExceptions"));
                PositionedNode flag = approvalNode.fields().get("requiredForExceptions");
                if (flag != null) {
                    if (flag.type() != PositionedNode.Type.BOOLEAN) {
                        throw error(flag.location(), "approval.requiredForExceptions: expected true or false; got " + flag.describe());
                    }
                    approval = flag.booleanValue();
                }
            }
            boolean cleanSource = false;
            PositionedNode cleanSourceNode = root.fields().get("requireCleanSource");
            if (cleanSourceNode != null) {
                if (cleanSourceNode.type() != PositionedNode.Type.BOOLEAN) {
                    throw error(cleanSourceNode.location(), "requireCleanSource: expected true or false; got " + cleanSourceNode.describe());
                }
                cleanSource = cleanSourceNode.booleanValue();
            }
            return new GatePolicy(file, required, waived, approval, cleanSource);
        }

        private List<String> checks(PositionedNode node, String where) throws InvalidGatePolicyException {
            if (!node.isArray()) {
                throw error(node.location(), where + ": expected a list of checks among " + String.join(", ", GatePolicy.CHECKS) + "; got " + node.describe());
            }
            List<String> checks = new ArrayList<>();
            for (PositionedNode item : node.items()) {
                String check = check(item, where);
                if (checks.contains(check)) {
                    throw error(item.location(), where + ": \"" + check + "\" is listed twice; expected each check once");
                }
                checks.add(check);
            }
            return checks;
        }

        /** One pattern or a list of them: {@code artifactId} or {@code groupId:artifactId}, {@code *} for any run of characters. */
        private List<GatePolicy.ModulePattern> modules(PositionedNode node, String where) throws InvalidGatePolicyException {
            List<PositionedNode> items = node.isArray() ? node.items() : List.of(node);
            if (items.isEmpty()) {
                throw error(node.location(), where + ": expected at least one module pattern (leave modules out to waive the check for every module)");
            }
            List<GatePolicy.ModulePattern> patterns = new ArrayList<>();
            for (PositionedNode item : items) {
                try {
                    if (item.type() != PositionedNode.Type.STRING) {
                        throw new IllegalArgumentException("not a text");
                    }
                    patterns.add(GatePolicy.ModulePattern.parse(item.text().strip()));
                } catch (IllegalArgumentException e) {
                    throw error(item.location(), where + ": expected an artifactId or groupId:artifactId pattern (letters, digits, '.', '_', '-', "
                            + "and '*' for any run of characters), or a list of them; got " + item.describe());
                }
            }
            return patterns;
        }

        private String check(PositionedNode node, String where) throws InvalidGatePolicyException {
            if (node.type() != PositionedNode.Type.STRING || !GatePolicy.CHECKS.contains(node.text())) {
                throw error(node.location(), where + ": expected one of " + String.join(", ", GatePolicy.CHECKS) + "; got " + node.describe());
            }
            return node.text();
        }

        private PositionedNode required(PositionedNode node, String key, String where) throws InvalidGatePolicyException {
            PositionedNode value = node.fields().get(key);
            if (value == null) {
                throw error(node.location(), where + ": expected \"" + key + "\" (a waiver names its check and says why)");
            }
            return value;
        }

        private String text(PositionedNode node, String where) throws InvalidGatePolicyException {
            if (node.type() != PositionedNode.Type.STRING || node.text().isBlank()) {
                throw error(node.location(), where + ": expected a non-empty text; got " + node.describe());
            }
            return node.text().strip();
        }

        private LocalDate date(PositionedNode node, String where) throws InvalidGatePolicyException {
            if (node.type() == PositionedNode.Type.STRING) {
                try {
                    return LocalDate.parse(node.text().strip());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw error(node.location(), where + ": expected a date as YYYY-MM-DD; got " + node.describe());
        }

        private void object(PositionedNode node, String where, String expected) throws InvalidGatePolicyException {
            if (!node.isObject()) {
                throw error(node.location(), where + ": expected " + expected + "; got " + node.describe());
            }
        }

        private void keys(PositionedNode node, String where, List<String> allowed) throws InvalidGatePolicyException {
            for (String key : node.fields().keySet()) {
                if (!allowed.contains(key)) {
                    throw error(node.keyLocations().get(key), where + ": unknown key \"" + key + "\"; expected one of " + String.join(", ", allowed));
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
            return new InvalidGatePolicyException(PositionedNode.message(file, location, expected));
        }
    }
}
