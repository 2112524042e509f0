package dev.securebuild.enforcer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.allowlist.AllowListDecider;
import dev.securebuild.allowlist.AllowListLoader;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.Decision;

class OffendersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static AllowListDecider decider() throws Exception {
        String yaml = "version: 1\n"
                + "approved:\n"
                + "  - groupId: org.apache.commons\n"
                + "    artifactId: commons-lang3\n"
                + "    versions: \"[3.16.0,4.0)\"\n"
                + "    reason: utilities\n"
                + "    owner: platform\n";
        return new AllowListDecider(List.of(AllowListLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "org.yaml",
                "list 1")));
    }

    private static Component lang3(String... path) {
        return new Component("org.apache.commons", "commons-lang3", "3.14.0", "compile", List.of(), List.of(path));
    }

    @Test
    void oneMessagePerComponentWithItsPathsNearMissesAndEntry() throws Exception {
        AllowListDecider decider = decider();
        Decision decision = decider.decide(lang3("it:app:1.0", "org.apache.commons:commons-text:1.12.0", "org.apache.commons:commons-lang3:3.14.0"),
                TODAY);
        Offenders offenders = new Offenders();
        offenders.add(decision, List.of("it:app:1.0", "org.apache.commons:commons-text:1.12.0", "org.apache.commons:commons-lang3:3.14.0"));
        offenders.add(decision, List.of("it:app:1.0", "it:lib:1.0", "org.apache.commons:commons-lang3:3.14.0"));
        offenders.add(decision, List.of("it:app:1.0", "it:lib:1.0", "org.apache.commons:commons-lang3:3.14.0"));

        assertEquals(1, offenders.size());
        assertEquals("org.apache.commons:commons-lang3:3.14.0 (compile) is not covered by any approval of the allow-lists (list 1)\n"
                + "  path: it:app:1.0 -> org.apache.commons:commons-text:1.12.0 -> org.apache.commons:commons-lang3:3.14.0\n"
                + "  path: it:app:1.0 -> it:lib:1.0 -> org.apache.commons:commons-lang3:3.14.0\n"
                + "  nearly matched: version 3.14.0 is outside [3.16.0,4.0) of entry org.yaml:3 (list 1)\n"
                + "  to request an approval, add to the approved list:\n"
                + "    - groupId: \"org.apache.commons\"\n"
                + "      artifactId: \"commons-lang3\"\n"
                + "      versions: \"3.14.0\"\n"
                + "      scopes: [compile]\n"
                + "      reason: \"TODO\"\n"
                + "      owner: \"TODO\"", offenders.describe());
    }

    @Test
    void atMostThreePathsThenACount() throws Exception {
        Decision decision = decider().decide(lang3("it:app:1.0", "org.apache.commons:commons-lang3:3.14.0"), TODAY);
        Offenders offenders = new Offenders();
        for (int i = 1; i <= 5; i++) {
            offenders.add(decision, List.of("it:app:1.0", "it:lib" + i + ":1.0", "org.apache.commons:commons-lang3:3.14.0"));
        }

        String message = offenders.describe();
        assertTrue(message.contains("it:lib3:1.0") && !message.contains("it:lib4:1.0"), message);
        assertTrue(message.contains("\n  and 2 more paths\n"), message);
    }

    @Test
    void componentsAreKeptApartAndInOrder() throws Exception {
        AllowListDecider decider = decider();
        Offenders offenders = new Offenders();
        Component io = new Component("commons-io", "commons-io", "2.16.1", "runtime", List.of(), List.of("it:app:1.0", "commons-io:commons-io:2.16.1"));
        offenders.add(decider.decide(io, TODAY), io.path());
        Component lang3 = lang3("it:app:1.0", "org.apache.commons:commons-lang3:3.14.0");
        offenders.add(decider.decide(lang3, TODAY), lang3.path());

        assertEquals(2, offenders.messages().size());
        assertTrue(offenders.messages().get(0).startsWith("commons-io:commons-io:2.16.1 (runtime) is named by no entry"),
                offenders.messages().get(0));
        assertTrue(offenders.messages().get(1).startsWith("org.apache.commons:commons-lang3:3.14.0 (compile)"));
    }

    @Test
    void anOffenderAnotherModuleReportedGetsOneLine() throws Exception {
        AllowListDecider decider = decider();
        ReportedOffenders reported = new ReportedOffenders();
        Offenders moduleB = new Offenders();
        moduleB.add(decider.decide(lang3("it:module-b:1.0", "org.apache.commons:commons-lang3:3.14.0"), TODAY),
                List.of("it:module-b:1.0", "org.apache.commons:commons-lang3:3.14.0"));
        Offenders moduleC = new Offenders();
        moduleC.add(decider.decide(lang3("it:module-c:1.0", "org.apache.commons:commons-lang3:3.14.0"), TODAY),
                List.of("it:module-c:1.0", "org.apache.commons:commons-lang3:3.14.0"));

        String first = moduleB.describe(reported, "it:module-b:pom:1.0");
        assertTrue(first.startsWith("org.apache.commons:commons-lang3:3.14.0 (compile) is not covered by any approval"), first);
        assertTrue(first.contains("\n  path: it:module-b:1.0 -> org.apache.commons:commons-lang3:3.14.0\n"), first);
        assertEquals(List.of("org.apache.commons:commons-lang3:3.14.0 (compile): already reported for it:module-b:pom:1.0"),
                moduleC.messages(reported, "it:module-c:pom:1.0"));
        assertEquals(1, moduleC.size());
    }
}
