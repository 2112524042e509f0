package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.junit.jupiter.api.Test;

import dev.securebuild.allowlist.Component;

class DependencyGraphTest {

    private static final String PROJECT = "it:app:1.0";

    /** app -> text 1.12.0 -> lang3 3.14.0 (won); app -> io 2.16.1 -> lang3 3.12.0 (lost); app -> lib -> text 1.12.0 (duplicate). */
    private static DefaultDependencyNode graph() {
        DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("it:app:1.0"));
        DefaultDependencyNode text = node("org.apache.commons:commons-text:1.12.0", "compile");
        DefaultDependencyNode lang3 = node("org.apache.commons:commons-lang3:3.14.0", "compile");
        text.setChildren(new java.util.ArrayList<>(List.of(lang3)));
        DefaultDependencyNode io = node("commons-io:commons-io:2.16.1", "runtime");
        DefaultDependencyNode lostLang3 = node("org.apache.commons:commons-lang3:3.12.0", "runtime");
        lostLang3.setData(DependencyGraph.NODE_DATA_WINNER, lang3);
        io.setChildren(new java.util.ArrayList<>(List.of(lostLang3)));
        DefaultDependencyNode lib = node("it:lib:1.0", "test");
        DefaultDependencyNode sameText = node("org.apache.commons:commons-text:1.12.0", "test");
        sameText.setData(DependencyGraph.NODE_DATA_WINNER, text);
        lib.setChildren(new java.util.ArrayList<>(List.of(sameText)));
        root.setChildren(new java.util.ArrayList<>(List.of(text, io, lib)));
        return root;
    }

    private static DefaultDependencyNode node(String coordinates, String scope) {
        return new DefaultDependencyNode(new Dependency(new DefaultArtifact(coordinates), scope));
    }

    private static List<String> describe(List<Component> components) {
        return components.stream().map(c -> c + " via " + String.join(" -> ", c.path())).collect(Collectors.toList());
    }

    @Test
    void everyNodeWithItsPathAndTheLosersLeftOut() {
        List<String> found = describe(DependencyGraph.components(graph(), PROJECT, false));

        assertEquals(List.of(
                "org.apache.commons:commons-text:1.12.0 (compile) via it:app:1.0 -> org.apache.commons:commons-text:1.12.0",
                "org.apache.commons:commons-lang3:3.14.0 (compile) via it:app:1.0 -> org.apache.commons:commons-text:1.12.0"
                        + " -> org.apache.commons:commons-lang3:3.14.0",
                "commons-io:commons-io:2.16.1 (runtime) via it:app:1.0 -> commons-io:commons-io:2.16.1",
                "it:lib:1.0 (test) via it:app:1.0 -> it:lib:1.0",
                // the same version as the winner: the same artifact by another path, in the scope Maven uses it in
                "org.apache.commons:commons-text:1.12.0 (compile) via it:app:1.0 -> it:lib:1.0 -> org.apache.commons:commons-text:1.12.0"),
                found);
    }

    @Test
    void mavenKeepsTheWinnersOnly() {
        DefaultDependencyNode root = graph();
        List<String> kept = new java.util.ArrayList<>();
        java.util.ArrayDeque<DependencyNode> nodes = new java.util.ArrayDeque<>(root.getChildren());
        while (!nodes.isEmpty()) {
            DependencyNode node = nodes.pop();
            if (DependencyGraph.kept(node)) {
                kept.add(node.getArtifact().toString());
            }
            nodes.addAll(node.getChildren());
        }

        // neither lang3 3.12.0 (lost to 3.14.0) nor text under lib (the same version, reached by a longer path)
        assertEquals(List.of("org.apache.commons:commons-text:jar:1.12.0", "commons-io:commons-io:jar:2.16.1", "it:lib:jar:1.0",
                "org.apache.commons:commons-lang3:jar:3.14.0"), kept);
    }

    @Test
    void losersCountWhenAsked() {
        List<String> found = describe(DependencyGraph.components(graph(), PROJECT, true));

        assertEquals(6, found.size(), found.toString());
        assertEquals("org.apache.commons:commons-lang3:3.12.0 (runtime) via it:app:1.0 -> commons-io:commons-io:2.16.1"
                + " -> org.apache.commons:commons-lang3:3.12.0", found.get(3));
    }

    @Test
    void aCycleIsWalkedOnce() {
        DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("it:app:1.0"));
        DefaultDependencyNode a = node("it:a:1", "compile");
        DefaultDependencyNode b = node("it:b:1", "compile");
        a.setChildren(new java.util.ArrayList<>(List.of(b)));
        b.setChildren(new java.util.ArrayList<>(List.of(a)));
        root.setChildren(new java.util.ArrayList<>(List.of(a)));

        assertEquals(2, DependencyGraph.components(root, PROJECT, false).size());
    }

    @Test
    void theCacheIsOnePerSession() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        java.util.Map<String, DependencyNode> cache = DependencyGraph.cache(session);

        assertSame(cache, DependencyGraph.cache(session));
        assertSame(cache, DependencyGraph.cache(new DefaultRepositorySystemSession(session)));
    }
}
