package dev.securebuild.lock;

import static dev.securebuild.lock.LockFilesTest.A256;
import static dev.securebuild.lock.LockFilesTest.A512;
import static dev.securebuild.lock.LockFilesTest.B256;
import static dev.securebuild.lock.LockFilesTest.B512;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LockCheckTest {

    private static final Path LOCK = Path.of("secure-build.lock.json");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LockKey GUAVA = LockKey.parse("com.google.guava:guava:jar:33.3.1-jre");
    private static final LockKey FAILURE = LockKey.parse("com.google.guava:failureaccess:jar:1.0.2");

    private final LockFile lock = LockFilesTest.sample();

    private static ModuleLock app(List<LockedUse> uses) {
        return new ModuleLock("org.example:app", uses, List.of("org.example:lib:1.0-SNAPSHOT"));
    }

    private Map<LockKey, ResolvedFile> sameBytes() {
        Map<LockKey, ResolvedFile> files = new HashMap<>();
        lock.artifacts().values().forEach(a -> files.put(a.key(), ResolvedFile.of(a, Path.of("/m2/" + a.key().artifactId() + ".jar"))));
        return files;
    }

    private List<LockCheck.Violation> check(ModuleLock actual, Map<LockKey, ResolvedFile> files, List<LockExclusion> exclusions) {
        return LockCheck.check(lock, LOCK, actual, files, Set.of(), exclusions, TODAY);
    }

    @Test
    void theSameArtifactsWithTheSameBytesPassAndTheReactorsOwnModulesAreNotCompared() {
        ModuleLock rebuilt = new ModuleLock("org.example:app", lock.modules().get("org.example:app").uses(), List.of("org.example:lib:1.1-SNAPSHOT"));
        assertEquals(List.of(), check(rebuilt, sameBytes(), List.of()));
    }

    @Test
    void aChangedByteNamesTheArtifactTheFileBothDigestsAndTheRepository() {
        Map<LockKey, ResolvedFile> files = sameBytes();
        files.put(GUAVA, ResolvedFile.of(new LockedArtifact(GUAVA, B256, B512, "mirror"), Path.of("/m2/guava-33.3.1-jre.jar")));

        List<LockCheck.Violation> violations = check(lock.modules().get("org.example:app"), files, List.of());

        assertEquals(1, violations.size());
        assertEquals(LockCheck.Kind.DIGEST_MISMATCH, violations.get(0).kind());
        assertEquals("com.google.guava:guava:jar:33.3.1-jre: the bytes of /m2/guava-33.3.1-jre.jar are not the ones locked\n  sha256 " + B256
                + ", locked " + A256 + "\n  from repository mirror, locked from central\n  a tampered file, a changed mirror or a re-released"
                + " version: find out which before accepting it with mvn secure-build:lock", violations.get(0).message());
    }

    @Test
    void aRepositoryIdFromTheLockOrTheLocalRepositoryCannotForgeALogLine() {
        Map<LockKey, ResolvedFile> files = sameBytes();
        files.put(GUAVA, ResolvedFile.of(new LockedArtifact(GUAVA, B256, B512, "evil\n[INFO] BUILD SUCCESS"), Path.of("/m2/guava.jar")));

        String message = check(lock.modules().get("org.example:app"), files, List.of()).get(0).message();

        assertTrue(message.contains("from repository evil\\n[INFO] BUILD SUCCESS, locked from central"), message);
    }

    @Test
    void aNewTransitiveVersionThroughAChangedDirectDependencyIsAMoveWithItsPath() {
        LockKey guava2 = LockKey.parse("com.google.guava:guava:jar:33.4.0-jre");
        LockKey failure2 = LockKey.parse("com.google.guava:failureaccess:jar:1.0.3");
        List<LockedUse> uses = new ArrayList<>(lock.modules().get("org.example:app").uses());
        uses.removeIf(u -> u.kind() == LockedUse.Kind.DEPENDENCY);
        uses.add(new LockedUse(LockedUse.Kind.DEPENDENCY, guava2, "compile", null));
        uses.add(new LockedUse(LockedUse.Kind.DEPENDENCY, failure2, "compile", guava2));

        List<LockCheck.Violation> violations = check(app(uses), sameBytes(), List.of());

        assertEquals(List.of(LockCheck.Kind.VERSION_MOVED, LockCheck.Kind.VERSION_MOVED), violations.stream().map(LockCheck.Violation::kind).toList());
        assertTrue(violations.stream().anyMatch(v -> v.message().equals("dependency com.google.guava:failureaccess:jar moved from 1.0.2 to 1.0.3"
                + " in org.example:app\n  path: org.example:app -> com.google.guava:guava:jar:33.4.0-jre -> com.google.guava:failureaccess:jar:1.0.3\n"
                + "  review the change, then accept it with mvn secure-build:lock")), violations.toString());
    }

    @Test
    void anArtifactNotListedAndOneNoLongerUsedAreNamed() {
        LockKey extra = LockKey.parse("org.example:new-thing:jar:1.0");
        List<LockedUse> uses = new ArrayList<>(lock.modules().get("org.example:app").uses());
        uses.removeIf(u -> u.artifact().equals(FAILURE));
        uses.add(new LockedUse(LockedUse.Kind.DEPENDENCY, extra, "runtime", GUAVA));

        List<LockCheck.Violation> violations = check(app(uses), sameBytes(), List.of());

        assertEquals(List.of(LockCheck.Kind.UNLISTED, LockCheck.Kind.NO_LONGER_RESOLVED), violations.stream().map(LockCheck.Violation::kind).toList());
        assertTrue(violations.get(0).message().contains("path: org.example:app -> com.google.guava:guava:jar:33.3.1-jre -> org.example:new-thing:jar:1.0"),
                violations.get(0).message());
        assertTrue(violations.get(1).message().startsWith("dependency com.google.guava:failureaccess:jar:1.0.2 (compile) is in the lock for"
                + " org.example:app and no longer used"), violations.get(1).message());
    }

    @Test
    void anExclusionInForceSkipsItsArtifactsAndAnExpiredOneIsAViolation() {
        Map<LockKey, ResolvedFile> files = sameBytes();
        files.put(GUAVA, ResolvedFile.of(new LockedArtifact(GUAVA, B256, B512, "mirror"), Path.of("/m2/guava.jar")));
        LockExclusion guava = new LockExclusion("com.google.guava:*", "rebuilt by our mirror", "platform@example.com", TODAY.plusDays(30));

        assertEquals(List.of(), check(lock.modules().get("org.example:app"), files, List.of(guava)));

        LockExclusion expired = new LockExclusion("com.google.guava:*", "rebuilt by our mirror", "platform@example.com", TODAY.minusDays(1));
        List<LockCheck.Violation> violations = check(lock.modules().get("org.example:app"), files, List.of(expired));
        assertEquals(List.of(LockCheck.Kind.EXCLUSION_EXPIRED, LockCheck.Kind.DIGEST_MISMATCH), violations.stream().map(LockCheck.Violation::kind).toList());
    }

    @Test
    void aModuleTheLockDoesNotHaveIsOneViolationSayingHowToLockIt() {
        List<LockCheck.Violation> violations = check(new ModuleLock("org.example:new-module", List.of(), List.of()), Map.of(), List.of());
        assertEquals(List.of("module org.example:new-module is not in the lock secure-build.lock.json: lock the reactor with mvn secure-build:lock and"
                + " review what it adds"), violations.stream().map(LockCheck.Violation::message).toList());
    }

    private static final LockKey COMPILER = LockKey.parse("org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0");
    private static final LockKey PLEXUS = LockKey.parse("org.codehaus.plexus:plexus-java:jar:1.4.0");

    @Test
    void aPluginTheBuildDoesNotRunIsCheckedWithoutItsDependencies() {
        List<LockedUse> uses = new ArrayList<>(lock.modules().get("org.example:app").uses());
        uses.removeIf(u -> u.kind() == LockedUse.Kind.PLUGIN_DEPENDENCY);
        Map<LockKey, ResolvedFile> files = sameBytes();
        files.remove(PLEXUS);

        assertEquals(List.of(), LockCheck.check(lock, LOCK, app(uses), files, Set.of(COMPILER), List.of(), TODAY));

        List<LockCheck.Violation> whenItRuns = check(app(uses), files, List.of());
        assertEquals(List.of(LockCheck.Kind.NO_LONGER_RESOLVED), whenItRuns.stream().map(LockCheck.Violation::kind).toList());
        assertEquals(PLEXUS.toString(), whenItRuns.get(0).artifact());
    }

    @Test
    void thePluginOfAPluginNotRunIsStillComparedByteForByte() {
        List<LockedUse> uses = new ArrayList<>(lock.modules().get("org.example:app").uses());
        uses.removeIf(u -> u.kind() == LockedUse.Kind.PLUGIN_DEPENDENCY);
        Map<LockKey, ResolvedFile> files = sameBytes();
        files.put(COMPILER, ResolvedFile.of(new LockedArtifact(COMPILER, B256, B512, "central"), Path.of("/m2/compiler.jar")));

        List<LockCheck.Violation> violations = LockCheck.check(lock, LOCK, app(uses), files, Set.of(COMPILER), List.of(), TODAY);

        assertEquals(List.of(LockCheck.Kind.DIGEST_MISMATCH), violations.stream().map(LockCheck.Violation::kind).toList());
    }

    @Test
    void onlyWhatPluginsNotRunAloneBringInIsNotExpected() {
        LockKey resources = LockKey.parse("org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1");
        LockKey shared = LockKey.parse("org.codehaus.plexus:plexus-utils:jar:4.0.2");
        LockKey belowShared = LockKey.parse("org.codehaus.plexus:plexus-xml:jar:4.0.4");
        LockKey filtering = LockKey.parse("org.apache.maven.shared:maven-filtering:jar:3.3.2");
        LockKey belowFiltering = LockKey.parse("org.sonatype.plexus:plexus-build-api:jar:0.0.7");
        LockKey onlyCompiler = LockKey.parse("org.ow2.asm:asm:jar:9.7.1");
        ModuleLock locked = app(List.of(
                new LockedUse(LockedUse.Kind.PLUGIN, COMPILER, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN, resources, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, PLEXUS, null, COMPILER),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, onlyCompiler, null, PLEXUS),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, shared, null, COMPILER),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, shared, null, resources),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, belowShared, null, shared),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, filtering, null, resources),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, belowFiltering, null, filtering),
                // a dependency the dependency graph has too: not a plugin's
                new LockedUse(LockedUse.Kind.DEPENDENCY, filtering, "compile", null)));

        Set<String> notExpected = LockCheck.broughtOnlyThrough(locked, Set.of(resources));

        // resources alone brings in maven-filtering and what is below it; plexus-utils the compiler brings in too, and
        // plexus-xml below it may have come from either: neither is held against a build that runs the compiler only.
        assertEquals(Set.of("plugin-dependency " + filtering, "plugin-dependency " + belowFiltering, "plugin-dependency " + belowShared), notExpected);
        assertEquals(Set.of(), LockCheck.broughtOnlyThrough(locked, Set.of()));
        assertEquals(Set.of("plugin-dependency " + PLEXUS, "plugin-dependency " + onlyCompiler, "plugin-dependency " + belowShared),
                LockCheck.broughtOnlyThrough(locked, Set.of(COMPILER)));
    }

    @Test
    void aMovedVersionIsPairedWithTheOneTheSameArtifactBroughtIn() {
        LockKey deploy = LockKey.parse("org.apache.maven.plugins:maven-deploy-plugin:jar:3.1.2");
        LockKey codec11 = LockKey.parse("commons-codec:commons-codec:jar:1.11");
        LockKey codec16 = LockKey.parse("commons-codec:commons-codec:jar:1.16.0");
        LockKey codec17 = LockKey.parse("commons-codec:commons-codec:jar:1.17.1");
        List<LockedUse> locked = List.of(new LockedUse(LockedUse.Kind.PLUGIN, COMPILER, null, null), new LockedUse(LockedUse.Kind.PLUGIN, deploy, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, codec11, null, deploy), new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, codec16, null, COMPILER));
        LockFile withCodec = new LockFile(List.of(new LockedArtifact(COMPILER, A256, A512, "central"), new LockedArtifact(deploy, A256, A512, "central"),
                new LockedArtifact(codec11, A256, A512, "central"), new LockedArtifact(codec16, A256, A512, "central")), List.of(app(locked)));
        List<LockedUse> now = List.of(new LockedUse(LockedUse.Kind.PLUGIN, COMPILER, null, null), new LockedUse(LockedUse.Kind.PLUGIN, deploy, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, codec17, null, COMPILER));

        List<LockCheck.Violation> violations = LockCheck.check(withCodec, LOCK, app(now), Map.of(), Set.of(deploy), List.of(), TODAY);

        assertEquals(List.of(LockCheck.Kind.VERSION_MOVED), violations.stream().map(LockCheck.Violation::kind).toList());
        assertTrue(violations.get(0).message().startsWith("plugin-dependency commons-codec:commons-codec:jar moved from 1.16.0 to 1.17.1 in org.example:app"),
                violations.get(0).message());
    }
}
