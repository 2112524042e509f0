package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CycloneDxComponentsTest {

    @Test
    void refsResolveToPurlsThroughBomRefsAndBomLinks() {
        CycloneDxComponents components = new CycloneDxComponents();
        components.add("my ref+1", "pkg:maven/org.example/a@1.0", null, "a", "1.0");
        components.add("no-purl", null, "org.example", "b", null);
        components.add("nameless", null, null, null, null);
        components.add(null, "pkg:npm/not-referable@1", null, null, null);

        assertEquals("pkg:maven/org.example/a@1.0", components.resolve("my ref+1"));
        assertEquals("pkg:maven/org.example/a@1.0", components.resolve("urn:cdx:f08a6ccd-4dce-4759-bd84-c626675d60a7/1#my%20ref+1"),
                "a BOM-Link's bom-ref is percent-encoded; '+' stays '+'");
        assertEquals("pkg:deb/ubuntu/libstdc%2B%2B6@12.3.0", components.resolve("urn:cdx:f08a6ccd/1#pkg:deb/ubuntu/libstdc%2B%2B6@12.3.0"),
                "a purl fragment keeps its own encoding");
        assertEquals("org.example/b", components.resolve("no-purl"));
        assertEquals("nameless", components.resolve("nameless"), "a component with neither purl nor name: the ref as written");
        assertEquals("pkg:npm/z@1", components.resolve(" pkg:npm/z@1 "));
        assertEquals("elsewhere", components.resolve("urn:cdx:other/1#elsewhere"));
        assertNull(components.resolve(""));
        assertNull(components.resolve(null));
    }
}
