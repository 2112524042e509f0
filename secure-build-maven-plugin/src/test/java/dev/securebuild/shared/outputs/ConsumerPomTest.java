package dev.securebuild.shared.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Maven 4's consumer POM: the names install and deploy give the POMs and what is attached beside them. */
class ConsumerPomTest {

    @Test
    void withAConsumerPomMaven4DeploysItAsThePomAndThePomFileWithClassifierBuild() {
        assertNull(ConsumerPom.deployedClassifier("consumer", "pom", true));
        assertEquals("build", ConsumerPom.deployedClassifier(null, "pom", true));
        assertEquals("build", ConsumerPom.deployedClassifier("", "pom", true));
        // Signatures and checksums attached beside each POM go with it.
        assertNull(ConsumerPom.deployedClassifier("consumer", "pom.asc", true));
        assertEquals("build", ConsumerPom.deployedClassifier(null, "pom.sha256", true));
    }

    @Test
    void everythingElseKeepsItsClassifier() {
        assertNull(ConsumerPom.deployedClassifier(null, "jar", true));
        assertEquals("sources", ConsumerPom.deployedClassifier("sources", "jar", true));
        assertEquals("sources", ConsumerPom.deployedClassifier("sources", "jar.asc", true));
        assertEquals("cyclonedx", ConsumerPom.deployedClassifier("cyclonedx", "pom", true), "another classifier of a POM");
        assertNull(ConsumerPom.deployedClassifier(null, "pomx", true), "an extension that only starts with pom");
    }

    @Test
    void withoutTheSwapNothingIsRenamed() {
        // Maven 3, or Maven 4 with -Dmaven.consumer.pom=false: no consumer POM, or one that is deployed as attached.
        assertNull(ConsumerPom.deployedClassifier(null, "pom", false));
        assertNull(ConsumerPom.deployedClassifier("", "pom", false));
        assertEquals("consumer", ConsumerPom.deployedClassifier("consumer", "pom", false));
        assertEquals("consumer", ConsumerPom.deployedClassifier("consumer", "pom.asc", false));
    }

    @Test
    void repositoryNamesAndTheConsumerPom() {
        assertEquals("demo-1.0.pom", ConsumerPom.repositoryName("demo", "1.0", null, "pom"));
        assertEquals("demo-1.0-build.pom", ConsumerPom.repositoryName("demo", "1.0", "build", "pom"));
        assertEquals("demo-1.0-SNAPSHOT-sources.jar", ConsumerPom.repositoryName("demo", "1.0-SNAPSHOT", "sources", "jar"));
        assertTrue(ConsumerPom.isConsumerPom("consumer", "pom"));
        assertFalse(ConsumerPom.isConsumerPom("consumer", "pom.asc"));
        assertFalse(ConsumerPom.isConsumerPom(null, "pom"));
    }

    @Test
    void maven4KeepsACopyInTheProjectLocalRepositoryOfTheRootsBuildFolder() {
        assertEquals(Path.of("/p/target/project-local-repo/dev.example/demo/1.0-SNAPSHOT/demo-1.0-SNAPSHOT-consumer.pom"),
                ConsumerPom.inProjectLocalRepository(Path.of("/p/target"), "dev.example", "demo", "1.0-SNAPSHOT"));
    }
}
