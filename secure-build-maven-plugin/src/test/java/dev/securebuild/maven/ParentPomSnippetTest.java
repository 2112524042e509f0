package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * README's corporate-parent snippet is an excerpt of examples/corporate-parent/pom.xml, which an IT builds: this keeps
 * the excerpt from drifting from what is tested. The secure-build executions are the same, in the same order, and
 * every setting the snippet gives is the example's.
 */
class ParentPomSnippetTest {

    private static final Pattern EXECUTION = Pattern.compile("<execution>\\s*<id>([^<]+)</id>\\s*<goals>\\s*<goal>([^<]+)</goal>");
    private static final Pattern LEAF = Pattern.compile("<([\\w.-]+)>([^<]+)</\\1>");

    @Test
    void theReadmeSnippetIsAnExcerptOfTheTestedCorporateParent() throws Exception {
        Path repository = GoalPagesTest.docs().resolve("..");
        String readme = Files.readString(repository.resolve("README.md"));
        int section = readme.indexOf("## Add it to a corporate parent POM");
        assertTrue(section >= 0, "README.md has a section 'Add it to a corporate parent POM'");
        int start = readme.indexOf("```xml", section);
        String snippet = readme.substring(start, readme.indexOf("```", start + 6));
        String example = Files.readString(repository.resolve("examples/corporate-parent/pom.xml"));

        Set<String> goals = PluginDescriptor.read().goals().stream().map(PluginDescriptor.Goal::name).collect(Collectors.toSet());
        List<String> tested = executions(example, goals);
        assertTrue(tested.contains("release-gate: release-gate") && tested.contains("sign: sign"), "the example's executions: " + tested);
        assertEquals(tested, executions(snippet, goals), "secure-build's executions (id: goal), in order");

        Set<String> exampleLeaves = leaves(example);
        List<String> foreign = new ArrayList<>();
        for (String leaf : leaves(snippet)) {
            // The example names secure-build's version by a property that its IT sets; the snippet gives the version.
            if (!exampleLeaves.contains(leaf) && !leaf.startsWith("<version>0.1.0")) {
                foreign.add(leaf);
            }
        }
        assertTrue(foreign.isEmpty(), "README's snippet has settings the example does not: " + foreign);
        assertTrue(snippet.contains("<deployAtEnd>true</deployAtEnd>"), "the snippet deploys at the end");
    }

    private static List<String> executions(String xml, Set<String> goals) {
        List<String> found = new ArrayList<>();
        Matcher m = EXECUTION.matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            if (goals.contains(m.group(2))) {
                found.add(m.group(1) + ": " + m.group(2));
            }
        }
        return found;
    }

    private static Set<String> leaves(String xml) {
        Matcher m = LEAF.matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        Set<String> found = new java.util.LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
