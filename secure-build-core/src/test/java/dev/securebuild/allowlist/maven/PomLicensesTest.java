package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomLicensesTest {

    @TempDir
    Path folder;

    private final List<String> debug = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** POMs are files named g_a_v.pom in the temporary folder. */
    private PomLicenses reader() {
        return new PomLicenses((g, a, v) -> {
            reads.incrementAndGet();
            return folder.resolve(g + "_" + a + "_" + v + ".pom");
        }, cache, debug::add);
    }

    private void pom(String g, String a, String v, String parent, String licenses) throws IOException {
        String parentElement = parent == null ? "" : "<parent><groupId>" + parent.split(":")[0] + "</groupId><artifactId>"
                + parent.split(":")[1] + "</artifactId><version>" + parent.split(":")[2] + "</version></parent>\n";
        Files.writeString(folder.resolve(g + "_" + a + "_" + v + ".pom"), "<?xml version=\"1.0\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n<modelVersion>4.0.0</modelVersion>\n" + parentElement
                + "<groupId>" + g + "</groupId><artifactId>" + a + "</artifactId><version>" + v + "</version>\n"
                + (licenses == null ? "" : "<licenses>" + licenses + "</licenses>\n") + "</project>\n");
    }

    private static String license(String name, String url) {
        return "<license>" + (name == null ? "" : "<name>" + name + "</name>") + (url == null ? "" : "<url>" + url + "</url>") + "</license>";
    }

    @Test
    void readsTheDeclaredLicensesAsSpdxIds() throws IOException {
        pom("org.example", "dual", "1.0", null, license("The Apache Software License, Version 2.0", null)
                + license(null, "https://opensource.org/licenses/MIT") + license("Weird License 1.0", "https://example.com/weird"));

        assertEquals(List.of("Apache-2.0", "MIT", "Weird License 1.0"), reader().licenses("org.example", "dual", "1.0"));
    }

    @Test
    void followsParentsWhenThePomDeclaresNone() throws IOException {
        pom("org.example", "lib", "1.0", "org.example:parent:2", null);
        pom("org.example", "parent", "2", "org.example:root:7", null);
        pom("org.example", "root", "7", null, license("Eclipse Public License - v 2.0", null));

        assertEquals(List.of("EPL-2.0"), reader().licenses("org.example", "lib", "1.0"));
        assertEquals(List.of("EPL-2.0"), cache.get("org.example:parent:2"), "the parents' answers are cached too");
    }

    @Test
    void ownLicensesWinOverTheParents() throws IOException {
        pom("org.example", "lib", "1.0", "org.example:parent:2", license("MIT License", null));
        pom("org.example", "parent", "2", null, license("Apache-2.0", null));

        assertEquals(List.of("MIT"), reader().licenses("org.example", "lib", "1.0"));
    }

    @Test
    void stopsAfterFiveParents() throws IOException {
        for (int i = 0; i < 7; i++) {
            pom("org.example", "p" + i, "1", "org.example:p" + (i + 1) + ":1", null);
        }
        pom("org.example", "p7", "1", null, license("MIT", null));

        assertEquals(List.of(), reader().licenses("org.example", "p0", "1"), "p7 is 7 parents up");
        assertTrue(debug.stream().anyMatch(line -> line.contains("first 5 parents")), debug.toString());
        assertEquals(List.of("MIT"), reader().licenses("org.example", "p2", "1"), "a cut-off search is not cached: from p2, p7 is 5 up");
    }

    @Test
    void aMissingOrBrokenPomLeavesTheLicenseUnknownWithADebugLine() throws IOException {
        Files.writeString(folder.resolve("org.example_broken_1.pom"), "<project><licenses><license><name>MIT</name></licen");
        pom("org.example", "orphan", "1", "org.example:gone:1", null);
        PomLicenses reader = reader();

        assertEquals(List.of(), reader.licenses("org.example", "missing", "1"));
        assertEquals(List.of(), reader.licenses("org.example", "broken", "1"));
        assertEquals(List.of(), reader.licenses("org.example", "orphan", "1"));
        assertEquals(3, debug.size(), debug.toString());
        assertTrue(debug.get(0).contains("org.example:missing:1") && debug.get(0).contains("unknown"), debug.get(0));
        assertTrue(debug.get(1).startsWith("approvedDependencies: cannot read the POM of org.example:broken:1"), debug.get(1));
        assertTrue(debug.get(2).contains("org.example:gone:1"), debug.get(2));
    }

    @Test
    void readsEachPomOncePerSession() throws IOException {
        pom("org.example", "lib", "1.0", "org.example:parent:2", null);
        pom("org.example", "lib", "1.1", "org.example:parent:2", null);
        pom("org.example", "parent", "2", null, license("Apache License, Version 2.0", "https://www.apache.org/licenses/LICENSE-2.0"));

        reader().licenses("org.example", "lib", "1.0");
        reader().licenses("org.example", "lib", "1.0");
        assertEquals(List.of("Apache-2.0"), reader().licenses("org.example", "lib", "1.1"));
        assertEquals(3, reads.get(), "lib 1.0, its parent, lib 1.1");
    }
}
