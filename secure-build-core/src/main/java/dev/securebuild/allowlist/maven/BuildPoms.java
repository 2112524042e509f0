package dev.securebuild.allowlist.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.project.MavenProject;

import dev.securebuild.allowlist.Component;

/**
 * The POMs a project's build definition is made of besides its own: its parent POM chain, and the BOMs its dependency
 * management imports. Both decide what the build does (plugins, versions, repositories), so an allow-list may govern
 * them like dependencies. They have no scope, except BOMs: {@code import}.
 */
public final class BuildPoms {

    /** The scope of an imported BOM, as its {@code <dependency>} declares it. */
    static final String IMPORT_SCOPE = "import";

    private BuildPoms() {}

    /**
     * The parents of {@code project}, nearest first, each with the path through the nearer ones. Maven builds the
     * parent projects (from the reactor or the repositories); when it could not, the declared parent is named alone.
     */
    static List<Component> parents(MavenProject project, String root, Consumer<String> debug) {
        List<Component> parents = new ArrayList<>();
        List<String> path = new ArrayList<>();
        path.add(root);
        MavenProject child = project;
        while (child.getModel().getParent() != null) {
            MavenProject parent = child.getParent();
            if (parent == null) {
                Parent declared = child.getModel().getParent();
                path.add(declared.getGroupId() + ":" + declared.getArtifactId() + ":" + declared.getVersion());
                parents.add(new Component(declared.getGroupId(), declared.getArtifactId(), declared.getVersion(), null, List.of(), path));
                debug.accept("the parent of " + child.getId() + " was not built by Maven: its own parents are not checked");
                break;
            }
            path.add(ProjectComponents.coordinates(parent));
            parents.add(new Component(parent.getGroupId(), parent.getArtifactId(), parent.getVersion(), null, List.of(), path));
            child = parent;
        }
        return parents;
    }

    /**
     * The BOMs whose entries are in the project's dependency management: Maven removes the {@code import} entries once
     * it has merged them, but every merged entry keeps the id of the model it came from. Ids of the project and its
     * parents are its own dependency management; any other is an imported BOM (also one imported by another BOM). A
     * BOM every entry of which the project overrides contributes nothing and is not named.
     */
    public static List<Component> importedBoms(MavenProject project, String root) {
        Set<String> lineage = new LinkedHashSet<>();
        for (MavenProject model = project; model != null; model = model.getParent()) {
            lineage.add(ProjectComponents.coordinates(model));
        }
        Model effective = project.getModel();
        DependencyManagement management = effective.getDependencyManagement();
        Set<String> boms = new LinkedHashSet<>();
        if (management != null) {
            // Asked for every managed dependency of every module (a BOM manages hundreds, one after the other): each
            // source is looked at when it changes, without a split.
            InputSource previous = null;
            for (Dependency managed : management.getDependencies()) {
                InputLocation location = managed.getLocation("");
                InputSource source = location == null ? null : location.getSource();
                if (source == previous) {
                    continue;
                }
                previous = source;
                String modelId = source == null ? null : source.getModelId();
                if (modelId != null && colons(modelId) == 2 && !boms.contains(modelId) && !lineage.contains(modelId) && !modelId.contains("${")) {
                    boms.add(modelId);
                }
            }
        }
        List<Component> components = new ArrayList<>();
        for (String bom : boms) {
            String[] parts = bom.split(":");
            components.add(new Component(parts[0], parts[1], parts[2], IMPORT_SCOPE, List.of(), List.of(root, bom)));
        }
        return components;
    }

    private static int colons(String text) {
        int colons = 0;
        for (int at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
            colons++;
        }
        return colons;
    }
}
