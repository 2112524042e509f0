package dev.securebuild.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PackageIdTest {

    @Test
    void aPurlsQualifiersAndSubpathNameAFileOfThePackageNotAnotherPackage() {
        PackageId plain = PackageId.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        PackageId qualified = PackageId.parse(" pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar&classifier=sources#META-INF ");
        assertEquals(new PackageId("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1"), plain);
        assertEquals(plain, qualified);
        assertEquals("maven:org.apache.logging.log4j/log4j-core@2.14.1", plain.key());
        assertEquals("maven:org.apache.logging.log4j/log4j-core", plain.packageKey());
    }

    @Test
    void aPurlAndAMavenCoordinateOfOnePackageHaveOneKey() {
        assertEquals(PackageId.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1").key(),
                PackageId.parse("org.apache.logging.log4j:log4j-core:2.14.1").key());
    }

    @Test
    void aPurlWithoutVersionHasAnEmptyVersionAndTheSamePackageKey() {
        PackageId unversioned = PackageId.parse("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertEquals("", unversioned.version());
        assertEquals("maven:org.apache.logging.log4j/log4j-core@", unversioned.key());
        assertEquals(PackageId.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1").packageKey(), unversioned.packageKey());
    }

    @Test
    void anNpmScopeReadsTheSameEncodedOrNotAndWithoutCase() {
        PackageId encoded = PackageId.parse("pkg:npm/%40angular/core@12.0.0");
        assertEquals(new PackageId("npm", "@angular", "core", "12.0.0"), encoded);
        assertEquals(encoded, PackageId.parse("pkg:npm/@angular/core@12.0.0"));
        assertEquals(encoded, PackageId.parse("pkg:npm/%40Angular/Core@12.0.0"), "npm names are not case-sensitive");
        assertEquals(new PackageId("npm", "@angular", "core", ""), PackageId.parse("pkg:npm/@angular/core"),
                "an unencoded scope without a version is not taken for a version");
    }

    @Test
    void pypiNamesAreNormalizedAsPep503Says() {
        PackageId expected = new PackageId("pypi", "", "django-rest-framework", "3.0");
        assertEquals(expected, PackageId.parse("pkg:pypi/Django_Rest.Framework@3.0"));
        assertEquals(expected, PackageId.parse("pkg:pypi/django-rest-framework@3.0"));
        assertEquals(expected, PackageId.parse("pkg:pypi/django__rest-.framework@3.0"), "a run of separators is one dash");
    }

    @Test
    void mavenIsCaseSensitiveAndATypeIsLowerCased() {
        PackageId id = PackageId.parse("pkg:MAVEN/Org.Example/Lib@1.0");
        assertEquals(new PackageId("maven", "Org.Example", "Lib", "1.0"), id);
    }

    @Test
    void mavenCoordinatesOfTwoToFiveParts() {
        assertEquals(new PackageId("maven", "org.example", "lib", ""), PackageId.parse("org.example:lib"));
        assertEquals(new PackageId("maven", "org.example", "lib", "1.0"), PackageId.parse("org.example:lib:1.0"));
        assertEquals(new PackageId("maven", "org.example", "lib", "1.0"), PackageId.parse("org.example:lib:jar:1.0"));
        assertEquals(new PackageId("maven", "org.example", "lib", "1.0-SNAPSHOT"), PackageId.parse("org.example:lib:jar:tests:1.0-SNAPSHOT"));
    }

    @Test
    void aDependencyTreeLineLosesItsScope() {
        assertEquals(new PackageId("maven", "org.example", "lib", "1.0"), PackageId.parse("org.example:lib:jar:1.0:compile"));
        assertEquals(new PackageId("maven", "org.example", "lib", "1.0"), PackageId.parse("org.example:lib:jar:tests:1.0:test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "log4j-core-2.14.1.jar", "org.example", "a:b:c:d:e:f", "org.example::1.0", ":lib:1.0", "org.example:lib:",
            "C:\\work\\lib.jar", "C:/work/lib.jar", "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", "cpe:/a:apache:log4j:2.14.1",
            "org example:lib:1.0", "pkg:", "pkg:maven", "pkg:maven/", "https://repo1.maven.org/maven2/"})
    void garbageIsNoPackage(String text) {
        assertNull(PackageId.parse(text), text);
    }

    @Test
    void nullIsNoPackage() {
        assertNull(PackageId.parse(null));
    }
}
