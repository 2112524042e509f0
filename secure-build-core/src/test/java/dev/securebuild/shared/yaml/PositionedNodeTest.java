package dev.securebuild.shared.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

class PositionedNodeTest {

    /** Stands for a caller's own exception type, made the way the callers make theirs. */
    static final class Refused extends Exception {
        Refused(String file, JsonLocation location, String expected) {
            super(file + " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + expected);
        }
    }

    private static PositionedNode yaml(String text) throws IOException, Refused {
        return read(new YAMLFactory(), text, "list.yaml");
    }

    private static PositionedNode read(JsonFactory factory, String text, String file) throws IOException, Refused {
        try (JsonParser parser = factory.createParser(text)) {
            parser.nextToken();
            return PositionedNode.read(parser, file, Refused::new);
        }
    }

    @Test
    void aKeyGivenTwiceNamesBothLines() {
        Refused refused = assertThrows(Refused.class, () -> yaml("a: 1\nb: 2\na: 3\n"));
        assertEquals("list.yaml at line 3, column 1: key \"a\" is given twice (first at line 1); expected each key once", refused.getMessage());
    }

    @Test
    void theSameKeyInTwoMappingsIsNoDuplicate() throws Exception {
        PositionedNode root = yaml("- name: x\n- name: y\n");
        assertEquals(List.of("x", "y"), List.of(root.items().get(0).fields().get("name").text(), root.items().get(1).fields().get("name").text()));
    }

    @Test
    void theEndOfTheFileWhereAValueBelongsIsRefused() {
        Refused refused = assertThrows(Refused.class, () -> yaml(""));
        assertTrue(refused.getMessage().startsWith("list.yaml at line 1, column 1: "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(": expected a value, found the end of the file"), refused.getMessage());
    }

    @Test
    void scalarsKeepTheirTextAsWritten() throws Exception {
        PositionedNode root = yaml("number: 1.10\nquoted: \"1.10\"\nyes: yes\nno: False\nnothing:\n");
        PositionedNode number = root.fields().get("number");
        assertEquals(PositionedNode.Type.NUMBER, number.type());
        assertEquals("1.10", number.text());
        assertEquals(PositionedNode.Type.STRING, root.fields().get("quoted").type());
        assertEquals("1.10", root.fields().get("quoted").text());
        // YAML's other spellings of true and false: the token decides, the text stays as written
        PositionedNode yes = root.fields().get("yes");
        assertEquals(PositionedNode.Type.BOOLEAN, yes.type());
        assertEquals("yes", yes.text());
        assertTrue(yes.booleanValue());
        assertEquals("False", root.fields().get("no").text());
        assertFalse(root.fields().get("no").booleanValue());
        assertTrue(root.fields().get("nothing").isNull());
        assertNull(root.fields().get("nothing").text());
    }

    @Test
    void keysAndValuesKeepTheirPositions() throws Exception {
        PositionedNode root = read(new JsonFactory(), "{\n  \"versions\": [\"1.0\",\n    \"2.0\"]\n}", "list.json");
        assertTrue(root.isObject());
        assertEquals(1, root.location().getLineNr());
        JsonLocation key = root.keyLocations().get("versions");
        assertEquals(2, key.getLineNr());
        assertEquals(3, key.getColumnNr());
        PositionedNode versions = root.fields().get("versions");
        assertTrue(versions.isArray());
        assertEquals(2, versions.location().getLineNr());
        assertEquals(3, versions.items().get(1).location().getLineNr());
        assertEquals(5, versions.items().get(1).location().getColumnNr());
    }

    @Test
    void describeNamesTheValueAsMessagesShowIt() throws Exception {
        PositionedNode root = yaml("map: {a: 1}\nlist: [1]\nnothing: null\ntext: abc\nnumber: 4.0\nflag: true\n");
        assertEquals("a mapping", root.fields().get("map").describe());
        assertEquals("a list", root.fields().get("list").describe());
        assertEquals("nothing (null)", root.fields().get("nothing").describe());
        assertEquals("\"abc\"", root.fields().get("text").describe());
        assertEquals("4.0", root.fields().get("number").describe());
        assertEquals("true", root.fields().get("flag").describe());
    }

    @Test
    void aValueThatIsNoPlainValueIsRefused() {
        Refused refused = assertThrows(Refused.class, () -> yaml("data: !!binary aGVsbG8=\n"));
        assertEquals("list.yaml at line 1, column 7: expected a value, found VALUE_EMBEDDED_OBJECT", refused.getMessage());
    }
}
