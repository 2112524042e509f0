package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import dev.securebuild.allowlist.Component;

class BuildPomsTest {

    private static MavenProject project(String groupId, String artifactId, String version, MavenProject parent) {
        Model model = new Model();
        model.setGroupId(groupId);
        model.setArtifactId(artifactId);
        model.setVersion(version);
        if (parent != null) {
            Parent declared = new Parent();
            declared.setGroupId(parent.getGroupId());
            declared.setArtifactId(parent.getArtifactId());
            declared.setVersion(parent.getVersion());
            model.setParent(declared);
        }
        MavenProject project = new MavenProject(model);
        project.setParent(parent);
        return project;
    }

    private static Dependency managed(String artifactId, String fromModel) {
        Dependency dependency = new Dependency();
        dependency.setGroupId("g");
        dependency.setArtifactId(artifactId);
        dependency.setVersion("1");
        InputSource source = new InputSource();
        source.setModelId(fromModel);
        dependency.setLocation("", new InputLocation(3, 5, source));
        return dependency;
    }

    private static List<String> describe(List<Component> components) {
        return components.stream().map(c -> c + " via " + String.join(" -> ", c.path())).collect(Collectors.toList());
    }

    @Test
    void theParentChainIsNamedNearestFirstWithItsPath() {
        MavenProject corporate = project("com.example", "corporate-parent", "7", null);
        MavenProject team = project("com.example.team", "team-parent", "3", corporate);
        MavenProject app = project("com.example.team", "app", "1.0", team);
        assertEquals(List.of("com.example.team:team-parent:3 via com.example.team:app:1.0 -> com.example.team:team-parent:3",
                "com.example:corporate-parent:7 via com.example.team:app:1.0 -> com.example.team:team-parent:3 -> com.example:corporate-parent:7"),
                describe(BuildPoms.parents(app, "com.example.team:app:1.0", message -> { })));
    }

    @Test
    void aParentMavenDidNotBuildIsNamedAloneAndSaidSo() {
        MavenProject unbuilt = project("com.example", "corporate-parent", "7", null);
        MavenProject app = project("com.example", "app", "1.0", unbuilt);
        app.setParent(null);
        List<String> debug = new ArrayList<>();
        assertEquals(List.of("com.example:corporate-parent:7 via com.example:app:1.0 -> com.example:corporate-parent:7"),
                describe(BuildPoms.parents(app, "com.example:app:1.0", debug::add)));
        assertEquals(List.of("the parent of com.example:app:jar:1.0 was not built by Maven: its own parents are not checked"), debug);
    }

    @Test
    void importedBomsAreTheModelsManagedEntriesCameFromBesidesTheProjectAndItsParents() {
        MavenProject parent = project("com.example", "parent", "7", null);
        MavenProject app = project("com.example", "app", "1.0", parent);
        DependencyManagement management = new DependencyManagement();
        management.addDependency(managed("own", "com.example:app:1.0"));
        management.addDependency(managed("inherited", "com.example:parent:7"));
        management.addDependency(managed("jackson-core", "com.fasterxml.jackson:jackson-bom:2.18.2"));
        management.addDependency(managed("jackson-databind", "com.fasterxml.jackson:jackson-bom:2.18.2"));
        management.addDependency(managed("netty", "io.netty:netty-bom:4.1.115.Final"));
        management.addDependency(managed("unknown", null));
        app.getModel().setDependencyManagement(management);
        assertEquals(List.of("com.fasterxml.jackson:jackson-bom:2.18.2 (import) via com.example:app:1.0 -> com.fasterxml.jackson:jackson-bom:2.18.2",
                "io.netty:netty-bom:4.1.115.Final (import) via com.example:app:1.0 -> io.netty:netty-bom:4.1.115.Final"),
                describe(BuildPoms.importedBoms(app, "com.example:app:1.0")));
    }
}
