package dev.securebuild.provenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.securebuild.shared.text.Printable;

/**
 * What a statement records of the git working tree ({@code externalParameters.workingTree}, docs/provenance.md), read
 * strictly: a record that contradicts itself (clean, yet files differ) or has the wrong shape is refused, never read as
 * clean.
 */
final class RecordedWorkingTree {

    static final String FIELD = "predicate.buildDefinition.externalParameters.workingTree";
    private static final Set<String> FIELDS = Set.of("clean", "modifiedFiles", "modifiedFileCount", "untrackedFileCount", "incomplete");

    private RecordedWorkingTree() {}

    /**
     * @return the recorded state, or null when the statement does not record one
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Provenance.WorkingTree read(JsonNode statement) {
        JsonNode node = statement.path("predicate").path("buildDefinition").path("externalParameters").get("workingTree");
        if (node == null) {
            return null;
        }
        String expected = FIELD + ": expected {clean (true or false), modifiedFiles (names), modifiedFileCount, untrackedFileCount}";
        if (!node.isObject() || !node.path("clean").isBoolean() || !node.path("modifiedFiles").isArray()
                || !isCount(node.get("modifiedFileCount")) || !isCount(node.get("untrackedFileCount"))
                || (node.has("incomplete") && !node.get("incomplete").isBoolean())) {
            throw new IllegalArgumentException(expected + "; got " + Printable.abbreviated(node.toString()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(FIELD + ": unknown field \"" + Printable.of(name) + "\"");
            }
        }
        List<String> files = new ArrayList<>();
        for (JsonNode file : node.get("modifiedFiles")) {
            if (!file.isTextual()) {
                throw new IllegalArgumentException(FIELD + ".modifiedFiles: expected names (strings); got " + Printable.abbreviated(file.toString()));
            }
            files.add(file.asText());
        }
        Provenance.WorkingTree tree = new Provenance.WorkingTree(files, node.get("modifiedFileCount").intValue(),
                node.get("untrackedFileCount").intValue(), node.path("incomplete").asBoolean(false));
        if (tree.clean() != node.get("clean").booleanValue() || files.size() > tree.modifiedFileCount()) {
            throw new IllegalArgumentException(FIELD + ": contradicts itself: clean is " + node.get("clean").booleanValue() + " with "
                    + tree.modifiedFileCount() + " modified file(s), " + files.size() + " listed, " + tree.untrackedFileCount() + " untracked");
        }
        return tree;
    }

    private static boolean isCount(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber() && node.intValue() >= 0;
    }
}
