package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import dev.securebuild.shared.settings.InvalidSettingException;

class ApprovedDependenciesConfigurationTest {

    private static Xpp3Dom xml(String text) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(text));
    }

    private static Plugin enforcer() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-enforcer-plugin");
        return plugin;
    }

    private static PluginExecution execution(String id, Xpp3Dom configuration) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setConfiguration(configuration);
        return execution;
    }

    private static MavenProject project(Plugin declared, Plugin managed) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("parent");
        model.setVersion("1.0");
        model.setPackaging("pom");
        Build build = new Build();
        if (declared != null) {
            build.addPlugin(declared);
        }
        if (managed != null) {
            PluginManagement management = new PluginManagement();
            management.addPlugin(managed);
            build.setPluginManagement(management);
        }
        model.setBuild(build);
        return new MavenProject(model);
    }

    @Test
    void theFirstExecutionThatConfiguresTheRuleGivesItsListsAndOptions() throws Exception {
        Plugin plugin = enforcer();
        plugin.addExecution(execution("other-rules", xml("<configuration><rules><requireJavaVersion><version>17</version></requireJavaVersion>"
                + "</rules></configuration>")));
        plugin.addExecution(execution("approved", xml("<configuration><rules><approvedDependencies><lists>"
                + "<list> /work/org.yaml </list><list>com.example:team-list:3</list></lists><includePlugins>false</includePlugins>"
                + "<includeLosers>true</includeLosers></approvedDependencies></rules></configuration>")));
        ApprovedDependenciesConfiguration rule = ApprovedDependenciesConfiguration.of(project(plugin, null)).orElseThrow();
        assertEquals(List.of("/work/org.yaml", "com.example:team-list:3"), rule.lists());
        assertEquals(Boolean.FALSE, rule.flag("includePlugins"));
        assertEquals(Boolean.TRUE, rule.flag("includeLosers"));
        assertNull(rule.flag("readLicenses"), "not given: the goal's default");
        assertEquals("maven-enforcer-plugin execution 'approved' (build plugins) of com.example:parent:pom:1.0", rule.where());
    }

    @Test
    void thePluginsOwnConfigurationAndPluginManagementCountToo() throws Exception {
        Plugin plugin = enforcer();
        plugin.setConfiguration(xml("<configuration><rules><rule implementation=\"dev.securebuild.enforcer.ApprovedDependencies\"><lists>"
                + "<list>a.yaml</list></lists></rule></rules></configuration>"));
        assertEquals(List.of("a.yaml"), ApprovedDependenciesConfiguration.of(project(plugin, null)).orElseThrow().lists());
        Plugin managed = enforcer();
        managed.addExecution(execution("approved", xml("<configuration><rules><approvedDependencies><lists><list>m.yaml</list></lists>"
                + "</approvedDependencies></rules></configuration>")));
        ApprovedDependenciesConfiguration fromManagement = ApprovedDependenciesConfiguration.of(project(null, managed)).orElseThrow();
        assertEquals(List.of("m.yaml"), fromManagement.lists());
        assertTrue(fromManagement.where().contains("(pluginManagement)"));
    }

    @Test
    void noRuleIsEmptyAndAnUnresolvedExpressionIsAnError() throws Exception {
        assertFalse(ApprovedDependenciesConfiguration.of(project(null, null)).isPresent());
        Plugin plugin = enforcer();
        plugin.addExecution(execution("approved", xml("<configuration><rules><approvedDependencies><lists>"
                + "<list>${session.executionRootDirectory}/org.yaml</list></lists></approvedDependencies></rules></configuration>")));
        ApprovedDependenciesConfiguration rule = ApprovedDependenciesConfiguration.of(project(plugin, null)).orElseThrow();
        InvalidSettingException error = assertThrows(InvalidSettingException.class, rule::lists, "when the goal is given no lists of its own");
        assertTrue(error.getMessage().startsWith("The approvedDependencies rule in maven-enforcer-plugin execution 'approved' (build plugins) of"
                + " com.example:parent:pom:1.0 has <list>${session.executionRootDirectory}/org.yaml</list>, an expression the POM does not"
                + " resolve: give the lists to allowlist-report with -Dsecure-build.allowlists="), error.getMessage());
    }
}
