package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code secure-build:help -Ddetail} prints the descriptions the descriptor took from the javadoc: a parameter whose
 * javadoc is only {@code @since} describes nothing there.
 */
class ParameterDescriptionsTest {

    /** Fewer words than this is a name repeated, not a description. */
    private static final int FEWEST_WORDS = 3;

    @Test
    void everyGoalAndEverySettableParameterIsDescribed() throws Exception {
        List<String> undescribed = new ArrayList<>();
        for (PluginDescriptor.Goal goal : PluginDescriptor.read().goals()) {
            if (!described(goal.description())) {
                undescribed.add(goal.name() + ": the mojo's class javadoc");
            }
            for (PluginDescriptor.Parameter p : goal.settable()) {
                if (!described(p.description())) {
                    undescribed.add(goal.name() + " " + p.name() + ": \"" + p.description() + "\"");
                }
            }
        }
        assertTrue(undescribed.isEmpty(), "Described in help by nothing (or next to nothing): write the javadoc above the mojo or the "
                + "@Parameter field, a sentence before its @since:\n" + String.join("\n", undescribed));
    }

    @Test
    void onlyASinceOrAWordOrTwoDescribeNothing() {
        assertFalse(described(""));
        assertFalse(described("@since 0.1.0"));
        assertFalse(described("<p>Skip.</p>"));
        assertTrue(described("Skip this goal."));
    }

    static boolean described(String description) {
        String text = description.replaceAll("<[^>]*>", " ").trim();
        return !text.startsWith("@") && text.split("\\s+").length >= FEWEST_WORDS;
    }
}
