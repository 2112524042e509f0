package dev.securebuild.shared.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a relative path of a shared file is read from: the top of the reactor, the same for every module. */
class LocationBaseTest {

    @TempDir
    Path root;

    private Path moduleA() throws IOException {
        return Files.createDirectories(root.resolve("module-a"));
    }

    @Test
    void theFolderWithMvnIsTheTopForEveryProjectBelowIt() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));

        LocationBase base = LocationBase.reactorTop(root, root, root);
        assertEquals(root, base.folder());
        assertEquals(LocationBase.MVN_FOLDER, base.why());
        // Built from a module's folder, with -pl or -f module-a/pom.xml: the top-level project is the module, the top is not.
        assertEquals(root, LocationBase.reactorTop(root, moduleA(), moduleA()).folder());
        assertEquals(LocationBase.MVN_FOLDER, LocationBase.reactorTop(root, moduleA(), moduleA()).why());
        assertEquals(root, LocationBase.reactorTop(root, null, root).folder(), "without a project too");
    }

    @Test
    void withoutMvnTheTopLevelProjectIsTheTop() throws IOException {
        // Maven sets maven.multiModuleProjectDirectory to where it started when it finds no .mvn/: that is no marker.
        LocationBase base = LocationBase.reactorTop(moduleA(), root, moduleA());
        assertEquals(root, base.folder());
        assertEquals(LocationBase.TOP_LEVEL_PROJECT, base.why());
        assertEquals(root, LocationBase.reactorTop(null, root, null).folder(), "maven.multiModuleProjectDirectory not known");
        assertEquals(moduleA(), LocationBase.reactorTop(null, moduleA(), root).folder(), "-pl module-a without .mvn/: the module");
    }

    @Test
    void aSingleModuleProjectIsItsOwnTop() throws IOException {
        assertEquals(root, LocationBase.reactorTop(root, root, root).folder());
        Files.createDirectories(root.resolve(".mvn"));
        assertEquals(root, LocationBase.reactorTop(root, root, root).folder());
    }

    @Test
    void anMvnFolderThatIsNotAboveTheProjectIsNotItsReactors() throws IOException {
        Path other = Files.createDirectories(root.resolve("other/.mvn")).getParent();
        LocationBase base = LocationBase.reactorTop(other, moduleA(), moduleA());
        assertEquals(moduleA(), base.folder());
        assertEquals(LocationBase.TOP_LEVEL_PROJECT, base.why());
    }

    @Test
    void withoutAProjectTheFolderMavenRunsIn() {
        LocationBase base = LocationBase.reactorTop(root, null, root);
        assertEquals(root, base.folder());
        assertEquals(LocationBase.EXECUTION_ROOT, base.why());
        assertEquals(Path.of("").toAbsolutePath(), LocationBase.reactorTop(null, null, null).folder());
    }

    @Test
    void fromTheSessionTheMultiModuleDirectoryTheTopLevelProjectAndTheExecutionRoot() throws IOException {
        Path module = moduleA();
        MavenProject top = new MavenProject();
        top.setFile(root.resolve("pom.xml").toFile());
        top.setExecutionRoot(true);
        MavenProject child = new MavenProject();
        child.setFile(module.resolve("pom.xml").toFile());

        assertEquals(root + " (the top-level project)", LocationBase.reactorTop(session(module, module, child, top)).toString());
        Files.createDirectories(root.resolve(".mvn"));
        assertEquals(root + " (the folder with .mvn/)", LocationBase.reactorTop(session(root, module, child)).toString(),
                "mvn -f module-a/pom.xml: Maven found .mvn/ above the module");
        assertEquals(module + " (the folder Maven runs in)", LocationBase.reactorTop(session(null, module)).toString(), "no project");
        MavenProject stub = new MavenProject(); // a goal run without a POM: Maven's stand-in project has no file
        assertEquals(module + " (the folder Maven runs in)", LocationBase.reactorTop(session(null, module, stub)).toString());
    }

    private static MavenSession session(Path multiModuleDirectory, Path executionRoot, MavenProject... projects) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setMultiModuleProjectDirectory(multiModuleDirectory == null ? null : multiModuleDirectory.toFile());
        request.setBaseDirectory(executionRoot.toFile());
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(projects));
        return session;
    }

    @Test
    void aMissingFileSaysWhereAndWhyThere() {
        LocationBase base = LocationBase.reactorTop(null, Path.of("/r"), null);
        assertEquals("the allow-list /r/approved.yaml (list 1) does not exist: a relative path is read from the top of the reactor /r"
                + " (the top-level project, as no .mvn/ marks the top); for this module's own file write ${project.basedir}/approved.yaml",
                base.missing("the allow-list", base.resolve("approved.yaml"), "(list 1)", "approved.yaml"));
        assertEquals("the allow-list /r/lists/approved.yaml (list 2) does not exist: a relative path is read from the top of the reactor /r"
                + " (the top-level project, as no .mvn/ marks the top); for this module's own file write ${project.basedir}/lists/approved.yaml",
                base.missing("the allow-list", base.resolve("./lists/approved.yaml"), "(list 2)", " ./lists/approved.yaml "));
    }

    @Test
    void anAbsolutePathWasLookedForWhereItSays() {
        LocationBase base = LocationBase.reactorTop(null, Path.of("/r"), null);
        assertEquals("", base.whyThere("/r/module-a/approved.yaml"));
        assertEquals("The policy /r/module-a/p.yaml does not exist", base.missing("The policy", Path.of("/r/module-a/p.yaml"), null, "/r/module-a/p.yaml"));
    }

    @Test
    void aPlainFolderSaysOnlyWhere() {
        assertEquals(": a relative path is read from /somewhere; for this module's own file write ${project.basedir}/gate.yaml",
                LocationBase.folder(Path.of("/somewhere")).whyThere("gate.yaml"));
    }

    @Test
    void aValueFromThePomIsEscapedInTheMessage() {
        String whyThere = LocationBase.folder(Path.of("/r")).whyThere("a.yaml\n[INFO] BUILD SUCCESS");
        assertEquals(": a relative path is read from /r; for this module's own file write ${project.basedir}/a.yaml\\n[INFO] BUILD SUCCESS", whyThere);
    }
}
