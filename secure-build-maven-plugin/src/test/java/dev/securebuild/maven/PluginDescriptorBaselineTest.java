package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import org.junit.jupiter.api.Test;

/**
 * Goal names, settable parameters, their types, defaults and -D properties, and the goals' attributes are what users
 * configure: moving code must not change them. The baseline is the descriptor of the release before the code moved;
 * descriptions are left out, they may improve.
 */
class PluginDescriptorBaselineTest {

    private static final String BASELINE = "plugin-descriptor-baseline.txt";
    private static final Path ACTUAL = Path.of("target", "plugin-descriptor-actual.txt");
    private static final List<String> HEADER = List.of(
            "# The plugin descriptor before issue 16 moved the code (PluginDescriptorBaselineTest compares it with the one built now).",
            "# One line for the plugin, per goal, and per parameter a user can set, after its goal: names, types, defaults,",
            "# -D properties and the goals' attributes; not descriptions, which may improve, nor read-only parameters",
            "# (${project}, ${session}, ...), which no user sets.");

    @Test
    void goalsParametersDefaultsAndPropertiesAreTheBaselines() throws Exception {
        List<String> expected = baseline();
        List<String> actual = facts(PluginDescriptor.read());
        if (!actual.equals(expected)) {
            Files.createDirectories(ACTUAL.getParent());
            List<String> file = new ArrayList<>(HEADER);
            file.addAll(actual);
            Files.write(ACTUAL, file, StandardCharsets.UTF_8);
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("src/test/resources/" + BASELINE, ACTUAL.toString(),
                    expected, DiffUtils.diff(expected, actual), 1);
            fail("The plugin descriptor differs from the baseline (- baseline, + now). Users configure these names, defaults "
                    + "and properties: put the parameter back as it was. Only for a change the issue asks for, copy " + ACTUAL
                    + " over src/test/resources/" + BASELINE + ".\n" + String.join("\n", diff));
        }
    }

    /** One line for the plugin, one per goal, one per settable parameter after its goal. */
    static List<String> facts(PluginDescriptor descriptor) {
        List<String> lines = new ArrayList<>();
        Map<String, String> plugin = new TreeMap<>(descriptor.attributes());
        plugin.remove("version");
        lines.add("plugin" + pairs(plugin));
        for (PluginDescriptor.Goal goal : descriptor.goals()) {
            lines.add("goal " + goal.name() + pairs(goal.attributes()));
            for (PluginDescriptor.Parameter p : goal.settable()) {
                StringBuilder line = new StringBuilder("goal " + goal.name() + " parameter " + p.name() + pairs(p.attributes()));
                if (p.defaultValue() != null) {
                    line.append(" default=\"").append(p.defaultValue()).append('"');
                }
                if (p.property() != null) {
                    line.append(" property=").append(p.property());
                } else if (p.expression() != null) {
                    line.append(" expression=\"").append(p.expression()).append('"');
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String pairs(Map<String, String> attributes) {
        StringBuilder s = new StringBuilder();
        attributes.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }

    private static List<String> baseline() throws Exception {
        try (InputStream in = PluginDescriptorBaselineTest.class.getClassLoader().getResourceAsStream(BASELINE)) {
            assertNotNull(in, BASELINE + " is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
