package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The byte-by-byte comparison of contents too large to diff: where they first differ, across buffer boundaries too. */
class BinaryTest {

    private static Difference streamed(String left, String right) throws IOException {
        return Binary.streamed("f", left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8), "why");
    }

    @Test
    void theFirstDifferingByteAndItsLine() throws IOException {
        Difference d = streamed("a\nb\nc", "a\nb\nx");
        assertEquals("4", d.fact("firstDifferenceOffset"));
        assertEquals("3", d.fact("firstDifferenceLine"));
        assertTrue(d.summary().endsWith("same size (5 B); why; first difference at byte 4 (line 3)"), d.summary());
    }

    @Test
    void aPrefixDiffersWhereItEnds() throws IOException {
        assertEquals("3", streamed("abc", "abcdef").fact("firstDifferenceOffset"));
        assertEquals("3", streamed("abcdef", "abc").fact("firstDifferenceOffset"));
        assertEquals("0", streamed("", "a").fact("firstDifferenceOffset"));
    }

    @Test
    void theSameBytesSaySo() throws IOException {
        Difference d = streamed("same", "same");
        assertEquals("-1", d.fact("firstDifferenceOffset"));
        assertTrue(d.summary().endsWith("the bytes are the same"), d.summary());
    }

    @Test
    void aDifferencePastTheFirstBufferIsFound() throws IOException {
        String base = "x".repeat(200_000);
        String other = base.substring(0, 150_000) + "y" + base.substring(150_001);
        Difference d = streamed(base, other);
        assertEquals("150000", d.fact("firstDifferenceOffset"));
        assertEquals(d.details().get(0).substring(14), Digests.hex(dev.securebuild.shared.digest.DigestAlgorithm.SHA256,
                new java.io.ByteArrayInputStream(base.getBytes(StandardCharsets.UTF_8))));
    }
}
